/**
 * Text → CSV records with the line each starts on, streamed through papaparse.
 *
 * What this layer adds to the parser: Excel's `sep=` first line, delimiter sniffing on the header
 * line (papaparse's own guess needs several rows to agree, and fails on small files), physical
 * line numbers for every record (quoted fields may span lines), each record's raw text, recovery
 * from broken quotes (./records.ts), and a bound on record size so one endless field cannot
 * exhaust memory.
 */
import Papa from 'papaparse';
import { RecallCheckError } from '../core/errors.js';
import { type CsvRecord, recordReader, type StepResult } from './records.js';

export type { CsvRecord } from './records.js';

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
  /**
   * Bound on an unfinished record, in characters: past it, one that spans lines is a runaway quote
   * and is recovered (its first line refused, the rest read again); one line this long stops the read.
   */
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
  const kib = Math.round(maxRecord / 1024);
  const overlong = (header: boolean) =>
    new RecallCheckError('input', [{
      file: opts.name,
      line,
      message: header
        ? `the header opens a quote that is not closed within ${kib} KiB; close it. Nothing was checked`
        : `a line longer than ${kib} KiB starts here (not a CSV file?); nothing after it was read`,
    }]);

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
  const rows = recordReader(delimiter, nl);

  // A broken record (see ./records.ts) has its first line refused, and the parser reads on from
  // the next line, as though the broken line were not there: a quoted line break below it stays
  // in its cell. Reading again costs the lines the broken quote ran over; while what has been read
  // again stays within twice the text read (plus one bound), it is done. Past that (a file where
  // row after row opens a quote it does not close, which would make this quadratic), the lines a
  // broken quote ran over are read one by one instead, with no record spanning lines.
  let consumed = 0;
  let rescanned = 0;
  const mayReadAgain = (length: number, offset: number) => {
    if (rescanned + length > 2 * (consumed + offset) + maxRecord) return false;
    rescanned += length;
    return true;
  };
  let resume = -1;
  const config: Papa.ParseConfig = {
    delimiter,
    newline: nl,
    step(result) {
      const start = pos;
      const end = result.meta.cursor;
      const raw = input.slice(start, end > start && input[end - 1] === nl ? end - 1 : end);
      pos = end;
      const next = rows.take(raw, (result as StepResult).data[0]!, result.errors, line, batch);
      if (next !== undefined) {
        line = next;
        return;
      }
      const at = raw.indexOf(nl);
      batch.push(rows.brokenLine(at === -1 ? raw : raw.slice(0, at), line));
      line++;
      if (at === -1) return;
      if (mayReadAgain(raw.length - at - 1, start)) {
        resume = start + at + 1;
        parser.abort();
      } else {
        line = rows.byLine(raw.slice(at + 1), line, batch);
      }
    },
  };
  let parser = new Papa.Parser(config);
  /** Parses what `input` holds; `last` flushes the final record, which has no line break after it. */
  const parse = (last: boolean): CsvRecord[] => {
    batch = [];
    // What is left at the end is one unfinished record: flushed. After a broken record the parser
    // reads on over complete lines; flushed, a text that ends in a line break would get an empty
    // final record from papaparse, so those are parsed as complete records first, and what is
    // left (a quote open to the end) flushed after.
    let flush = last;
    for (;;) {
      pos = 0;
      resume = -1;
      parser.parse(input, 0, !flush);
      if (resume !== -1) {
        // An aborted parser stays aborted: a new one reads on.
        consumed += resume;
        input = input.slice(resume);
        parser = new Papa.Parser(config);
        flush = last && !input.endsWith(nl);
        continue;
      }
      consumed += pos;
      input = input.slice(pos);
      if (!last || flush || input === '') return batch;
      flush = true;
    }
  };

  // The line of the unfinished record whose first line was looked at, so each is looked at once.
  let tested = 0;
  const malformedStart = () => {
    const at = input.indexOf(nl);
    if (at === -1 || !rows.hasHeader()) return false;
    tested = line;
    return rows.malformed(input.slice(0, at));
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
      const parsed = parse(false);
      if (parsed.length > 0) yield parsed;
      // The unfinished record spans lines and will be refused: it has passed the bound (past a line
      // break it can only be a quoted field that runs away), or its first line already shows a
      // closing quote followed by other characters. It is dealt with now, rather than when the
      // parser finds a close: it looks for one over the rest of the file, and scans the whole
      // unfinished record again with each chunk.
      while (input.length > maxRecord || (tested !== line && malformedStart())) {
        if (!rows.hasHeader()) throw overlong(true);
        const at = input.indexOf(nl);
        // One line this long cannot be cut, and stops the run.
        if (at === -1) throw overlong(false);
        const refused = [rows.brokenLine(input.slice(0, at), line)];
        line++;
        let from = at + 1;
        const cut = input.lastIndexOf(nl);
        if (!mayReadAgain(input.length - from, 0) && cut > at) {
          line = rows.byLine(input.slice(from, cut), line, refused);
          from = cut + 1;
        }
        consumed += from;
        input = input.slice(from);
        yield [...refused, ...parse(false)];
      }
    }
  }

  const records = batches();
  const firstBatch = await records.next();
  const all = firstBatch.done ? [] : firstBatch.value;
  const header = all.shift();
  if (!header || (header.cells.length === 1 && header.cells[0] === '')) {
    throw new RecallCheckError('input', [{ file: opts.name, message: 'no rows: the file is empty. Nothing was checked.' }]);
  }
  // A header whose quote does not close would read the rows below it into one of its cells: the
  // columns could then seem to map while no row is left to check.
  if (header.quoteError) {
    const what = header.quoteError === 'unclosed-quote' ? 'opens a quote that is never closed' : 'has a closing quote followed by other characters';
    throw new RecallCheckError('input', [{ file: opts.name, line: header.line, message: `the header ${what}, so the rows below it cannot be told apart; fix the header's quotes. Nothing was checked` }]);
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
