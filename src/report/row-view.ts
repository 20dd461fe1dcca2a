/**
 * One batch row as the columns every batch reporter shows: status, recalls, reason, action, and
 * where to check. Reporters format this; none of them re-derives it.
 */
import type { RowResult, RowStatus } from '../batch/run.js';
import { reasonMessage } from '../core/messages.js';
import type { Reason } from '../core/result.js';
import { whereToVerify } from '../core/where-to-verify.js';

export interface RowView {
  status: RowStatus;
  /** Recalls that decided the status (for no-recall and skipped rows: none). */
  recallIds: string[];
  reason: string;
  action: string;
  checkUrls: string[];
}

const SKIP_REASON = { 'empty-model': 'skipped: the model cell is empty', 'blank-line': 'skipped: blank line' } as const;

export function rowView(r: RowResult): RowView {
  if (r.kind === 'skipped') return { status: 'skipped', recallIds: [], reason: SKIP_REASON[r.reason], action: '', checkUrls: [] };
  if (r.kind === 'error') return { status: 'error', recallIds: [], reason: `line ${r.line}: ${r.error.message}`, action: 'Fix this row and check it again', checkUrls: [] };
  const { result } = r;
  // Most rows of an inventory: keep them short, so the annotated file stays close to its input.
  if (result.status === 'no-recall') return { status: 'no-recall', recallIds: [], reason: NO_RECALL, action: '', checkUrls: [] };
  // Recalled only elsewhere: no match has the row's status, so name them all.
  const same = result.matches.filter((m) => m.status === result.status);
  const deciding = same.length > 0 ? same : result.matches;
  const checkUrls: string[] = [];
  for (const m of deciding) {
    const url = m.status === 'verify' ? whereToVerify(m.recall)?.url : undefined;
    if (url && !checkUrls.includes(url)) checkUrls.push(url);
  }
  return {
    status: result.status,
    recallIds: deciding.map((m) => m.recallId),
    reason: result.reasons.map(reasonMessage).join(' '),
    action: result.acknowledged ? `Acknowledged: ${result.acknowledged.reason}` : result.status === 'verify' ? verifyAction(result.reasons) : ACTION[result.status],
    checkUrls,
  };
}

const NO_RECALL = 'none on file; not a safety clearance';

/** A verify that waits on something printed on the unit says what to read, so the queue can be worked. */
function verifyAction(reasons: readonly Reason[]): string {
  const fields: string[] = [];
  for (const r of reasons) {
    const field = r.code === 'read-label' ? `its ${r.field}${r.where ? ` (${r.where})` : ''}` : r.code === 'batch-and-date-unreadable' ? 'its batch code and manufacture date' : undefined;
    if (field && !fields.includes(field)) fields.push(field);
  }
  if (fields.length === 0) return ACTION.verify;
  // A batch and date are never decided here: only the manufacturer can confirm them.
  const next = reasons.some((r) => r.code === 'batch-and-date-unreadable') ? 'ask the manufacturer to confirm' : 'check it again';
  return `Hold the unit; read ${fields.join(' and ')} from the unit and ${next}`;
}

const ACTION = {
  affected: 'Stop selling and quarantine the unit; see the recall for the remedy and safe disposal',
  verify: 'Hold the unit and check its serial with the manufacturer',
  'not-affected': 'No action for these recalls',
} as const;

/** Text ending in a full stop, so joined parts read as sentences. */
export function sentence(text: string): string {
  return text === '' || /[.!?]$/u.test(text) ? text : `${text}.`;
}
