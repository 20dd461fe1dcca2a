/** What a batch learned about its input before the first row: what reporters need to describe it and write it back. */

/** The canonical name of a WHATWG encoding, as TextDecoder's `.encoding` gives it: utf-8, utf-16le, windows-1252, shift_jis… */
export type Encoding = string;

export interface ColumnMapping {
  /** Absent only when the file has no model column and `scanColumns` named the columns to search instead. */
  readonly model: number | undefined;
  readonly serial?: number | undefined;
  readonly country?: number | undefined;
  /** Descriptive columns (title, item name, seller SKU…) searched for recalled model codes. */
  readonly scan: readonly number[];
}

export interface InputFile {
  /** Name for messages: the file path, or "stdin". */
  readonly name: string;
  /** A CSV (text) file, or an .xlsx workbook, whose rows are cells with no text of their own to write back. */
  readonly kind: 'csv' | 'xlsx';
  /** The workbook sheet that was checked. */
  readonly sheet?: string | undefined;
  /** For a workbook, the encoding its CSV output is written in. */
  readonly encoding: Encoding;
  /** The input started with a byte-order mark (kept in CSV output, which Excel needs). */
  readonly bom: boolean;
  readonly delimiter: string;
  /** The input began with Excel's sep= line. */
  readonly sepLine: boolean;
  readonly linebreak: string;
  readonly header: readonly string[];
  /** The header's line (after a sep= line: 2), or its row in the sheet (the first row that is not empty). */
  readonly headerLine: number;
  /** The header line exactly as read; absent for a workbook, which has no text of its own. */
  readonly headerRaw: string | undefined;
  /** The header line's bytes, when the file's text is not valid UTF-8 (see RowResult.rawBytes). */
  readonly headerBytes?: Uint8Array | undefined;
  /**
   * Set when the file was read as UTF-8 (no encoding named) and is not: the likely encoding and the
   * exact --encoding to re-run with. Known once the first undecodable byte has been read.
   */
  /** Set when the file's byte-order mark overrode the encoding named for it: what to tell the user, after the file's name. */
  readonly bomNote?: string | undefined;
  readonly encodingHint?: { readonly encoding: string | undefined; readonly advice: string } | undefined;
  readonly columns: ColumnMapping;
}
