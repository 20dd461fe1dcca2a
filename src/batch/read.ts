/**
 * Text → CSV records with the line each starts on, streamed through papaparse.
 *
 * What this layer adds to the parser: Excel's `sep=` first line, delimiter sniffing on the header
 * line (papaparse's own guess needs several rows to agree, and fails on small files), physical
 * line numbers for every record (quoted fields may span lines), each record's raw text, and a
 * bound on record size so one endless field cannot exhaust memory.
 */
import Papa from 'papaparse';
import { RecallCheckError } from '../core/errors.js';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
  /** The record's text exactly as it was in the file, without its line break. */
  raw: string;
  /** A quoting problem the parser reported for this record. */
  quoteError?: 'unclosed-quote' | 'malformed-quote';
  /** With a quote error: the last physical line the record swallowed. */
  lastLine?: number;
}

export interface CsvReader {
  delimiter: string;
  /** Set when the file declared its delimiter with Excel's `sep=` first line. */
  sepLine: boolean;
  linebreak: string;
  header: CsvRecord;
  /** The remaining records, in batches, in order. */
  records: AsyncGenerator<CsvRecord[], void, undefined>;
}

export interface ReadOptions {
  /** Name for messages: the file path, or "stdin". */
  name: string;
  delimiter?: string | undefined;
  /** A record longer than this (in characters) stops the read with an error. */
  maxRecordChars?: number;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
const DEFAULT_MAX_RECORD = 1 << 20;
const SEP_LINE = /^sep=(.)(\r\n|\n|\r)/iu;

export async function readCsv(text: AsyncIterable<string>, opts: ReadOptions): Promise<CsvReader> {
  const maxRecord = opts.maxRecordChars ?? DEFAULT_MAX_RECORD;
  const it = text[Symbol.asyncIterator]();

  // Read until the header line is complete, to see `sep=` and sniff the delimiter.
  let first = '';
  let ended = false;
  // Enough text to see the first line break whole: a CR at the end of a chunk may be half a CRLF.
  const lineBreakSeen = () => {
    const i = first.search(/[\r\n]/u);
    return i !== -1 && !(first[i] === '\r' && i === first.length - 1);
  };
  const readLine = async () => {
    while (!lineBreakSeen() && !ended && first.length <= maxRecord) {
      const next = await it.next();
      if (next.done) ended = true;
      else first += next.value;
    }
  };
  await readLine();
  let sepLine = false;
  let delimiter = opts.delimiter;
  const sep = SEP_LINE.exec(first);
  if (sep) {
    sepLine = true;
    delimiter ??= sep[1];
    first = first.slice(sep[0].length);
    await readLine();
  }
  delimiter ??= sniffDelimiter(first);
  // The header's line break, given to the parser: left to guess, it looks only at its first
  // chunk, and a chunk that ends between CR and LF makes it guess CR.
  const firstBreak = first.search(/[\r\n]/u);
  const newline = firstBreak === -1 ? undefined : first[firstBreak] === '\n' ? '\n' : first[firstBreak + 1] === '\n' ? '\r\n' : '\r';

  let line = sepLine ? 2 : 1;
  const overlong = () =>
    new RecallCheckError('input', [{ file: opts.name, line, message: `a record longer than ${Math.round(maxRecord / 1024)} KiB starts here (an unclosed quote, or not a CSV file); nothing after it was read` }]);

  // papaparse's core parser, fed chunk by chunk the way its own streamers feed it: each call parses
  // the complete records of `input` and leaves the unfinished last one for the next call. Driving
  // it directly keeps each chunk's records in one synchronous pass, and lets the consumer's pace
  // be the backpressure: the next chunk is read only when the next batch is asked for.
  let input = '';
  let pos = 0;
  let batch: CsvRecord[] = [];
  const linebreak = newline ?? '\n';
  // Files mix their line breaks (a CRLF export with a line appended in an LF editor, or the
  // reverse): every LF ends a physical line, whether a CR comes before it or not, so two lines are
  // never merged into one cell. The CR of a CRLF is then the end of the record's last cell, and is
  // taken off it. Only a file whose header ends in a bare CR (old Mac) is split at CR.
  const nl = linebreak === '\r' ? '\r' : '\n';
  const parser = new Papa.Parser({
    delimiter,
    newline: nl,
    step(result: { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } }) {
      const cells = result.data[0]!;
      const end = result.meta.cursor;
      let raw = input.slice(pos, end > pos && input[end - 1] === nl ? end - 1 : end);
      if (nl === '\n' && raw.endsWith('\r')) {
        raw = raw.slice(0, -1);
        // The CR belongs to the last cell only when that cell was not quoted: then the cell is
        // exactly the record's tail after a delimiter (or the whole record).
        const last = cells.length - 1;
        const value = cells[last]!;
        if (value.endsWith('\r')) {
          const tail = value.length - 1;
          const before = raw.length - tail - 1;
          if (raw.endsWith(value.slice(0, tail)) && (before === -1 || raw[before] === delimiter)) cells[last] = value.slice(0, tail);
        }
      }
      const record: CsvRecord = { line, cells, raw };
      if (result.errors.length > 0) {
        for (const e of result.errors) {
          if (e.code === 'MissingQuotes') record.quoteError = 'unclosed-quote';
          else if (e.code === 'InvalidQuotes') record.quoteError ??= 'malformed-quote';
        }
      }
      // Only a record with a quoted line break spans lines; most do not, and one scan says so.
      const span = raw.indexOf(nl) === -1 ? 1 : 1 + newlinesIn(cells, nl);
      if (record.quoteError) record.lastLine = line + span - 1;
      line += span;
      pos = end;
      batch.push(record);
    },
  });
  /** Parses what `input` holds; `last` flushes the final record, which has no line break after it. */
  const parse = (last: boolean): CsvRecord[] => {
    pos = 0;
    batch = [];
    parser.parse(input, 0, !last);
    input = input.slice(pos);
    return batch;
  };

  let pending: string | undefined = first;
  async function* batches(): AsyncGenerator<CsvRecord[], void, undefined> {
    for (;;) {
      let chunk = pending;
      pending = undefined;
      if (chunk === undefined && !ended) {
        const next = await it.next();
        if (next.done) ended = true;
        else chunk = next.value;
      }
      if (chunk === undefined) {
        const rest = parse(true);
        if (rest.length > 0) yield rest;
        return;
      }
      input += chunk;
      const records = parse(false);
      if (records.length > 0) yield records;
      if (input.length > maxRecord) throw overlong();
    }
  }

  const records = batches();
  const firstBatch = await records.next();
  const all = firstBatch.done ? [] : firstBatch.value;
  const header = all.shift();
  if (!header || (header.cells.length === 1 && header.cells[0] === '')) {
    throw new RecallCheckError('input', [{ file: opts.name, message: 'no rows: the file is empty. Nothing was checked.' }]);
  }
  async function* rest(): AsyncGenerator<CsvRecord[], void, undefined> {
    if (all.length > 0) yield all;
    yield* records;
  }
  return { delimiter, sepLine, linebreak, header, records: rest() };
}

/** The candidate that occurs most often, outside quotes, in the header line; comma on a tie or none. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** Line breaks inside a record's quoted cells, so the next record's line number is right. */
function newlinesIn(cells: string[], nl: string): number {
  let n = 0;
  for (const cell of cells) {
    let i = cell.indexOf(nl);
    while (i !== -1) {
      n++;
      i = cell.indexOf(nl, i + 1);
    }
  }
  return n;
}
