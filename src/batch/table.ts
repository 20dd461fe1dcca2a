/**
 * What the batch check reads from any tabular input, CSV or workbook: a header and the records
 * after it, each with the line (CSV) or sheet row number (workbook) it starts on. Only CSV has raw
 * text to write back; a workbook's rows are cells alone.
 */
export interface TableRecord {
  /** 1-based physical line of a CSV file, or the sheet's row number. */
  line: number;
  cells: string[];
  /** The record's text exactly as it was in the file; absent for a workbook row. */
  raw: string | undefined;
  /** A quoting problem on this CSV line: the record is this one line, its broken cell kept as written. */
  quoteError?: 'unclosed-quote' | 'malformed-quote';
  /** With a quote error: the 0-based cell where the broken quoted field starts. */
  quoteColumn?: number;
}

export interface Table {
  header: TableRecord;
  /** The remaining records, in batches, in order. */
  records: AsyncIterable<TableRecord[]>;
}
