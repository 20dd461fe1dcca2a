/**
 * The human-readable report of single checks: the verdict first, then, for each recall that covers
 * the unit, what it is, what to do now, how to dispose of it, whom to contact, and the sources.
 */
import { changeMessage, reasonMessage, STATUS_HEADLINE, WARNING_HEADLINE } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { CheckResult, NormalisedField, ReasonCode } from '../core/result.js';
import { formatAnnounced, stripControl, wrap } from './format.js';
import { LABEL, type RecallPageOptions, renderRecall } from './recall-page.js';
import { statusStyle } from './status-style.js';
import { collapsedIn, leadingFirst, supersededIn } from './match-order.js';

export type TextOptions = RecallPageOptions;

const GLOBAL_REASONS = new Set<ReasonCode>(['model-non-ascii', 'model-extra-text', 'model-matched-sku', 'model-not-in-data', 'similar-models', 'recalled-elsewhere']);

export function renderText(results: readonly CheckResult[], opts: TextOptions): string {
  return results.map((r) => renderOne(r, opts)).join('\n\n') + '\n';
}

function renderOne(result: CheckResult, opts: TextOptions): string {
  const { style, width } = opts;
  const out: string[] = [];
  const field = (label: string, text: string) => out.push(wrap(text, width, ' '.repeat(LABEL), style.dim(label.padEnd(LABEL))));

  const serial = result.serial?.value ? `serial ${result.serial.value}` : result.matches.length > 0 ? 'no serial' : undefined;
  const title = [result.model.value, serial, result.country ? `sold in ${result.country}` : undefined]
    .filter(Boolean)
    .join(' · ');
  out.push(style.bold(stripControl(title)));
  const deciding = result.matches.filter((m) => m.status === result.status);
  const onlyWarnings = deciding.length > 0 && deciding.every((m) => m.recall.kind === 'warning');
  out.push(statusStyle(result.status, style)(onlyWarnings && result.status === 'affected' ? WARNING_HEADLINE : STATUS_HEADLINE[result.status]));
  if (result.acknowledged) {
    out.push(`Acknowledged in your configuration: ${stripControl(result.acknowledged.reason)}${result.acknowledged.expires ? ` (until ${result.acknowledged.expires})` : ''}. It does not fail the run.`);
  }
  out.push('');

  const inputNote = [describeInput('model', result.model), result.serial ? describeInput('serial', result.serial) : undefined].filter(Boolean);
  if (inputNote.length > 0) field('Input', inputNote.join('; '));
  // Per-recall reasons are shown with each recall; here only what concerns the input as a whole.
  const overall = result.matches.length === 0 ? result.reasons : result.reasons.filter((r) => GLOBAL_REASONS.has(r.code));
  for (const reason of overall) field('Note', reasonMessage(reason));

  const matches = leadingFirst(result);
  const checkAt = new Set<string>();
  const superseded = supersededIn(result);
  for (const m of matches.filter((x) => x.status === 'verify' && !superseded(x))) {
    const at = whereToVerify(m.recall, m.product);
    const text = !at
      ? `${m.recallId}: no online checker is on file; ${m.recall.contacts.length > 0 ? 'contact the manufacturer (see Contacts)' : 'no contact is on file either: see the Sources'}`
      : `${style.cyan(at.url)}${at.kind === 'official-notice' ? ' (official notice; no online checker is on file)' : ''}`;
    if (!checkAt.has(text)) field('Check at', text);
    checkAt.add(text);
  }

  const collapsed = collapsedIn(result, matches.filter((m) => m.status !== 'not-affected'));
  const shown = matches.filter((m) => m.status !== 'not-affected' && !collapsed.has(m));
  const excluded = matches.filter((m) => m.status === 'not-affected');
  for (const m of shown) {
    // Recalls of this model that the report does not show in full: those for other countries.
    const alsoIn = result.matches.filter((o) => o.reasons.some((r) => r.code === 'outside-jurisdiction')).map((o) => o.recall);
    out.push('', renderRecall(m.recall, [m.product], opts, { status: m.status, reasons: m.reasons, alsoIn }));
  }
  if (collapsed.size > 0) {
    out.push('', style.bold(`Also a worldwide notice of a recall above (for units sold in ${result.country}, that recall's definition for ${result.country} applies)`));
    for (const m of collapsed) field('', `${m.recallId} (${formatAnnounced(m.recall.announced)}): ${m.status}. See recall-check show ${m.recallId}.`);
  }
  if (excluded.length > 0) {
    out.push('', style.bold(shown.length > 0 ? 'Recalls of this model that do not apply to this unit' : 'Recalls of this model'));
    for (const m of excluded) {
      const j = m.recall.jurisdictions.value.join(', ');
      field('', `${m.recallId} (${j}, ${formatAnnounced(m.recall.announced)}): ${m.reasons.map(reasonMessage).join(' ')}`);
    }
  }
  return out.join('\n');
}

function describeInput(name: string, f: NormalisedField): string | undefined {
  if (f.changes.length === 0) return undefined;
  if (f.value === '') return `${name} "${stripControl(f.input)}": ${f.changes.map(changeMessage).join(', ')}`;
  return `${name} "${stripControl(f.input)}" read as ${stripControl(f.value)} (${f.changes.map(changeMessage).join(', ')})`;
}
