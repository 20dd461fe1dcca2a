/**
 * Parsed CSV text → records with their physical line numbers, and recovery from broken quotes.
 *
 * A quote that does not close properly makes a CSV parser read the lines after it into one field,
 * so a recalled unit below a stray quote would never be checked. A record that spans lines is
 * kept as one only when its quotes close properly, it has the header's number of fields, and none
 * of the lines inside it reads as a complete row by itself (no quote, the header's number of
 * delimiters). Otherwise its first line is refused, and the lines after it are read again as rows
 * of their own (see read.ts for how).
 */
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
  /** The record's text exactly as it was in the file, without its line break. */
  raw: string;
  /** A quoting problem on this line: the record is this one line, its broken cell kept as written. */
  quoteError?: 'unclosed-quote' | 'malformed-quote';
  /** With a quote error: the 0-based cell where the broken quoted field starts. */
  quoteColumn?: number;
}

/** What papaparse's `step` hands over. */
export interface StepResult {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

export interface RecordReader {
  /**
   * One parsed record (its text without the line break that ends it) into `out`; returns the line
   * after it, or undefined for a broken record (a quote error, or one spanning lines that is not
   * to be trusted), which is not taken: the reader refuses its first line and reads on from the next.
   */
  take(raw: string, cells: string[], errors: readonly Papa.ParseError[], line: number, out: CsvRecord[]): number | undefined;
  /** A broken record's first line, refused, with the broken cell as written (stray quote included). */
  brokenLine(text: string, line: number): CsvRecord;
  /** Lines from `line`, each read by itself (no record spans lines); returns the line after them. */
  byLine(text: string, line: number, out: CsvRecord[]): number;
  /** Whether one line by itself has a closing quote followed by other characters. */
  malformed(line: string): boolean;
  /** Whether the header (the first record) has been taken. */
  hasHeader(): boolean;
}

export function recordReader(delimiter: string, nl: '\n' | '\r'): RecordReader {
  let header: string[] | undefined;
  // For one line at a time: the core parser, whose parse() starts afresh on each call (Papa.parse
  // sets up a streamer per call, several times the cost on a file where every line is broken).
  const lineParser = new Papa.Parser({ delimiter, newline: nl });
  const parseLine = (text: string): { cells: string[]; errors: Papa.ParseError[] } => {
    const r = lineParser.parse(text, 0, false) as { data: string[][]; errors: Papa.ParseError[] };
    return { cells: r.data[0] ?? [''], errors: r.errors };
  };
  const withoutCr = (text: string) => (nl === '\n' && text.endsWith('\r') ? text.slice(0, -1) : text);

  const take: RecordReader['take'] = (raw, cells, errors, line, out) => {
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
    const quoteError = quoteErrorOf(errors);
    // Only a record with a quoted line break spans lines; most do not, and one scan says so.
    const multi = raw.indexOf(nl) !== -1;
    if (header === undefined) {
      // The header is taken as it is: a broken one fails the column mapping with its own message.
      header = cells;
      out.push(quoteError ? { line, cells, raw, quoteError } : { line, cells, raw });
      return line + (multi ? 1 + newlinesIn(cells, nl) : 1);
    }
    if (quoteError !== undefined || (multi && (!fitsHeader(cells, header) || swallowsRow(raw, header.length)))) return undefined;
    out.push({ line, cells, raw });
    return line + (multi ? 1 + newlinesIn(cells, nl) : 1);
  };

  /**
   * Whether a line inside a record that spans lines reads, by itself, as a complete row: not
   * blank, no quote error, the header's number of fields. Text inside a quoted cell seldom looks
   * like that (a Shopify body has far fewer commas than the export's 40-odd columns); rows
   * swallowed by a stray quote do. The last line holds the closing quote, and the end of a proper
   * cell can read as a row (`10,000 mAh</p>",SKU-1,A1366`); it counts only when it reads as a row
   * whose last field opens a quote: that is a swallowed row's own quoted field "closing" the stray one.
   */
  const swallowsRow = (raw: string, width: number): boolean => {
    const lines = raw.split(nl);
    for (let i = 1; i < lines.length; i++) {
      const l = withoutCr(lines[i]!);
      // Fewer delimiters than a row has cannot be one: most lines are turned away here.
      if (count(l, delimiter) < width - 1 || l.trim() === '') continue;
      const alone = parseLine(l);
      if (!fitsHeader(alone.cells, header!)) continue;
      if (i < lines.length - 1 ? alone.errors.length === 0 : alone.errors.some((e) => e.code === 'MissingQuotes')) return true;
    }
    return false;
  };

  const byLine: RecordReader['byLine'] = (text, line, out) => {
    for (const one of text.split(nl)) {
      const { cells, errors } = parseLine(one);
      // One line cannot span lines: broken, it is refused by itself.
      if (take(one, cells, errors, line, out) === undefined) out.push(brokenLine(withoutCr(one), line));
      line++;
    }
    return line;
  };

  const brokenLine: RecordReader['brokenLine'] = (text, line) => {
    text = withoutCr(text);
    const parsed = parseLine(text);
    const cells = parsed.cells;
    const first = parsed.errors[0];
    // papaparse reports the position just after the opening quote.
    const quote = first?.index === undefined ? -1 : first.index - 1;
    let quoteColumn: number | undefined;
    if (quote >= 0 && text[quote] === '"') {
      quoteColumn = quote === 0 ? 0 : parseLine(text.slice(0, quote)).cells.length - 1;
      // Unclosed on the line: the field took the rest of it, and is the last cell.
      if (parsed.errors.some((e) => e.code === 'MissingQuotes') && quoteColumn === cells.length - 1) cells[quoteColumn] = text.slice(quote);
    }
    const record: CsvRecord = { line, cells, raw: text, quoteError: quoteErrorOf(parsed.errors) ?? 'unclosed-quote' };
    if (quoteColumn !== undefined) record.quoteColumn = quoteColumn;
    return record;
  };

  return { take, brokenLine, byLine, malformed: (text) => quoteErrorOf(parseLine(text).errors) === 'malformed-quote', hasHeader: () => header !== undefined };
}

/** A closing quote followed by other characters says more about the line than the unclosed field it then leaves. */
function quoteErrorOf(errors: readonly Papa.ParseError[]): CsvRecord['quoteError'] {
  let kind: CsvRecord['quoteError'];
  for (const e of errors) {
    if (e.code === 'InvalidQuotes') return 'malformed-quote';
    if (e.code === 'MissingQuotes') kind = 'unclosed-quote';
  }
  return kind;
}

/** The header's number of fields, allowing the trailing empty columns spreadsheets leave (as the batch check does). */
function fitsHeader(cells: readonly string[], header: readonly string[]): boolean {
  const width = header.length;
  if (cells.length === width) return true;
  const blank = (c: string) => c.trim() === '';
  return cells.length > width ? cells.slice(width).every(blank) : header.slice(cells.length).every(blank);
}

function count(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/** Line breaks inside a record's quoted cells, so the next record's line number is right. */
function newlinesIn(cells: string[], nl: string): number {
  let n = 0;
  for (const cell of cells) n += count(cell, nl);
  return n;
}
