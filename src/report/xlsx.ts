/**
 * Annotated workbook: the checked rows in one sheet with the verdict columns of the annotated CSV
 * appended, written by exceljs's streaming writer into the sink as it goes, so no sheet is held
 * whole. Each row is written at its own row number (a workbook's sheet row, a CSV's line), so
 * "line 7" in any report is row 7 here. Cells are written as text (the text the input showed).
 * A string cell is not a formula, but becomes one when someone edits it and presses Enter: a cell
 * that would start a formula gets the leading ' of the annotated CSV (README "Formula escaping"),
 * which Excel shows, and which keeps it text when edited. Characters XML cannot hold are written as
 * Excel's _xHHHH_ escapes, which exceljs's writer would otherwise drop; what Excel cannot hold (a
 * cell over 32,767 characters, a row past 1,048,576) is refused rather than written for Excel to
 * "repair".
 */
import { Writable } from 'node:stream';
import type { RowResult } from '../results/row-result.js';
import { RecallCheckError } from '../core/errors.js';
import { APPENDED_COLUMNS, FORMULA } from './csv.js';
import type { CreateReporter } from './reporter.js';
import { rowView } from './row-view.js';

/** Excel's limits (Excel specifications and limits): characters in a cell, rows and columns in a sheet. */
const MAX_CELL = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Control characters XML 1.0 cannot hold (and CR, which XML reads as LF), and a literal "_xHHHH_", which Excel would decode. */
const UNWRITABLE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/gu;
const hex = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/** A cell's text with the ' that keeps formula-like text from running; the first-character test keeps it cheap. */
function neutralised(cell: string): string {
  const c = cell.charCodeAt(0);
  // = + - @, controls and spaces, and anything non-ASCII (Unicode spaces): then the exact test.
  return (c === 61 || c === 43 || c === 45 || c === 64 || c <= 32 || c >= 0x7f) && FORMULA.test(cell) ? `'${cell}` : cell;
}

/** What the zip may hold of the sheet, not yet compressed, before the next batch waits. */
const QUEUED = 1 << 20;

/**
 * Waits until the zip has taken most of what the sheet wrote. exceljs's sheet stream writes into
 * the zip without heeding its backpressure (exceljs issues #1894 and #2916), so without this a
 * 1,000,000-row sheet was queued whole before compression: 854 MB peak RSS, against ~130 MB with
 * it, in the same time. It reads exceljs's internals (the sheet stream's pipes and their Node
 * stream state); if those change, it waits for nothing and the output is still right.
 */
export async function zipCaughtUp(sheet: object): Promise<void> {
  type State = { length?: number } | undefined;
  const pipes = (sheet as { stream?: { pipes?: { _writableState?: State; _readableState?: State }[] } }).stream?.pipes;
  if (!Array.isArray(pipes)) return;
  const queued = () => pipes.reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
  while (queued() > QUEUED) await new Promise((resolve) => setTimeout(resolve, 1));
}

interface SheetWriter {
  addRow(values: string[]): { commit(): void };
  getRow(n: number): { values: string[]; commit(): void };
  commit(): void;
}

export const xlsxReporter: CreateReporter = (ctx, sink) => {
  const { file } = ctx;
  const width = file.header.length;
  // exceljs's zip output, handed on to the sink with its backpressure.
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.write(chunk).then(() => done(), done);
    },
  });
  let workbook: { addWorksheet(name: string): SheetWriter; commit(): Promise<void> } | undefined;
  let sheet: SheetWriter | undefined;
  let last = 0;
  const refuse = (line: number, message: string) => new RecallCheckError('input', [{ file: ctx.file.name, line, message: `${message}. Excel would "repair" such a workbook by cutting it. Check it with --format csv instead.` }]);
  const put = (line: number, values: string[]) => {
    // Rows go down the sheet in order; a line already used (never, from the readers) takes the next row.
    last = Math.max(line, last + 1);
    if (last > MAX_ROWS) throw refuse(line, `--format xlsx cannot write row ${last}: an Excel sheet holds at most ${MAX_ROWS.toLocaleString('en-US')} rows`);
    if (values.length > MAX_COLUMNS) throw refuse(line, `--format xlsx cannot write ${values.length} columns: an Excel sheet holds at most ${MAX_COLUMNS.toLocaleString('en-US')}`);
    const out = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = neutralised(values[i]!);
      if (v.length > MAX_CELL) throw refuse(line, `--format xlsx cannot write a cell of ${v.length.toLocaleString('en-US')} characters (column ${i + 1}): an Excel cell holds at most ${MAX_CELL.toLocaleString('en-US')}`);
      out[i] = v.replace(UNWRITABLE, hex);
    }
    const row = sheet!.getRow(last);
    row.values = out;
    row.commit();
  };
  return {
    async start() {
      const { default: ExcelJS } = await import('exceljs');
      workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false }) as unknown as typeof workbook;
      sheet = workbook!.addWorksheet(file.sheet ?? 'Checked');
      put(file.headerLine, [...file.header, ...APPENDED_COLUMNS]);
    },
    async rows(rows: readonly RowResult[]) {
      for (const r of rows) {
        const v = rowView(r);
        const cells = r.cells.length < width ? [...r.cells, ...new Array<string>(width - r.cells.length).fill('')] : r.cells.slice(0, width);
        const extra = r.cells.slice(width).some((c) => c !== '') ? r.cells.slice(width) : [];
        put(r.line, [...cells, v.status, v.recallIds.join(' '), v.reason, v.action, v.checkUrls.join(' '), ...extra]);
      }
      await zipCaughtUp(sheet!);
    },
    async end() {
      sheet!.commit();
      await workbook!.commit();
    },
  };
};
