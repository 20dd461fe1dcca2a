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
  /** A quoting problem the CSV parser reported for this record. */
  quoteError?: 'unclosed-quote' | 'malformed-quote';
  /** With a quote error: the last physical line the record swallowed. */
  lastLine?: number;
}

export interface Table {
  header: TableRecord;
  /** The remaining records, in batches, in order. */
  records: AsyncIterable<TableRecord[]>;
}
