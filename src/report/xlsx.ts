/**
 * Annotated workbook: the checked rows in one sheet with the verdict columns of the annotated CSV
 * appended, written by exceljs's streaming writer into the sink as it goes, so no sheet is held
 * whole. Each row is written at its own row number (a workbook's sheet row, a CSV's line), so
 * "line 7" in any report is row 7 here. Cells are written as text (the text the input showed):
 * a string cell is never run as a formula, so no formula escaping is needed here.
 */
import { Writable } from 'node:stream';
import type { RowResult } from '../results/row-result.js';
import { APPENDED_COLUMNS } from './csv.js';
import type { CreateReporter } from './reporter.js';
import { rowView } from './row-view.js';

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
  const put = (line: number, values: string[]) => {
    // Rows go down the sheet in order; a line already used (never, from the readers) takes the next row.
    last = Math.max(line, last + 1);
    const row = sheet!.getRow(last);
    row.values = values;
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
