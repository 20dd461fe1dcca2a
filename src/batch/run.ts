/**
 * The batch check: rows in, one result per row out, in order, with a running summary. It calls the
 * same `check` as the single check; what it adds is row bookkeeping (line numbers, skipped and
 * refused rows) so that every input row is accounted for.
 */
import type { Catalog } from '../core/catalog.js';
import { RecallCheckError } from '../core/errors.js';
import { findCodes } from '../core/find-codes.js';
import { misreadCodes } from '../core/misread-codes.js';
import { checkModel, noRecall, type OtherText } from '../core/match.js';
import { countryProblem } from '../core/messages.js';
import { normaliseCountry } from '../core/country.js';
import { CLEAN, cleanModel, type Normalised, normaliseModel } from '../core/normalise.js';
import type { CheckResult } from '../core/result.js';
import type { Readable } from 'node:stream';
import { type ColumnOptions, mapColumns } from './columns.js';
import { type DecodedText, decode, type EncodingHint } from './decode.js';
import { canonicalEncoding } from './encodings.js';
import { WEAK_ADVICE } from './encoding-hint.js';
import { provenHeaderEncoding, provenHint } from './header-encoding.js';
import { lineFeedsBefore } from './line-bytes.js';
import { readCsv } from './read.js';
import type { Table } from './table.js';
import type { ColumnMapping, InputFile } from '../results/input-file.js';
import type { RowError, RowResult, SkipReason } from '../results/row-result.js';
import { newSummary, record, type Summary } from '../results/summary.js';

export type { RowError, RowResult, RowStatus, SkipReason } from '../results/row-result.js';
export { rowStatus } from '../results/row-result.js';

const checked = (line: number, row: number, cells: readonly string[], raw: string | undefined, result: CheckResult): RowResult =>
  ({ line, row, cells, raw, rawBytes: undefined, kind: 'checked', result, reason: undefined, error: undefined });
const skipped = (line: number, row: number, cells: readonly string[], raw: string | undefined, reason: SkipReason): RowResult =>
  ({ line, row, cells, raw, rawBytes: undefined, kind: 'skipped', result: undefined, reason, error: undefined });
const refused = (line: number, row: number, cells: readonly string[], raw: string | undefined, error: RowError): RowResult =>
  ({ line, row, cells, raw, rawBytes: undefined, kind: 'error', result: undefined, reason: undefined, error });

/** A row for the row-level API: what a caller already has in hand. */
export interface RowInput {
  model: string;
  serial?: string | undefined;
  country?: string | undefined;
  /** Where the row came from, for messages; defaults to its position. */
  line?: number | undefined;
  /** The row's descriptive text (title, item name, seller SKU), searched for recalled models when the model is not one. */
  otherText?: readonly OtherText[] | undefined;
}

export interface BatchOptions {
  /** Country of sale for rows that have none of their own. */
  country?: string | undefined;
  /** Called on every checked result before it is counted, e.g. to mark it acknowledged: returns the result to count (results are frozen, so a marked one is a new one). */
  annotate?: ((result: CheckResult) => CheckResult) | undefined;
}

/**
 * The row-level API: any iterable or async iterable of rows in, results out, in order. Rows with
 * an empty model are skipped, rows with a bad country are refused; every row gets a result.
 */
export async function* checkRows(catalog: Catalog, rows: Iterable<RowInput> | AsyncIterable<RowInput>, opts: BatchOptions = {}): AsyncGenerator<RowResult, Summary, undefined> {
  const summary = newSummary();
  const ctx = context(catalog, opts, ['model', 'serial', 'country'], []);
  let row = 0;
  for await (const input of rows) {
    row++;
    const cells = [input.model, input.serial ?? '', input.country ?? ''];
    const result = classify(input.line ?? row, row, cells, undefined, input.model, input.serial, input.country, ctx, input.otherText);
    record(summary, result);
    yield result;
  }
  return summary;
}

export interface CsvBatchOptions extends BatchOptions, ColumnOptions {
  /** Name for messages: the file path, or "stdin". */
  name: string;
  /** A WHATWG encoding label (windows-1252, shift_jis, utf-16le…); by default UTF-8, or UTF-16 by its byte-order mark. */
  encoding?: string | undefined;
  delimiter?: string | undefined;
  maxRecordChars?: number;
}

