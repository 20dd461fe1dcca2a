/**
 * The batch table: one aligned line per row that needs a look (affected, verify, not-affected and
 * refused rows, and no-recall rows whose model is close to a recalled one; with `all`, every row). Widths are fixed so it can stream; long cells are cut with
 * an ellipsis, and terminal control characters in cells are removed.
 */
import type { RowResult } from '../results/row-result.js';
import { stripControl } from './format.js';
import { hasHint, modelText, rowView } from './row-view.js';
import type { CreateReporter } from './reporter.js';
import { statusStyle } from './status-style.js';
import type { Style } from './style.js';

const COLUMNS = [
  ['LINE', 6],
  ['STATUS', 12],
  ['MODEL', 12],
  ['SERIAL', 18],
  ['RECALLS', 26],
] as const;

export interface TableOptions {
  style: Style;
  /** Total width on a terminal, where the last column takes what is left; unlimited elsewhere. */
  width: number | undefined;
  all: boolean;
}

export const tableReporter: CreateReporter = (ctx, sink) => {
  const opts = { style: ctx.style, width: ctx.width, all: ctx.all };
  const { model, serial } = ctx.file.columns;
  return {
    start: () => sink.write(tableHeader(opts)),
    rows: (rows) => sink.write(tableRows(rows, model, serial, opts)),
    async end() {},
  };
};

export function tableHeader(opts: TableOptions): string {
  return opts.style.bold(COLUMNS.map(([name, w]) => name.padEnd(w)).join(' ') + ' REASON') + '\n';
}

export function tableRows(rows: readonly RowResult[], model: number | undefined, serial: number | undefined, opts: TableOptions): string {
  const rest = opts.width === undefined ? Infinity : Math.max(20, opts.width - COLUMNS.reduce((n, [, w]) => n + w + 1, 0));
  let out = '';
  for (const r of rows) {
    const v = rowView(r);
    if (!opts.all && (v.status === 'skipped' || (v.status === 'no-recall' && !hasHint(r)))) continue;
    const cells = [
      String(r.line),
      v.status,
      modelText(r, model),
      serial === undefined ? '' : (r.cells[serial] ?? ''),
      v.recallIds.join(' '),
    ];
    const fixed = cells.map((c, i) => fit(c, COLUMNS[i]![1]));
    fixed[1] = statusStyle(v.status, opts.style)(fixed[1]!);
    const ack = r.kind === 'checked' && r.result.acknowledged ? `[acknowledged: ${r.result.acknowledged.reason}]` : '';
    out += `${fixed.join(' ')} ${fit([ack, v.reason, v.checkUrls.join(' ')].filter(Boolean).join(' '), rest).trimEnd()}\n`;
  }
  return out;
}

function fit(text: string, width: number): string {
  const clean = stripControl(text);
  if (width === Infinity) return clean;
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width);
}

