/**
 * An .xlsx workbook → the same records the CSV reader gives: one sheet's rows, each with its sheet
 * row number as its line and its cells as the text the sheet shows (./cell-text.ts). The header is
 * the first row that is not empty. The zip is read as it streams (unzipper, exceljs's own zip
 * reader) and the sheet's XML parsed row batch by row batch (./workbook-xml.ts), so a sheet is never
 * held whole; this module is loaded only when the input is a workbook (see ./sniff.ts).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RecallCheckError } from '../core/errors.js';
import type { TableRecord } from './table.js';
import { readRelsPart, readSharedStringsPart, readSheetPart, readStylesPart, readWorkbookPart, type SheetRow, type WorkbookSheets } from './workbook-xml.js';

export interface WorkbookOptions {
  /** Name for messages: the file path, or "stdin". */
  name: string;
  /** The sheet to read; the first sheet of the workbook when absent. */
  sheet?: string | undefined;
}

export interface WorkbookTable {
  sheet: string;
  /** Every sheet of the workbook, in order. */
  sheets: string[];
  header: TableRecord;
  records: AsyncGenerator<TableRecord[], void, undefined>;
}

/** The zip's entries as the reader sees them: one part's path and its bytes, streamed. */
type Entry = import('unzipper').Entry;

export async function readWorkbook(source: AsyncIterable<Uint8Array>, opts: WorkbookOptions): Promise<WorkbookTable> {
  const { default: unzipper } = await import('unzipper');
  const fail = (message: string) => new RecallCheckError('input', [{ file: opts.name, message }]);
  const zip = unzipper.Parse({ forceStream: true });
  Readable.from(source).on('error', (e) => zip.destroy(e)).pipe(zip);

  let book: WorkbookSheets | undefined;
  let rels: Awaited<ReturnType<typeof readRelsPart>> | undefined;
  let strings: string[] | undefined;
  let formats: string[] | undefined;
  let wanted: string | undefined;
  let found = false;
  const listed = () => book!.sheets.map((s) => `"${s.name}"`).join(', ');
  /** The zip path of the sheet to read, once the workbook and its relationships are known. */
  const target = () => {
    if (!book || !rels) return undefined;
    wanted ??= opts.sheet ?? book.sheets[0]?.name;
    const sheet = book.sheets.find((s) => s.name === wanted);
    return sheet && rels.targets.get(sheet.rId);
  };
  // A part is read where it is in the zip; the sheet before the parts it needs (Excel writes the
  // shared strings after the sheets) waits in a temporary file, as exceljs's reader does.
  const ready = () => book && rels && (strings !== undefined || !rels.byType.has('sharedStrings')) && (formats !== undefined || !rels.byType.has('styles'));
  let spool: { dir: string; files: Map<string, string> } | undefined;
  const sheetOf = (chunks: AsyncIterable<Uint8Array>) => {
    found = true;
    return readSheetPart(chunks, { strings, formats: formats ?? [], date1904: book!.date1904 });
  };
  const isSheet = (path: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(path);

  async function* batches(): AsyncGenerator<TableRecord[], void, undefined> {
    try {
      for await (const entry of zip as AsyncIterable<Entry>) {
        const path = entry.path;
        if (path === 'xl/workbook.xml') {
          book = await readWorkbookPart(entry);
          if (opts.sheet !== undefined && !book.sheets.some((s) => s.name === opts.sheet)) {
            throw new RecallCheckError('usage', [{ file: opts.name, message: `has no sheet "${opts.sheet}". Its sheets: ${listed()}. Name one with --sheet.` }]);
          }
        } else if (path === 'xl/_rels/workbook.xml.rels') rels = await readRelsPart(entry);
        else if (path === (rels?.byType.get('sharedStrings') ?? 'xl/sharedStrings.xml')) strings = await readSharedStringsPart(entry);
        else if (path === (rels?.byType.get('styles') ?? 'xl/styles.xml')) formats = await readStylesPart(entry);
        else if (isSheet(path) && !found) {
          const t = target();
          if (t !== undefined && t !== path) entry.autodrain();
          else if (t !== undefined && ready()) {
            for await (const rows of sheetOf(entry)) yield rows.map(toRecord);
            return;
          } else {
            spool ??= { dir: await mkdtemp(join(tmpdir(), 'recall-check-xlsx-')), files: new Map() };
            const file = join(spool.dir, String(spool.files.size));
            await pipeline(entry, createWriteStream(file));
            spool.files.set(path, file);
          }
        } else entry.autodrain();
      }
      if (!book || !rels) throw fail('is a zip file but not an Excel workbook (.xlsx): it has no xl/workbook.xml. Nothing was checked.');
      if (book.sheets.length === 0) throw fail('is a zip file but not an Excel workbook (.xlsx): it has no sheets. Nothing was checked.');
      const t = target();
      const file = t === undefined ? undefined : spool?.files.get(t);
      if (!found && file !== undefined) {
        for await (const rows of sheetOf(createReadStream(file))) yield rows.map(toRecord);
      }
      if (!found) throw fail(`the sheet "${wanted}" is listed in the workbook but its part${t === undefined ? '' : ` (${t})`} is missing from the file. Open it in Excel and save it again. Nothing was checked.`);
    } catch (e) {
      if (e instanceof RecallCheckError) throw e;
      throw fail(`cannot be read as an Excel workbook (.xlsx): ${(e as Error).message}. Open it in Excel and save it again, or save the sheet as "CSV UTF-8".`);
    } finally {
      if (spool) await rm(spool.dir, { recursive: true, force: true });
    }
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
  return { sheet: wanted!, sheets: book!.sheets.map((s) => s.name), header, records: padded() };
}

const toRecord = (r: SheetRow): TableRecord => ({ line: r.line, cells: r.cells, raw: undefined });