/** The input's shape, known before the first row, and its results as they are checked. */
export interface CsvBatch extends InputFile {
  /** Results in input order, in batches; the summary is complete when this ends. */
  results: AsyncGenerator<RowResult[], void, undefined>;
  summary: Summary;
}

/**
 * The CSV-level API: a byte stream in; the file's shape (encoding, delimiter, header, columns) is
 * known when this resolves, so a file without a model column fails before anything is written.
 */
export async function checkCsv(catalog: Catalog, source: AsyncIterable<Uint8Array> | Readable, opts: CsvBatchOptions): Promise<CsvBatch> {
  const text = await decode(source as AsyncIterable<Uint8Array>, opts.name, { encoding: opts.encoding });
  const csv = await readCsv(text.chunks, opts);
  const header = csv.header.cells;
  // Lines are cut at LF; a file whose lines end in a bare CR (old Mac) is written back from its text.
  if (csv.linebreak === '\r') text.dropLines();
  const headerLine = csv.sepLine ? 2 : 1;
  const headerBytes = bytesOf(text, headerLine, csv.header.raw);
  // A byte-order mark that overrode the named encoding: the file is read in the mark's, as if named.
  const readAs = text.bomNote !== undefined ? text.encoding : named(opts.encoding);
  const columns = readableColumns(header, opts, text, readAs, csv.delimiter, headerBytes);
  return checkTable(
    catalog,
    csv,
    { kind: 'csv', encoding: text.encoding, bom: text.bom, bomNote: text.bomNote, delimiter: csv.delimiter, sepLine: csv.sepLine, linebreak: csv.linebreak, headerRaw: csv.header.raw, headerBytes },
    opts,
    columns,
    text,
  );
}

/** What the reader of a tabular input knows of its shape (the rest comes from its header). */
export type TableShape = Omit<InputFile, 'name' | 'header' | 'headerLine' | 'columns' | 'encodingHint'>;

/**
 * The row loop of every tabular input: each record classified. `text` is the decoded CSV text,
 * which holds the rows' own bytes when the file is not valid UTF-8, and the encoding hint.
 */
