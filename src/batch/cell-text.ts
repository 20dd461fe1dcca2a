/**
 * A workbook cell → the text the sheet shows, which is what a person reads off the screen and what
 * the CSV path would have received had the sheet been saved as CSV. Pure: it takes the value as
 * exceljs's reader gives it, and the cell's number format, and formats it with SheetJS's `ssf`
 * (the ECMA-376 number-format engine), so "00042" stays "00042", a date reads as the sheet shows
 * it, and a long serial stored as a number reads "1.23457E+15", as Excel's General format shows
 * it, which the serial rules report as `verify`.
 */
import SSF from 'ssf';

/** U+FFFD, which the row loop treats as a cell that could not be read (see ../batch/run.ts). */
export const UNREADABLE = '\uFFFD';

/** What exceljs's streaming reader puts in `cell.value`. */
export type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText: readonly { text: string }[] }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string }
  | { sharedString: number }
  | { text?: string; hyperlink?: string };

/** Excel keeps 15 significant digits: a number of 16 digits or more has already lost the rest (shown as zeros, or not at all). */
const LOST_DIGITS = 1e15;

export function cellText(value: CellValue | unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return numberText(dateSerial(value), numFmt ?? 'yyyy-mm-dd');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if (typeof v.error === 'string') return v.error;
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
      // exceljs reads every cached result that is not a string as a number: an error or a
      // boolean result becomes NaN or 0/1. NaN is some error value; which one is lost, and any
      // error in a serial cell is reported alike.
      const r = v.result;
      if (typeof r === 'number' && Number.isNaN(r)) return '#N/A';
      return r === undefined ? '' : cellText(r, numFmt);
    }
    if (typeof v.text === 'string') return v.text;
  }
  // A value of a shape not known here is unreadable, never its String() ("[object Object]"): the
  // row is then refused or capped as a cell that did not decode.
  return UNREADABLE;
}

/**
 * A number as its format shows it. A number of 16 digits or more cannot be what was typed (Excel
 * keeps 15 significant digits and turns the rest into zeros), whatever the format prints: it is
 * given in General's scientific form, so that the row is reported as a serial a spreadsheet
 * damaged, never checked as digits.
 */
function numberText(n: number, numFmt: string | undefined): string {
  const fmt = numFmt === undefined || numFmt === '' ? 'General' : numFmt;
  if (Math.abs(n) >= LOST_DIGITS) return SSF.format('General', n);
  try {
    return SSF.format(fmt, n);
  } catch {
    // A format code ssf cannot read: the value as General shows it, rather than no text.
    return SSF.format('General', n);
  }
}

/** exceljs turns date-formatted serials into Dates (UTC); back to the 1900-system serial ssf formats. */
function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}
