/** What a batch learned about its input before the first row: what reporters need to describe it and write it back. */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

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
  readonly columns: ColumnMapping;
}
