/**
 * The running account of a batch: every data row lands in exactly one bucket, so the counts add up
 * to the number of rows, and skipped and refused rows are listed by line. One exception, counted
 * twice on purpose: a row whose bytes could not all be read but whose readable text names a recall
 * is a finding (in byStatus) and an error (errors.findings of errors.count), so that it is never
 * missing from the findings and the run still reads as incomplete (exit 2).
 */
import { STATUSES, type Status } from '../core/result.js';
import type { RowError, RowResult, SkipReason } from './row-result.js';

/** How many refused rows keep their full message; all keep their line number. */
export const MAX_ERROR_DETAILS = 100;

export interface Summary {
  rows: number;
  byStatus: Record<Status, number>;
  /** Of byStatus, the findings an acknowledgement covers (they do not fail the run). */
  acknowledged: { affected: number; verify: number };
  skipped: { count: number; byReason: Record<SkipReason, number[]> };
  /** `findings` of the `count` are also counted in byStatus: rows = byStatus + skipped + count − findings. */
  errors: { count: number; findings: number; lines: number[]; details: { line: number; code: string; message: string }[] };
}

export function newSummary(): Summary {
  return {
    rows: 0,
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
    acknowledged: { affected: 0, verify: 0 },
    skipped: { count: 0, byReason: { 'empty-model': [], 'blank-line': [] } },
    errors: { count: 0, findings: 0, lines: [], details: [] },
  };
}

export function record(summary: Summary, r: RowResult): void {
  summary.rows++;
  switch (r.kind) {
    case 'checked':
      summary.byStatus[r.result.status]++;
      if (r.result.acknowledged && (r.result.status === 'affected' || r.result.status === 'verify')) summary.acknowledged[r.result.status]++;
      if (r.error !== undefined) {
        summary.errors.findings++;
        error(summary, r.line, r.error);
      }
      break;
    case 'skipped':
      summary.skipped.count++;
      summary.skipped.byReason[r.reason].push(r.line);
      break;
    case 'error':
      error(summary, r.line, r.error);
      break;
  }
}

function error(summary: Summary, line: number, e: RowError): void {
  summary.errors.count++;
  summary.errors.lines.push(line);
  if (summary.errors.details.length < MAX_ERROR_DETAILS) summary.errors.details.push({ line, code: e.code, message: e.message });
}

/** The statuses of findings that are not acknowledged: what the exit code is made of. */
export function statusesOf(summary: Summary): Status[] {
  const open = (s: Status) => summary.byStatus[s] - (s === 'affected' || s === 'verify' ? summary.acknowledged[s] : 0);
  return STATUSES.filter((s) => open(s) > 0);
}
