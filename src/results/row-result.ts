/**
 * One row of a batch as every reporter sees it: checked (with the same CheckResult as a single
 * check), skipped, or refused with the reason. Every input row gets exactly one.
 */
import type { CheckResult, Status } from '../core/result.js';

export type RowError =
  | { code: 'unclosed-quote'; message: string }
  | { code: 'malformed-quote'; message: string }
  | { code: 'field-count'; expected: number; actual: number; message: string }
  | { code: 'invalid-text'; column: string; message: string }
  | { code: 'bad-country'; value: string; message: string };

export type SkipReason = 'empty-model' | 'blank-line';

interface RowBase {
  /** Physical line where the row starts (1-based, counting the header). */
  readonly line: number;
  /** Data row number: 1 for the first row after the header. */
  readonly row: number;
  /** The row's cells exactly as parsed. */
  readonly cells: readonly string[];
  /** The row's text exactly as read, when it came from a CSV file. */
  readonly raw: string | undefined;
  /**
   * The row's bytes exactly as read (without its line break), when its text is not valid UTF-8:
   * a file in another encoding, or bytes that did not decode. Writers of the input's own format
   * write these back instead of `raw`.
   */
  readonly rawBytes?: Uint8Array | undefined;
}

// Every row object has all the fields, in one order, so the hot loop sees one shape.
// A checked row has an error only when part of it could not be read (invalid-text) and what could
// be read still names a recall: it is a finding, and counted among the errors too (see summary.ts).
export type RowResult =
  | (RowBase & { readonly kind: 'checked'; readonly result: CheckResult; readonly reason: undefined; readonly error: RowError | undefined })
  | (RowBase & { readonly kind: 'skipped'; readonly result: undefined; readonly reason: SkipReason; readonly error: undefined })
  | (RowBase & { readonly kind: 'error'; readonly result: undefined; readonly reason: undefined; readonly error: RowError });

export type RowStatus = Status | 'skipped' | 'error';

export function rowStatus(r: RowResult): RowStatus {
  return r.kind === 'checked' ? r.result.status : r.kind;
}
