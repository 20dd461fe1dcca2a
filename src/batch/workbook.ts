/**
 * An .xlsx workbook → the same records the CSV reader gives: one sheet's rows, each with its sheet
 * row number as its line and its cells as the text the sheet shows (./cell-text.ts). The header is
 * the first row that is not empty. Read with exceljs's streaming reader, row batch by row batch, so
 * a sheet is never held whole; exceljs itself is loaded only here, and this module only when the
 * input is a workbook (see ./sniff.ts).
 */
import { Readable } from 'node:stream';
import { RecallCheckError } from '../core/errors.js';
import { cellText } from './cell-text.js';
import type { TableRecord } from './table.js';

export interface WorkbookOptions {
  /** Name for messages: the file path, or "stdin". */
  name: string;
  /** The sheet to read; the first sheet of the workbook when absent. */
  sheet?: string | undefined;
}

export interface WorkbookTable {
  sheet: string;
  header: TableRecord;
  records: AsyncGenerator<TableRecord[], void, undefined>;
}

interface ExcelCell {
  value: unknown;
  numFmt: string | undefined;
}
interface ExcelRow {
  number: number;
  eachCell(iteratee: (cell: ExcelCell, col: number) => void): void;
}
interface WorksheetReader {
  name?: string;
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}

export async function readWorkbook(source: AsyncIterable<Uint8Array>, opts: WorkbookOptions): Promise<WorkbookTable> {
  const { default: ExcelJS } = await import('exceljs');
  const fail = (message: string) => new RecallCheckError('input', [{ file: opts.name, message }]);
  // Styles are read for the number formats: without them a date or a "00042" cell has no format.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const book = reader as unknown as { model?: { sheets?: { name: string }[] } } & AsyncIterable<WorksheetReader>;
  const sheets = () => (book.model?.sheets ?? []).map((s) => s.name);
  const listed = () => sheets().map((s) => `"${s}"`).join(', ');

  let wanted: string | undefined;
  let found = false;
  async function* batches(): AsyncGenerator<TableRecord[], void, undefined> {
    try {
      for await (const ws of book) {
        const names = sheets();
        wanted ??= opts.sheet ?? names[0];
        if (opts.sheet !== undefined && names.length > 0 && !names.includes(opts.sheet)) {
          throw new RecallCheckError('usage', [{ file: opts.name, message: `has no sheet "${opts.sheet}". Its sheets: ${listed()}. Name one with --sheet.` }]);
        }
        if (ws.name !== wanted) continue;
        found = true;
        for await (const events of ws.parse()) {
          const out: TableRecord[] = [];
          for (const { eventType, value } of events) {
            if (eventType === 'row') out.push(recordOf(value as ExcelRow));
          }
          if (out.length > 0) yield out;
        }
        return;
      }
    } catch (e) {
      if (e instanceof RecallCheckError) throw e;
      throw fail(`cannot be read as an Excel workbook (.xlsx): ${(e as Error).message}. Open it in Excel and save it again, or save the sheet as "CSV UTF-8".`);
    }
    if (sheets().length === 0) throw fail('is a zip file but not an Excel workbook (.xlsx): it has no sheets. Nothing was checked.');
    throw fail(`the sheet "${wanted}" has no rows: it is empty. Nothing was checked.`);
  }

  const records = batches();
  // The header is the first row that holds any text: rows above it (a title left blank) are not data.
  let header: TableRecord | undefined;
  let rest: TableRecord[] = [];
  while (header === undefined) {
    const next = await records.next();
    if (next.done) break;
    const at = next.value.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
    if (at !== -1) {
      header = next.value[at]!;
      rest = next.value.slice(at + 1);
    }
  }
  if (!header || !found) throw fail(`the sheet "${wanted}" has no rows: it is empty. Nothing was checked.`);
  const width = header.cells.length;
  const pad = (r: TableRecord): TableRecord => (r.cells.length < width ? { ...r, cells: [...r.cells, ...new Array<string>(width - r.cells.length).fill('')] } : r);
  async function* padded(): AsyncGenerator<TableRecord[], void, undefined> {
    // A sheet leaves out the empty cells at the end of a row: they are empty cells, not missing ones.
    if (rest.length > 0) yield rest.map(pad);
    for await (const batch of records) yield batch.map(pad);
  }
  return { sheet: wanted!, header, records: padded() };
}

function recordOf(row: ExcelRow): TableRecord {
  const cells: string[] = [];
  row.eachCell((cell, col) => {
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = cellText(cell.value, cell.numFmt);
  });
  // Cells that hold nothing visible at the end of the row are the row's end, as in a CSV export.
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return { line: row.number, cells, raw: undefined };
}
