/**
 * One batch row as the columns every batch reporter shows: status, recalls, reason, action, and
 * where to check. Reporters format this; none of them re-derives it.
 */
import type { RowResult, RowStatus } from '../results/row-result.js';
import { reasonMessage } from '../core/messages.js';
import type { Reason } from '../core/result.js';
import { whereToVerify } from '../core/where-to-verify.js';
import { leadingFirst, supersededIn } from './match-order.js';

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
  if (result.status === 'no-recall') {
    const more = result.reasons.filter((x) => x.code !== 'model-not-in-data');
    // model-not-in-columns says itself that it is no clearance.
    const lead = result.reasons.some((x) => x.code === 'model-not-in-columns') ? [] : [`${NO_RECALL}.`];
    return { status: 'no-recall', recallIds: [], reason: more.length === 0 ? NO_RECALL : [...lead, ...more.map(reasonMessage)].join(' '), action: '', checkUrls: [] };
  }
  // Recalled only elsewhere: no match has the row's status, so name them all.
  const ordered = leadingFirst(result);
  const same = ordered.filter((m) => m.status === result.status);
  const deciding = same.length > 0 ? same : ordered;
  const superseded = supersededIn(result);
  const checkUrls: string[] = [];
  for (const m of deciding) {
    const url = m.status === 'verify' && !superseded(m) ? whereToVerify(m.recall, m.product)?.url : undefined;
    if (url && !checkUrls.includes(url)) checkUrls.push(url);
  }
  return {
    status: result.status,
    recallIds: deciding.map((m) => m.recallId),
    // A finding read from a row with bytes that did not decode says so: the rest of it was not read.
    reason: result.reasons.map(reasonMessage).join(' ') + (r.error === undefined ? '' : ` Part of this row could not be read: ${r.error.message}.`),
    action: result.acknowledged ? `Acknowledged: ${result.acknowledged.reason}` : result.status === 'verify' ? verifyAction(result.reasons) : ACTION[result.status],
    checkUrls,
  };
}

const NO_RECALL = 'none on file; not a safety clearance';

/** The model as a report shows it: the model cell, or, in a file without one, the codes found in the columns searched. */
export function modelText(r: RowResult, model: number | undefined): string {
  if (model !== undefined) return r.cells[model] ?? '';
  if (r.kind !== 'checked') return '';
  return r.result.reasons.flatMap((x) => (x.code === 'model-in-column' ? [x.read] : x.code === 'possible-sku' ? [x.sku] : [])).join(' ');
}

/** A no-recall row that still needs a look: its model is close to a recalled one, so a typo may hide a recalled unit. */
export function hasHint(r: RowResult): boolean {
  return r.kind === 'checked' && r.result.status === 'no-recall' && r.result.reasons.some((x) => x.code === 'similar-models');
}

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
