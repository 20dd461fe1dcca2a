/**
 * Annotated CSV: the input returned row for row with the verdict columns appended. A row is
 * written back exactly as it was read (its quoting included) unless one of its cells is one a
 * spreadsheet could run as a formula; such a row is re-serialised with that cell neutralised (see
 * "Formula escaping" in the README). Nothing else is changed.
 */
import Papa from 'papaparse';
import type { RowResult } from '../results/row-result.js';
import type { CreateReporter } from './reporter.js';
import { rowView } from './row-view.js';
import { encoded } from './encoded.js';

export const APPENDED_COLUMNS = ['recall_status', 'recall_ids', 'recall_reason', 'recall_action', 'recall_check_url'] as const;

/**
 * A cell that starts with =, +, -, @, tab, CR or LF, or with white space before =, +, - or @
 * (spreadsheets skip leading spaces), as OWASP's CSV-injection guidance describes. Papa prefixes
 * such a cell with a single quote, which spreadsheets show as text.
 */
export const FORMULA = /^(?:[\t\r\n]|[\s\u00A0\u2000-\u200B\u3000]*[=+\-@])/u;

export interface CsvShape {
  delimiter: string;
  linebreak: string;
  bom: boolean;
  /** The input began with Excel's sep= line; the output keeps it, or Excel splits it wrongly. */
  sepLine: boolean;
}

function risky(cell: string): boolean {
  return FORMULA.test(cell);
}

/** Whether any cell of a row could start a formula; the first-character test keeps it cheap. */
function anyRisky(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!.charCodeAt(0);
    // = + - @, controls and spaces, and anything non-ASCII (Unicode spaces): then the exact test.
    if ((c === 61 || c === 43 || c === 45 || c === 64 || c <= 32 || c >= 0x7f) && FORMULA.test(cells[i]!)) return true;
  }
  return false;
}

export const csvReporter: CreateReporter = (ctx, sink) => {
  const { file } = ctx;
  const writer = csvWriter(file.header.length, file);
  return {
    start: () => sink.write(csvHeader(file.header, file.headerRaw, file)),
    rows: (rows) => sink.write(encoded(writer.rows(rows))),
    async end() {},
  };
};

export function csvHeader(header: readonly string[], headerRaw: string | undefined, shape: CsvShape): string {
  // A workbook's header has no text of its own: its cells are serialised, as its rows are below.
  const line = headerRaw === undefined || header.some(risky) ? unparse([header], shape) : headerRaw;
  return `${shape.bom ? '\uFEFF' : ''}${shape.sepLine ? `sep=${shape.delimiter}${shape.linebreak}` : ''}${line}${shape.delimiter}${unparse([[...APPENDED_COLUMNS]], shape)}${shape.linebreak}`;
}

export interface CsvWriter {
  rows(rows: readonly RowResult[]): string;
}

/**
 * Rows in, CSV text out. The verdict columns always line up under their header: a short row is
 * padded, and the cells of a row longer than the header are kept after the verdict columns
 * (trailing empty cells, which spreadsheets leave behind, are dropped).
 */
export function csvWriter(width: number, shape: CsvShape): CsvWriter {
  // A file has few distinct verdicts, and serialising one costs more than finding it again. Each
  // is kept with the delimiter before it and the line break after it, ready to follow a row.
  const verdicts = new Map<string, Verdict>();
  const verdictOf = (r: RowResult): Verdict => {
    const v = rowView(r);
    const cells = [v.status, v.recallIds.join(' '), v.reason, v.action, v.checkUrls.join(' ')];
    const key = cells.join('\u0000');
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      let text = unparse([cells], shape);
      // Wording from the data can reach V8 as two-byte strings even when it is ASCII (JSON parsed
      // from a file with non-ASCII text), and one two-byte piece makes Latin-1 encoding of a
      // whole chunk several times slower: an ASCII verdict is copied to a one-byte string once.
      if (!NON_ASCII.test(text)) text = oneByte(text);
      verdict = { text, line: `${shape.delimiter}${text}${shape.linebreak}` };
      if (verdicts.size >= 10_000) verdicts.clear();
      verdicts.set(key, verdict);
    }
    return verdict;
  };
  let noRecall: Verdict | undefined;
  const rows = (rows: readonly RowResult[]): string => {
    let out = '';
    for (const r of rows) {
      // Rows whose model has no recall and no hint (most of an inventory) all get the same verdict columns.
      const plain = r.kind === 'checked' && r.result.status === 'no-recall' && r.result.reasons.length === 1 && r.result.reasons[0]!.code === 'model-not-in-data';
      const v = plain ? (noRecall ??= verdictOf(r)) : verdictOf(r);
      if (r.raw !== undefined && r.cells.length === width && !anyRisky(r.cells)) {
        out += r.raw;
        out += v.line;
        continue;
      }
      const cells = r.cells.length < width ? [...r.cells, ...new Array<string>(width - r.cells.length).fill('')] : r.cells.slice(0, width);
      const extra = r.cells.slice(width).some((c) => c !== '') ? r.cells.slice(width) : [];
      const tail = extra.length > 0 ? `${shape.delimiter}${unparse([extra], shape)}` : '';
      out += `${unparse([cells], shape)}${shape.delimiter}${v.text}${tail}${shape.linebreak}`;
    }
    return out;
  };
  return { rows };
}

const NON_ASCII = /[^\u0000-\u007F]/u;

/** A one-byte copy of an ASCII string: built from character codes, whatever the source's representation. */
function oneByte(ascii: string): string {
  let out = '';
  for (let i = 0; i < ascii.length; i += 4096) out += String.fromCharCode(...Array.from(ascii.slice(i, i + 4096), (c) => c.charCodeAt(0)));
  return out;
}

interface Verdict {
  /** The verdict columns as CSV. */
  text: string;
  /** The same, after a delimiter and before a line break. */
  line: string;
}

function unparse(rows: (readonly string[])[], shape: CsvShape): string {
  return Papa.unparse(rows, { delimiter: shape.delimiter, newline: shape.linebreak, escapeFormulae: FORMULA, header: false });
}
