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
import { decode } from './decode.js';
import { readCsv } from './read.js';
import { sniff } from './sniff.js';
import type { Table } from './table.js';
import type { InputFile } from '../results/input-file.js';
import type { RowError, RowResult, SkipReason } from '../results/row-result.js';
import { newSummary, record, type Summary } from '../results/summary.js';

export type { RowError, RowResult, RowStatus, SkipReason } from '../results/row-result.js';
export { rowStatus } from '../results/row-result.js';

const checked = (line: number, row: number, cells: string[], raw: string | undefined, result: CheckResult): RowResult =>
  ({ line, row, cells, raw, kind: 'checked', result, reason: undefined, error: undefined });
const skipped = (line: number, row: number, cells: string[], raw: string | undefined, reason: SkipReason): RowResult =>
  ({ line, row, cells, raw, kind: 'skipped', result: undefined, reason, error: undefined });
const refused = (line: number, row: number, cells: string[], raw: string | undefined, error: RowError): RowResult =>
  ({ line, row, cells, raw, kind: 'error', result: undefined, reason: undefined, error });

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
  const text = await decode(source as AsyncIterable<Uint8Array>, opts.name);
  const csv = await readCsv(text.chunks, opts);
  return checkTable(catalog, csv, { kind: 'csv', encoding: text.encoding, bom: text.bom, delimiter: csv.delimiter, sepLine: csv.sepLine, linebreak: csv.linebreak, headerRaw: csv.header.raw }, opts);
}

export interface InputBatchOptions extends CsvBatchOptions {
  /** The workbook sheet to check; the first sheet when absent. */
  sheet?: string | undefined;
}

/**
 * Any inventory file: a CSV, or an .xlsx workbook, told apart by their first bytes (./sniff.ts).
 * The workbook reader, and exceljs with it, is loaded only for a workbook.
 */
export async function checkInput(catalog: Catalog, source: AsyncIterable<Uint8Array> | Readable, opts: InputBatchOptions): Promise<CsvBatch> {
  const input = await sniff(source as AsyncIterable<Uint8Array>, opts.name);
  if (input.kind === 'text') return checkCsv(catalog, input.source, opts);
  const { readWorkbook } = await import('./workbook.js');
  const book = await readWorkbook(input.source, opts);
  // A workbook's CSV output is written as Excel reads a CSV back best: UTF-8 with a byte-order
  // mark, commas, CRLF.
  return checkTable(catalog, book, { kind: 'xlsx', sheet: book.sheet, encoding: 'utf-8', bom: true, delimiter: ',', sepLine: false, linebreak: '\r\n', headerRaw: undefined }, opts);
}

type Shape = Omit<InputFile, 'name' | 'header' | 'headerLine' | 'columns'>;

/** The row loop of every tabular input: columns from the header, then each record classified. */
function checkTable(catalog: Catalog, table: Table, shape: Shape, opts: CsvBatchOptions): CsvBatch {
  const header = table.header.cells;
  const columns = mapColumns(header, opts, opts.name);
  const summary = newSummary();
  const width = header.length;
  const columnName = (i: number | undefined) => (i === undefined ? '' : header[i]!);
  const ctx = context(catalog, opts, [columnName(columns.model), columnName(columns.serial), columnName(columns.country)], columns.scan.map((i) => [i, header[i]!] as const), columns.model === undefined);
  const modelOf = (cells: string[]) => (columns.model === undefined ? '' : cells[columns.model]);

  async function* results(): AsyncGenerator<RowResult[], void, undefined> {
    let row = 0;
    for await (const records of table.records) {
      const out: RowResult[] = new Array(records.length);
      for (let k = 0; k < records.length; k++) {
        const { line, cells, raw, quoteError, lastLine } = records[k]!;
        row++;
        let result: RowResult;
        const model = modelOf(cells);
        // A workbook row has no raw text, and no bytes that failed to decode.
        if (!quoteError && cells.length === width && model !== undefined && isPrintableAscii(model.charCodeAt(0)) && !(raw ?? '').includes('\uFFFD')) {
          // Most rows: the right width, a model, text that decoded cleanly. Nothing below applies.
          result = classify(line, row, cells, raw, model, cell(cells, columns.serial), cell(cells, columns.country), ctx);
        } else if (quoteError) {
          result = refused(line, row, cells, raw, quoteProblem(quoteError, line, lastLine ?? line));
        } else if (isBlank(cells)) {
          result = skipped(line, row, cells, raw, 'blank-line');
        } else if (cells.length !== width && !(cells.length > width && isBlank(cells.slice(width))) && !(cells.length < width && isBlank(header.slice(cells.length)))) {
          result = refused(line, row, cells, raw, { code: 'field-count', expected: width, actual: cells.length, message: `expected ${width} fields, got ${cells.length}` });
        } else {
          const bad = raw === undefined || raw.includes('\uFFFD') ? cells.findIndex((c) => c.includes('\uFFFD')) : -1;
          result = bad !== -1
            ? refused(line, row, cells, raw, { code: 'invalid-text', column: header[bad] ?? `column ${bad + 1}`, message: `column "${header[bad] ?? bad + 1}" has bytes that are not valid UTF-8 (or a U+FFFD character); re-save the file as UTF-8` })
            : classify(line, row, cells, raw, modelOf(cells) ?? '', cell(cells, columns.serial), cell(cells, columns.country), ctx);
        }
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

  return { name: opts.name, ...shape, header, headerLine: table.header.line, columns, results: results(), summary };
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

/** A quoting error can swallow the lines after it into one record: say which, so none is lost unseen. */
function quoteProblem(kind: 'unclosed-quote' | 'malformed-quote', line: number, lastLine: number): RowError {
  const span = lastLine > line ? ` Lines ${line + 1} to ${lastLine} were read into this record and not checked.` : '';
  return kind === 'unclosed-quote'
    ? { code: 'unclosed-quote', message: `a quoted field opened on this line is never closed, so the rest of the file was read into it; close the quote.${span}` }
    : { code: 'malformed-quote', message: `a closing quote is followed by other characters before the delimiter; double the quote ("") if it is part of the value.${span}` };
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