export function checkTable(catalog: Catalog, table: Table, shape: TableShape, opts: CsvBatchOptions, columns: ColumnMapping, text?: DecodedText): CsvBatch {
  const header = table.header.cells;
  const summary = newSummary();
  const width = header.length;
  const columnName = (i: number | undefined) => (i === undefined ? '' : header[i]!);
  const ctx = context(catalog, opts, [columnName(columns.model), columnName(columns.serial), columnName(columns.country)], columns.scan.map((i) => [i, header[i]!] as const), columns.model === undefined);
  const modelOf = (cells: string[]) => (columns.model === undefined ? '' : cells[columns.model]);
  /** A row with cells that did not decode: checked on what it still shows, refused if that names no recall. */
  const damaged = (line: number, row: number, cells: string[], raw: string | undefined, bad: number): RowResult => {
    const column = header[bad] ?? `column ${bad + 1}`;
    // Before any byte has failed, a U+FFFD in UTF-8 text is the character itself: valid bytes, and
    // the encoding is right; the value was lost before the file was saved.
    const literal = text !== undefined && shape.encoding === 'utf-8' && !text.invalid;
    // A workbook cell reads as U+FFFD when it holds a value of a kind the reader does not know.
    const message = shape.kind === 'xlsx'
      ? `column "${header[bad] ?? bad + 1}" holds a cell that could not be read as text (a value of a kind this reader does not know, or a U+FFFD character); check it in the spreadsheet`
      : literal
      ? `column "${header[bad] ?? bad + 1}" holds a U+FFFD replacement character (valid UTF-8, not a decoding failure): the file was probably damaged before it was saved; check the value against the unit's label`
      : `column "${header[bad] ?? bad + 1}" has bytes that are not valid ${undecodable(shape.encoding, text?.hint, text?.bomNote !== undefined ? shape.encoding : named(opts.encoding))}`;
    const error: RowError = { code: 'invalid-text', column, message };
    // An unreadable serial or country is checked as absent; an unreadable model is searched as it
    // reads, but can then never clear a unit (nor condemn one by its serial): capped at verify.
    const unreadable = (i: number | undefined) => i !== undefined && (cells[i] ?? '').includes('\uFFFD');
    const serial = unreadable(columns.serial) ? undefined : cell(cells, columns.serial);
    const country = unreadable(columns.country) ? undefined : cell(cells, columns.country);
    return partlyRead(classify(line, row, cells, raw, modelOf(cells) ?? '', serial, country, ctx), error, unreadable(columns.model) || unreadable(columns.country));
  };

  /**
   * A row with the wrong number of fields: its cells may have moved (an unquoted delimiter in a
   * title), so no column can be trusted. Every cell is searched for a recalled code; a row that
   * names a recall is listed as verify at most (its serial may be another column's) beside its
   * error, so the summary counts it; one that names none is refused, never passed.
   */
  const misaligned = (line: number, row: number, cells: string[], raw: string | undefined, error: RowError): RowResult => {
    const model = modelOf(cells) ?? '';
    const other = cells.flatMap((text, i) => (i === columns.model || text.trim() === '' ? [] : [{ column: header[i] ?? `column ${i + 1}`, text }]));
    return partlyRead(classify(line, row, cells, raw, model, cell(cells, columns.serial), cell(cells, columns.country), ctx, other), error, true);
  };

  async function* results(): AsyncGenerator<RowResult[], void, undefined> {
    let row = 0;
    for await (const records of table.records) {
      const out: RowResult[] = new Array(records.length);
      for (let k = 0; k < records.length; k++) {
        const { line, cells, raw, quoteError, quoteColumn } = records[k]!;
        row++;
        let result: RowResult;
        const rawBytes = text?.lines === undefined || raw === undefined ? undefined : bytesOf(text, line, raw);
        const model = modelOf(cells);
        // A workbook row has no raw text, and no bytes that failed to decode.
        if (!quoteError && cells.length === width && model !== undefined && isPrintableAscii(model.charCodeAt(0)) && !(raw ?? '').includes('\uFFFD')) {
          // Most rows: the right width, a model, text that decoded cleanly. Nothing below applies.
          result = classify(line, row, cells, raw, model, cell(cells, columns.serial), cell(cells, columns.country), ctx);
        } else if (quoteError) {
          // No raw: written back as it was, the stray quote would swallow the next lines in a spreadsheet.
          result = refused(line, row, cells, undefined, quoteProblem(quoteError, quoteColumn === undefined ? undefined : (header[quoteColumn] ?? `column ${quoteColumn + 1}`)));
        } else if (isBlank(cells)) {
          result = skipped(line, row, cells, raw, 'blank-line');
        } else if (cells.length !== width && !(cells.length > width && isBlank(cells.slice(width))) && !(cells.length < width && isBlank(header.slice(cells.length)))) {
          result = misaligned(line, row, cells, raw, { code: 'field-count', expected: width, actual: cells.length, message: `expected ${width} fields, got ${cells.length}` });
        } else {
          const bad = raw === undefined || raw.includes('\uFFFD') ? cells.findIndex((c) => c.includes('\uFFFD')) : -1;
          result = bad !== -1
            ? damaged(line, row, cells, raw, bad)
            : classify(line, row, cells, raw, modelOf(cells) ?? '', cell(cells, columns.serial), cell(cells, columns.country), ctx);
        }
        // Every row object is made with rawBytes (undefined) in place, and is new: set, not copied.
        // A line refused for a broken quote has no raw text: it is re-serialised, from these bytes
        // when its text did not decode (see report/reserialise-bytes.ts).
        if (rawBytes !== undefined) (result as { rawBytes: Uint8Array | undefined }).rawBytes = rawBytes;
        record(summary, result);
        out[k] = result;
      }
      if (row === 0 && out.length === 0) continue;
      yield out;
    }
    if (row === 0) {
      throw new RecallCheckError('input', [{ file: opts.name, message: 'no rows: the file has a header but no data rows. Nothing was checked.' }]);
    }
  }

  return {
    name: opts.name,
    ...shape,
    header,
    headerLine: table.header.line,
    get encodingHint() {
      return text?.hint;
    },
    columns,
    results: results(),
    summary,
  };
}

const named = (label: string | undefined) => (label === undefined ? undefined : canonicalEncoding(label));

/** The end of an "is not valid …" message: in which encoding, and what to do. */
function undecodable(encoding: string, hint: EncodingHint | undefined, named: string | undefined): string {
  if (named !== undefined) return `${named} (or a U+FFFD character); check that --encoding ${named} is the file's encoding`;
  if (hint !== undefined) return `UTF-8; ${hint.advice}`;
  return `${encoding === 'utf-8' ? 'UTF-8' : encoding} (or a U+FFFD character); re-save the file as UTF-8`;
}

