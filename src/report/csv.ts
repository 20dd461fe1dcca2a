/**
 * Annotated CSV: the input returned row for row with the verdict columns appended. A row is
 * written back exactly as it was read (its quoting included) unless one of its cells is one a
 * spreadsheet could run as a formula; such a row is re-serialised with that cell neutralised (see
 * "Formula escaping" in the README). Nothing else is changed. A file whose text is not valid
 * UTF-8 (another encoding, or bytes that did not decode) is written in its own encoding, each row
 * from its own bytes: the original columns are the input's bytes, whatever they were.
 */
import Papa from 'papaparse';
import type { RowResult } from '../results/row-result.js';
import type { CreateReporter } from './reporter.js';
import { rowView } from './row-view.js';
import { type Encoder, encoderFor } from './encoded.js';
import { reserialisedBytes } from './reserialise-bytes.js';

export const APPENDED_COLUMNS = ['recall_status', 'recall_ids', 'recall_reason', 'recall_action', 'recall_check_url'] as const;

/**
 * A cell that starts with =, +, -, @, tab, CR or LF, or with white space before =, +, - or @
 * (spreadsheets skip leading spaces), as OWASP's CSV-injection guidance describes. Papa prefixes
 * such a cell with a single quote, which spreadsheets show as text.
 */
export const FORMULA = /^(?:[\t\r\n]|[\s\u00A0\u2000-\u200B\u3000]*[=+\-@])/u;

export interface CsvShape {
  /** The input's encoding: the output is written in it. */
  encoding: string;
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
  let encode: Encoder | undefined;
  return {
    async start() {
      encode = await encoderFor(file.encoding);
      await sink.write(csvHeaderBytes(file, encode));
    },
    rows: (rows) => sink.write(writer.bytes(rows, encode!)),
    async end() {},
  };
};

export function csvHeader(header: readonly string[], headerRaw: string | undefined, shape: CsvShape): string {
  // A workbook's header has no text of its own: its cells are serialised, as its rows are below.
  const line = headerRaw === undefined || header.some(risky) ? unparse([header], shape) : headerRaw;
  return `${headerLead(shape)}${line}${headerTail(shape)}`;
}

const headerLead = (shape: CsvShape) => `${shape.bom ? '\uFEFF' : ''}${shape.sepLine ? `sep=${shape.delimiter}${shape.linebreak}` : ''}`;
const headerTail = (shape: CsvShape) => `${shape.delimiter}${unparse([[...APPENDED_COLUMNS]], shape)}${shape.linebreak}`;

/** The header in the input's encoding: its own bytes when it has them (see InputFile.headerBytes). */
export function csvHeaderBytes(file: CsvShape & { header: readonly string[]; headerRaw: string | undefined; headerBytes?: Uint8Array | undefined }, encode: Encoder): Uint8Array {
  if (file.headerBytes === undefined || file.header.some(risky)) return encode(csvHeader(file.header, file.headerRaw, file));
  return Buffer.concat([encode(headerLead(file)), file.headerBytes, encode(headerTail(file))]);
}

export interface CsvWriter {
  rows(rows: readonly RowResult[]): string;
  /** The same rows as bytes in the input's encoding, each row that has its own bytes written from them. */
  bytes(rows: readonly RowResult[], encode: Encoder): Uint8Array;
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
  const verdictFor = (r: RowResult): Verdict => {
    // Rows whose model has no recall and no hint (most of an inventory) all get the same verdict columns.
    const plain = r.kind === 'checked' && r.result.status === 'no-recall' && r.result.reasons.length === 1 && r.result.reasons[0]!.code === 'model-not-in-data';
    return plain ? (noRecall ??= verdictOf(r)) : verdictOf(r);
  };
  const asIs = (r: RowResult) => r.cells.length === width && !anyRisky(r.cells);
  const reserialised = (r: RowResult, v: Verdict): string => {
    const cells = r.cells.length < width ? [...r.cells, ...new Array<string>(width - r.cells.length).fill('')] : r.cells.slice(0, width);
    const extra = r.cells.slice(width).some((c) => c !== '') ? r.cells.slice(width) : [];
    const tail = extra.length > 0 ? `${shape.delimiter}${unparse([extra], shape)}` : '';
    return `${unparse([cells], shape)}${shape.delimiter}${v.text}${tail}${shape.linebreak}`;
  };
  const rows = (rows: readonly RowResult[]): string => {
    let out = '';
    for (const r of rows) {
      const v = verdictFor(r);
      if (r.raw !== undefined && asIs(r)) {
        out += r.raw;
        out += v.line;
        continue;
      }
      out += reserialised(r, v);
    }
    return out;
  };
  const bytes = (batch: readonly RowResult[], encode: Encoder): Uint8Array => {
    // Valid UTF-8 text (most files) has no row bytes: the text path, encoded once.
    if (shape.encoding === 'utf-8' && !batch.some((r) => r.rawBytes !== undefined)) return encode(rows(batch));
    const parts: Uint8Array[] = [];
    let text = '';
    for (const r of batch) {
      const v = verdictFor(r);
      if (r.rawBytes !== undefined && r.raw !== undefined && asIs(r)) {
        if (text) parts.push(encode(text));
        parts.push(r.rawBytes);
        text = v.line;
      } else if (r.rawBytes !== undefined && shape.encoding === 'utf-8') {
        // Not UTF-8 after all: re-serialised from its bytes, which its cells no longer hold.
        const own = reserialisedBytes(r as RowResult & { rawBytes: Uint8Array }, width, shape, risky);
        if (text) parts.push(encode(text));
        parts.push(own.cells, encode(`${shape.delimiter}${v.text}`));
        if (own.extra !== undefined) parts.push(encode(shape.delimiter), own.extra);
        text = shape.linebreak;
      } else if (r.raw !== undefined && asIs(r)) text += r.raw + v.line;
      else text += reserialised(r, v);
    }
    if (text) parts.push(encode(text));
    return Buffer.concat(parts);
  };
  return { rows, bytes };
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
