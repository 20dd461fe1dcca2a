/**
 * Any inventory file: a CSV, or an .xlsx workbook, told apart by their first bytes (./sniff.ts).
 * Its own module so that what checks CSV alone (the web page's worker) never reaches the workbook
 * reader; that reader (and its zip and XML libraries) is loaded only for a workbook.
 */
import { RecallCheckError } from '../core/errors.js';
import type { Readable } from 'node:stream';
import type { Catalog } from '../core/catalog.js';
import { mapColumns } from './columns.js';
import { checkCsv, checkTable, type CsvBatch, type CsvBatchOptions } from './run.js';
import { sniff } from './sniff.js';

export interface InputBatchOptions extends CsvBatchOptions {
  /** The workbook sheet to check; the first sheet when absent. */
  sheet?: string | undefined;
}

export async function checkInput(catalog: Catalog, source: AsyncIterable<Uint8Array> | Readable, opts: InputBatchOptions): Promise<CsvBatch> {
  const input = await sniff(source as AsyncIterable<Uint8Array>, opts.name);
  if (input.kind === 'text') return checkCsv(catalog, input.source, opts);
  const { readWorkbook } = await import('./workbook.js');
  const book = await readWorkbook(input.source, opts);
  // A workbook's CSV output is written as Excel reads a CSV back best: UTF-8 with a byte-order
  // mark, commas, CRLF.
  const shape = { kind: 'xlsx', sheet: book.sheet, encoding: 'utf-8', bom: true, delimiter: ',', sepLine: false, linebreak: '\r\n', headerRaw: undefined } as const;
  let columns;
  try {
    columns = mapColumns(book.header.cells, opts, opts.name);
  } catch (e) {
    // The model column may well be on another sheet: say which sheets there are, and how to pick one.
    const others = book.sheets.filter((s) => s !== book.sheet);
    if (!(e instanceof RecallCheckError) || others.length === 0 || opts.sheet !== undefined) throw e;
    const problems = e.problems.map((p) => ({ ...p, message: `${p.message} (sheet "${book.sheet}"; the workbook's other sheets: ${others.map((s) => `"${s}"`).join(', ')}: name one with --sheet.)` }));
    throw new RecallCheckError(e.kind, problems);
  }
  return checkTable(catalog, book, shape, opts, columns);
}