/**
 * mapColumns, for a header that may not have decoded. A header in the wrong encoding (Shift_JIS
 * read as UTF-8) has no model column that can be found or named: the fix is the encoding, never
 * a --model-column with the name as the user sees it.
 */
function readableColumns(header: string[], opts: CsvBatchOptions, text: DecodedText, named: string | undefined, delimiter: string, headerBytes: Uint8Array | undefined): ColumnMapping {
  const unreadable = header.some((h) => h.includes('\uFFFD'));
  let mapped: ColumnMapping | undefined;
  try {
    mapped = mapColumns(header, opts, opts.name);
  } catch (e) {
    if (!(e instanceof RecallCheckError) || !unreadable) throw e;
  }
  // Without a named encoding, a header that did not decode is tried in the likely encodings: one in
  // which it maps (more) columns is named, as proven, instead of chardet's guess.
  if (unreadable && named === undefined && headerBytes !== undefined && (mapped === undefined || mapped.serial === undefined || mapped.country === undefined)) {
    const proven = provenHeaderEncoding(headerBytes, delimiter, opts, mapped, text.hint?.encoding);
    if (proven !== undefined) text.prove(provenHint(proven));
  }
  if (mapped !== undefined) return mapped;
  const found = header.map((h) => JSON.stringify(h)).join(', ');
  const why = named !== undefined
    ? `the header could not be read as ${named} (columns found: ${found}); check that --encoding ${named} is the file's encoding`
    : `the header could not be read as ${text.encoding === 'utf-8' ? 'UTF-8' : text.encoding} (columns found: ${found}); ${text.hint?.advice ?? WEAK_ADVICE}`;
  throw new RecallCheckError('input', [{ file: opts.name, line: 1, message: `${why}. Nothing was checked.` }]);
}

/** A record's own bytes, when the decode stage keeps them; the first undecodable byte numbers the lines kept after a UTF-8 failure. */
function bytesOf(text: DecodedText, line: number, raw: string): Uint8Array | undefined {
  const lines = text.lines;
  if (lines === undefined) return undefined;
  if (!lines.aligned) {
    const bad = raw.indexOf('\uFFFD');
    if (bad === -1) return undefined;
    lines.alignAt(line + lineFeedsBefore(raw, bad));
  }
  return lines.take(line, line + lineFeedsBefore(raw, raw.length));
}

/**
 * A row read only in part, checked on what could be read: a finding beside its error when that
 * names a recall (capped at verify when the row cannot support more), else refused with the error,
 * never passed.
 */
function partlyRead(result: RowResult, error: RowError, cap: boolean): RowResult {
  if (result.kind !== 'checked' || result.result.status === 'no-recall') return refused(result.line, result.row, result.cells, result.raw, error);
  return { ...result, result: cap ? capAtVerify(result.result) : result.result, error };
}

/** A verdict that text which did not decode cannot support: affected or not-affected become verify. */
function capAtVerify(result: CheckResult): CheckResult {
  if (result.status !== 'affected' && result.status !== 'not-affected') return result;
  const matches = result.matches.map((m) => (m.status === 'affected' || m.status === 'not-affected' ? { ...m, status: 'verify' as const } : m));
  return { ...result, status: 'verify', matches };
}

/** A visible ASCII character: a cell that starts with one is not blank (Unicode spaces are not ASCII). */
function isPrintableAscii(c: number): boolean {
  return c > 32 && c < 0x7f;
}

