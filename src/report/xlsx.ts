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
      // Let the zip stream take what was added before the next batch is checked.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async end() {
      sheet!.commit();
      await workbook!.commit();
    },
  };
};
