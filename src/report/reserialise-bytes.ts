/**
 * A row re-serialised from its own bytes, for a file read as UTF-8 that is not (no --encoding): its
 * decoded cells hold U+FFFD where its bytes did not decode, and writing those back would lose the
 * bytes. The bytes are read as Latin-1 instead, one character per byte: the CSV structure
 * (delimiter, quotes, line breaks) is ASCII, and every byte of a UTF-8 or code-page character that
 * is not ASCII is ≥0x80, so the cells split where the decoded ones did, and Latin-1 writes each
 * byte back as it was. Only for UTF-8 failures: in Shift_JIS or Big5 an ASCII byte can be the
 * second half of a character, and a named encoding's text encodes back by itself.
 */
import Papa from 'papaparse';
import { recordReader } from '../batch/records.js';
import type { RowResult } from '../results/row-result.js';

export interface ByteShape {
  delimiter: string;
  linebreak: string;
}

/**
 * The row's cells as Latin-1 text of its bytes, padded or cut to `width` as `cells` are, with
 * the cells the decoded text shows as risky (`risky`, tested on the decoded cells: a byte 0xA0
 * is no space in UTF-8) escaped the way papaparse escapes formulae.
 */
export function reserialisedBytes(r: RowResult & { rawBytes: Uint8Array }, width: number, shape: ByteShape, risky: (cell: string) => boolean): { cells: Uint8Array; extra: Uint8Array | undefined } {
  const text = latin1Text(r.rawBytes);
  const nl = shape.linebreak === '\r' ? '\r' : '\n';
  // A broken-quote line gets its cells by the same rule as the record the row was read from.
  const broken = r.error?.code === 'unclosed-quote' || r.error?.code === 'malformed-quote';
  let cells: readonly string[] = broken
    ? recordReader(shape.delimiter, nl).brokenLine(text, r.line).cells
    : (Papa.parse<string[]>(text, { delimiter: shape.delimiter, newline: nl }).data[0] ?? ['']);
  // Structure is the same bytes either way; if it is not, the decoded cells are all there is.
  if (cells.length !== r.cells.length) cells = r.cells;
  const padded = cells.length < width ? [...cells, ...new Array<string>(width - cells.length).fill('')] : cells.slice(0, width);
  const extraCells = cells.slice(width).some((c) => c !== '') ? cells.slice(width) : [];
  const unparse = (row: string[], offset: number) => {
    const quotes = row.map((_, i) => risky(r.cells[offset + i] ?? ''));
    const escaped = row.map((c, i) => (quotes[i] ? `'${c}` : c));
    return latin1Bytes(Papa.unparse([escaped], { delimiter: shape.delimiter, newline: shape.linebreak, quotes, header: false }));
  };
  return { cells: unparse(padded, 0), extra: extraCells.length > 0 ? unparse(extraCells, width) : undefined };
}

// Latin-1 by character codes, not Buffer: the web page's worker writes these rows too, and only
// rows that are re-serialised (a few in a file) come here.
function latin1Text(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return out;
}

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