function cell(cells: string[], i: number | undefined): string | undefined {
  return i === undefined ? undefined : cells[i];
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** A quoting error can swallow the lines after it into one field: say that they were read as rows of their own. */
function quoteProblem(kind: 'unclosed-quote' | 'malformed-quote', column: string | undefined): RowError {
  const where = column === undefined ? '' : ` in column "${column}"`;
  const span = ' The lines after it are read as rows of their own, not into this field.';
  return kind === 'unclosed-quote'
    ? { code: 'unclosed-quote', message: `a quoted field${where} opens on this line and is not closed on it; close the quote, or double it ("") if it is part of the value.${span}` }
    : { code: 'malformed-quote', message: `a closing quote${where} is followed by other characters before the delimiter; double the quote ("") if it is part of the value.${span}` };
}

type Checker = (model: string, serial: string | undefined, country: string | undefined, cells: readonly string[], otherText: readonly OtherText[] | undefined) => CheckResult;

/**
 * `check` for the batch hot path. A model cell that is already clean (upper-case letters and
 * digits: most of an inventory), that no recall declares and that holds no recalled code, in a
 * row whose descriptive columns name none either, is answered without normalising or remembering
 * anything; other cells are normalised once per distinct value. The descriptive cells are handed
 * to the matcher only when they name a recalled code, or when there is no model column at all.
 */
function memoised(catalog: Catalog, scan: readonly (readonly [number, string])[], scanOnly: boolean): { check: Checker; mentions: (cells: readonly string[]) => boolean } {
  const models = new Map<string, Normalised>();
  const columns = Int32Array.from(scan, ([i]) => i);
  const mentions = (cells: readonly string[]) => {
    for (let k = 0; k < columns.length; k++) {
      const text = cells[columns[k]!];
      // Searched every time: a memo would hash each fresh cell, which costs more than the
      // search's first look at its characters, and most cells are turned away there.
      if (text && findCodes(catalog, text).length > 0) return true;
    }
    return false;
  };
  const textOf = (cells: readonly string[]): OtherText[] => scan.map(([i, column]) => ({ column, text: cells[i] ?? '' }));
  const check: Checker = (raw, serial, country, cells, otherText) => {
    if (otherText === undefined && !scanOnly && CLEAN.test(raw) && catalog.lookup(raw).length === 0 && findCodes(catalog, raw).length === 0 && misreadCodes(catalog, raw).length === 0) {
      // The model names no recall: only the descriptive columns can.
      if (!mentions(cells)) return noRecall(catalog, cleanModel(raw), country);
      otherText = textOf(cells);
    }
    let model = models.get(raw);
    if (!model) {
      model = normaliseModel(raw);
      if (models.size < 100_000) models.set(raw, model);
    }
    const other = otherText ?? (columns.length > 0 && (scanOnly || mentions(cells)) ? textOf(cells) : undefined);
    return checkModel(catalog, model, serial, country, other);
  };
  return { check, mentions };
}

/** normaliseCountry, remembered: a country column holds a handful of distinct values. */
function countries(): (raw: string) => string | undefined {
  // '' marks a value that is not a country, so one lookup answers both ways.
  const seen = new Map<string, string>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known || undefined;
    const c = normaliseCountry(raw);
    if (seen.size < 10_000) seen.set(raw, c ?? '');
    return c;
  };
}

interface RowContext {
  check: Checker;
  country: (raw: string) => string | undefined;
  defaultCountry: string | undefined;
  /** Column names of model, serial and country, for messages. */
  names: string[];
  /** No model column: rows are checked by the codes found in the descriptive columns alone. */
  scanOnly: boolean;
  /** Whether a row's descriptive columns name a recalled code. */
  mentions: (cells: readonly string[]) => boolean;
}

function context(catalog: Catalog, opts: BatchOptions, names: string[], scan: readonly (readonly [number, string])[], scanOnly = false): RowContext {
  const { check, mentions } = memoised(catalog, scan, scanOnly);
  const annotate = opts.annotate;
  return {
    check: annotate
      ? (model, serial, country, cells, otherText) => {
          const result = check(model, serial, country, cells, otherText);
          // No-recall results are never findings.
          return result.status !== 'no-recall' ? annotate(result) : result;
        }
      : check,
    country: countries(),
    defaultCountry: opts.country,
    names,
    scanOnly,
    mentions,
  };
}

function classify(
  line: number,
  row: number,
  cells: string[],
  raw: string | undefined,
  model: string,
  serial: string | undefined,
  country: string | undefined,
  ctx: RowContext,
  otherText?: readonly OtherText[],
): RowResult {
  // A row with no model (a Shopify continuation row) is skipped, unless its title names a recalled code.
  if (!ctx.scanOnly && model.trim() === '' && !(otherText ?? []).some((o) => o.text.trim() !== '') && !ctx.mentions(cells)) return skipped(line, row, cells, raw, 'empty-model');
  let sold = ctx.defaultCountry;
  if (country !== undefined && country.trim() !== '') {
    sold = ctx.country(country);
    if (!sold) {
      return refused(line, row, cells, raw, { code: 'bad-country', value: country, message: `column "${ctx.names[2]}": ${countryProblem(country)}` });
    }
  }
  return checked(line, row, cells, raw, ctx.check(model, serial, sold, cells, otherText));
}
