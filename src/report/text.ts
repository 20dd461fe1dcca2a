/**
 * The human-readable report of single checks: the verdict first, then, for each recall that covers
 * the unit, what it is, what to do now, how to dispose of it, whom to contact, and the sources.
 */
import { changeMessage, reasonMessage, REMEDY_LABEL, STATUS_HEADLINE } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { CheckResult, NormalisedField, ReasonCode, RecallMatch, Status } from '../core/result.js';
import type { Fact, RecallDefinition } from '../data/schema.js';
import { formatCount, formatDate, formatWindow, stripControl, wrap } from './format.js';
import type { Style } from './style.js';

export interface TextOptions {
  style: Style;
  /** Wrap width in columns. */
  width: number;
}

const LABEL = 12;

const GLOBAL_REASONS = new Set<ReasonCode>(['model-non-ascii', 'model-matched-sku', 'model-not-in-data', 'similar-models']);

export function renderText(results: readonly CheckResult[], opts: TextOptions): string {
  return results.map((r) => renderOne(r, opts)).join('\n\n') + '\n';
}

function statusColour(status: Status, style: Style): (s: string) => string {
  switch (status) {
    case 'affected':
      return (s) => style.bold(style.red(s));
    case 'verify':
      return (s) => style.bold(style.yellow(s));
    case 'not-affected':
      return (s) => style.bold(style.green(s));
    case 'no-recall':
      return (s) => style.bold(s);
  }
}

function renderOne(result: CheckResult, opts: TextOptions): string {
  const { style, width } = opts;
  const out: string[] = [];
  const field = (label: string, text: string) => out.push(wrap(text, width, ' '.repeat(LABEL), style.dim(label.padEnd(LABEL))));

  const serial = result.serial ? `serial ${result.serial.value || '(empty)'}` : result.matches.length > 0 ? 'no serial' : undefined;
  const title = [result.model.value, serial, result.country ? `sold in ${result.country}` : undefined]
    .filter(Boolean)
    .join(' · ');
  out.push(style.bold(stripControl(title)));
  out.push(statusColour(result.status, style)(STATUS_HEADLINE[result.status]));
  out.push('');

  const inputNote = [describeInput('model', result.model), result.serial ? describeInput('serial', result.serial) : undefined].filter(Boolean);
  if (inputNote.length > 0) field('Input', inputNote.join('; '));
  // Per-recall reasons are shown with each recall; here only what concerns the input as a whole.
  const overall = result.matches.length === 0 ? result.reasons : result.reasons.filter((r) => GLOBAL_REASONS.has(r.code));
  for (const reason of overall) field('Note', reasonMessage(reason));

  const verifyAt = new Map(result.matches.filter((m) => m.status === 'verify').flatMap((m) => {
    const at = whereToVerify(m.recall);
    return at ? [[at.url, at] as const] : [];
  }));
  for (const at of verifyAt.values()) field('Check at', `${style.cyan(at.url)}${at.kind === 'official-notice' ? ' (official notice; no online checker is on file)' : ''}`);

  const shown = result.matches.filter((m) => m.status !== 'not-affected');
  const excluded = result.matches.filter((m) => m.status === 'not-affected');
  for (const m of shown) out.push('', renderMatch(m, opts));
  if (excluded.length > 0) {
    out.push('', style.bold(shown.length > 0 ? 'Recalls of this model that do not apply to this unit' : 'Recalls of this model'));
    for (const m of excluded) {
      const j = m.recall.jurisdictions.value.join(', ');
      field('', `${m.recallId} (${j}, ${formatDate(m.recall.announced.value)}): ${m.reasons.map(reasonMessage).join(' ')}`);
    }
  }
  return out.join('\n');
}

function describeInput(name: string, f: NormalisedField): string | undefined {
  if (f.changes.length === 0) return undefined;
  return `${name} "${stripControl(f.input)}" read as ${f.value} (${f.changes.map(changeMessage).join(', ')})`;
}

