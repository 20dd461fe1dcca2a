/**
 * The batch table: one aligned line per row that needs a look (affected, verify, not-affected and
 * refused rows, and no-recall rows whose model is close to a recalled one; with `all`, every row).
 * Widths are fixed so it can stream, and counted in visible columns, so colour and full-width text
 * never shift a column. The facts are never cut: a line number or a recall id longer than its
 * column pushes the rest of its line along; only the file's own model and serial text is cut when
 * very long (the line number finds the row). On a terminal the reason takes what is left of the
 * width and is cut with an ellipsis. With `summary`, the counts and the most frequent reasons
 * are written instead of the rows, for a file too big to read row by row.
 */
import type { RowResult, RowStatus } from '../results/row-result.js';
import type { Summary } from '../results/summary.js';
import { STATUSES } from '../core/result.js';
import { formatCount, stripControl } from './format.js';
import { hasHint, modelText, rowView } from './row-view.js';
import type { CreateReporter } from './reporter.js';
import { statusStyle } from './status-style.js';
import type { Style } from './style.js';
import { padToWidth, truncateToWidth, visibleWidth } from './visible-width.js';

/** [name, width, whether a longer cell is cut]. RECALLS fits the longest bundled recall id (30). */
const COLUMNS = [
  ['LINE', 6, false],
  ['STATUS', 12, false],
  ['MODEL', 14, true],
  ['SERIAL', 16, true],
  ['RECALLS', 30, false],
] as const;

/** The reason is cut no shorter than this, even when the facts leave less of the terminal. */
const MIN_REASON = 12;

export interface TableOptions {
  style: Style;
  /** Total width on a terminal, where the reason takes what is left; unlimited elsewhere. */
  width: number | undefined;
  all: boolean;
}

export const tableReporter: CreateReporter = (ctx, sink) => {
  const opts = { style: ctx.style, width: ctx.width, all: ctx.all };
  const { model, serial } = ctx.file.columns;
  if (ctx.summary) {
    const reasons = reasonTally();
    return {
      async start() {},
      async rows(rows) {
        reasons.add(rows, opts.all);
      },
      end: (summary) => sink.write(renderTableSummary(summary, reasons.top(), opts)),
    };
  }
  return {
    start: () => sink.write(tableHeader(opts)),
    rows: (rows) => sink.write(tableRows(rows, model, serial, opts)),
    async end() {},
  };
};

export function tableHeader(opts: TableOptions): string {
  return opts.style.bold(COLUMNS.map(([name, w]) => name.padEnd(w)).join(' ') + ' REASON') + '\n';
}

/** Whether the table lists a row: those that need a look, or every row with `all`. */
function listed(r: RowResult, status: RowStatus, all: boolean): boolean {
  return all || !(status === 'skipped' || (status === 'no-recall' && !hasHint(r)));
}

export function tableRows(rows: readonly RowResult[], model: number | undefined, serial: number | undefined, opts: TableOptions): string {
  let out = '';
  for (const r of rows) {
    const v = rowView(r);
    if (!listed(r, v.status, opts.all)) continue;
    const cells = [String(r.line), v.status, modelText(r, model), serial === undefined ? '' : (r.cells[serial] ?? ''), v.recallIds.join(' ')];
    const fixed = cells.map((c, i) => {
      const [, w, cut] = COLUMNS[i]!;
      const clean = stripControl(c);
      return padToWidth(cut ? truncateToWidth(clean, w) : clean, w);
    });
    // Measured before colouring: the escape codes take no column, but they are not counted either way.
    const used = fixed.reduce((n, c) => n + visibleWidth(c) + 1, 0);
    fixed[1] = statusStyle(v.status, opts.style)(fixed[1]!);
    const ack = r.kind === 'checked' && r.result.acknowledged ? `[acknowledged: ${r.result.acknowledged.reason}]` : '';
    const reason = stripControl([ack, v.reason, v.checkUrls.join(' ')].filter(Boolean).join(' '));
    const fitted = opts.width === undefined ? reason : truncateToWidth(reason, Math.max(MIN_REASON, opts.width - used));
    out += `${fixed.join(' ')} ${fitted}`.trimEnd() + '\n';
  }
  return out;
}

const SHOWN_REASONS = 10;
const EXAMPLE_LINES = 3;

export interface ReasonCount {
  status: RowStatus;
  /** The reason of the first row with it, as the table would show it. */
  reason: string;
  recallIds: string[];
  count: number;
  /** The first few lines that have it. */
  lines: number[];
}

/**
 * Rows grouped by status, recalls and reason codes (not by message, which names each row's own
 * model and serial), so a million rows make as many groups as there are kinds of finding.
 */
export function reasonTally() {
  const groups = new Map<string, ReasonCount>();
  return {
    add(rows: readonly RowResult[], all: boolean) {
      for (const r of rows) {
        const v = rowView(r);
        if (!listed(r, v.status, all)) continue;
        const codes = r.kind === 'checked' ? r.result.reasons.map((x) => x.code).join('+') : r.kind === 'error' ? r.error.code : r.reason;
        const key = `${v.status} ${v.recallIds.join(' ')} ${codes}`;
        const g = groups.get(key);
        if (g) {
          g.count++;
          if (g.lines.length < EXAMPLE_LINES) g.lines.push(r.line);
        } else {
          groups.set(key, { status: v.status, reason: r.kind === 'error' ? r.error.message : v.reason, recallIds: v.recallIds, count: 1, lines: [r.line] });
        }
      }
    },
    /** Most frequent first; ties in the order first seen. */
    top(): ReasonCount[] {
      return [...groups.values()].sort((a, b) => b.count - a.count);
    },
  };
}

export function renderTableSummary(summary: Summary, reasons: readonly ReasonCount[], opts: TableOptions): string {
  const { style } = opts;
  const out = [style.bold('STATUS        ROWS')];
  const count = (label: string, n: number, status?: RowStatus) => out.push(`${(status ? statusStyle(status, style) : (s: string) => s)(label.padEnd(12))} ${formatCount(n).padStart(6)}`);
  for (const s of STATUSES) count(s, summary.byStatus[s], s);
  count('skipped', summary.skipped.count);
  count('error', summary.errors.count, 'error');
  count('total', summary.rows);
  out.push('', style.bold(reasons.length === 0 ? 'No row needs a look.' : `TOP REASONS (${Math.min(SHOWN_REASONS, reasons.length)} of ${formatCount(reasons.length)})`));
  for (const g of reasons.slice(0, SHOWN_REASONS)) {
    const n = `${formatCount(g.count).padStart(7)}  `;
    const text = stripControl(`${g.recallIds.length > 0 ? `${g.recallIds.join(' ')}: ` : ''}${g.reason}`);
    const fitted = opts.width === undefined ? text : truncateToWidth(text, Math.max(MIN_REASON, opts.width - n.length - 13));
    out.push(`${n}${statusStyle(g.status, style)(g.status.padEnd(12))} ${fitted}`);
    const more = g.count - g.lines.length;
    out.push(`${' '.repeat(9)}line${g.lines.length > 1 ? 's' : ''} ${g.lines.join(', ')}${more > 0 ? `, … and ${formatCount(more)} more` : ''}`);
  }
  if (reasons.length > SHOWN_REASONS) out.push(`${' '.repeat(9)}… and ${formatCount(reasons.length - SHOWN_REASONS)} other reasons; see --format csv or json for every row`);
  return out.join('\n') + '\n';
}