function renderMatch(m: RecallMatch, opts: TextOptions): string {
  const { style, width } = opts;
  const r = m.recall;
  const p = m.product;
  const out: string[] = [];
  const field = (label: string, text: string) => out.push(wrap(text, width, ' '.repeat(LABEL), style.dim(label.padEnd(LABEL))));
  const step = (n: number | string, text: string, indent = 2) => {
    const head = `${' '.repeat(indent)}${n} `;
    out.push(wrap(text, width, ' '.repeat(head.length), head));
  };

  out.push(style.bold(`── ${p.name.value} (${p.model}) · ${r.id} `.padEnd(Math.min(width, 72), '─')));
  field('Verdict', `${statusColour(m.status, style)(m.status)}: ${m.reasons.map(reasonMessage).join(' ')}`);
  field('Recall', `${r.title.value}${mark(r.title)}`);
  field('Where sold', `${r.jurisdictions.value.join(', ')}${mark(r.jurisdictions)}${r.jurisdictions.note ? ` (${r.jurisdictions.note})` : ''}`);
  field('Announced', `${formatDate(r.announced.value)} by ${r.authority.value}${r.recallNumber ? `, recall number ${r.recallNumber.value}${mark(r.recallNumber)}` : ''}`);
  const units = p.units ?? r.units;
  const made = p.manufactured ?? r.manufactured;
  const sold = p.sold ?? r.sold;
  const scale = [
    units ? `about ${formatCount(units.value)} units${mark(units)}` : undefined,
    made ? `made ${formatWindow(made.value)}${mark(made)}` : undefined,
    sold ? `sold ${formatWindow(sold.value)}${mark(sold)}${sold.note ? ` (${sold.note})` : ''}` : undefined,
  ].filter(Boolean);
  if (scale.length > 0) field('Scope', scale.join('; '));
  if (p.colours) field('Colours', `${p.colours.value.join(', ')}${p.excludedColours ? `; not ${p.excludedColours.value.join(', ')}` : ''}`);
  else if (p.excludedColours) field('Colours', `all but ${p.excludedColours.value.join(', ')}`);
  if (p.identify) field('Identify', p.identify.value);
  field('Hazard', r.hazard.value);
  if (r.incidents) field('Incidents', r.incidents.value);

  out.push(style.bold('What to do now'));
  let n = 1;
  step(`${n++}.`, 'Stop using it. Do not charge it; keep it away from anything that can burn.');
  const at = m.status === 'verify' ? whereToVerify(r) : undefined;
  if (at) {
    step(`${n++}.`, at.kind === 'checker'
      ? `Check the serial number with the manufacturer: ${at.url}`
      : `Check the serial number with the manufacturer; no online checker is on file, see the official notice: ${at.url}`);
  }
  const remedies = r.remedies.map((f) => `${REMEDY_LABEL[f.value.kind]}: ${f.value.description}${mark(f)}`);
  step(`${n++}.`, remedies.length > 1 ? 'Claim one of these remedies:' : `Claim the remedy. ${remedies[0] ?? ''}`);
  if (remedies.length > 1) for (const text of remedies) step('•', text, 5);
  if (r.proof) {
    step(`${n++}.`, `What the claim needs${mark(r.proof)}:`);
    for (const item of r.proof.value) step('•', item, 5);
  }

  const d = r.disposal.value;
  out.push(style.bold('How to dispose of it'));
  d.steps.forEach((s, i) => step(`${i + 1}.`, s));
  out.push(wrap(d.never.length > 0
    ? `Never put it in ${d.never.join(', ')}.`
    : 'General lithium-battery safety (the notice lists no places): never put it in the trash, household recycling or a shop\'s battery drop-off bin.', width, '  ', '  '));

  if (r.contacts.length > 0) field('Contacts', r.contacts.map((c) => `${c.value.value}${c.value.hours ? ` (${c.value.hours})` : ''}`).join(' · '));
  out.push(style.bold('Sources') + style.dim('  (* marks a medium-confidence fact: one or two secondary sources)'));
  for (const ref of sortedReferences(r)) step('-', `${ref.publisher}${ref.official ? ' (official)' : ''}: ${style.cyan(ref.url)}`);
  return out.join('\n');
}

/** Marks a medium-confidence fact, so a reader knows which ones rest on fewer sources. */
function mark(f: Fact<unknown>): string {
  return f.confidence === 'medium' ? '*' : '';
}

function sortedReferences(r: RecallDefinition) {
  return [...r.references].sort((a, b) => Number(b.official) - Number(a.official));
}
