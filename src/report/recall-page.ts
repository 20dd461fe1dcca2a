/**
 * One recall as a readable page: what it is, the hazard, what to do now, how to dispose of the
 * unit, contacts and sources. The check report shows it for each recall that covers a unit;
 * `show` shows it for a recall or a model. recallSection gives it as data, which the web page renders too.
 */
import { reasonMessage } from '../core/messages.js';
import type { Reason, Status } from '../core/result.js';
import type { Product, RecallDefinition } from '../data/schema.js';
import { formatAnnounced, formatCount, formatWindow, wrap } from './format.js';
import { guidance, mark } from './guidance.js';
import type { Style } from './style.js';
import { padToWidth } from './visible-width.js';
import { statusStyle } from './status-style.js';
import { DISPOSAL_HEADING, type Field, MEDIUM_CONFIDENCE_NOTE, type Part, type ProductHeading, type RecallSection, SOURCES_HEADING, type Step, TODO_HEADING } from './report-model.js';

export interface RecallPageOptions {
  style: Style;
  /** Wrap width in columns. */
  width: number;
}

export interface Verdict {
  status: Exclude<Status, 'no-recall'>;
  reasons: readonly Reason[];
  /** Other recalls of the same model: "also recalled in". */
  alsoIn: RecallDefinition[];
}

export const LABEL = 12;

const RELATION = {
  expands: 'the earlier recall this one adds to',
  'expanded-by': 'a later recall that adds to this one',
  'other-jurisdiction': 'the recall of the same product in another country, with its own scope',
} as const;


/** One recall as sections of data (see report-model.ts): what both the terminal and the web page show. */
export function recallSection(r: RecallDefinition, products: readonly Product[], verdict?: Verdict, alsoIn: readonly RecallDefinition[] = verdict?.alsoIn ?? []): RecallSection {
  const facts: (Field | ProductHeading)[] = [];
  const field = (label: string, ...parts: Part[]) => facts.push({ kind: 'field', label, parts });
  const heading = products.length === 1 ? `${products[0]!.name.value} (${products[0]!.model}) · ${r.id}` : `${r.id}: ${r.brand}, ${products.length} products`;
  if (verdict) field('Verdict', { status: verdict.status }, `: ${verdict.reasons.map(reasonMessage).join(' ')}`);
  field(r.kind === 'warning' ? 'Warning' : 'Recall', `${r.title.value}${mark(r.title)}`);
  if (r.kind === 'warning') field('', 'A safety warning, not a recall: the firm declined to recall it, and no refund, replacement or claim exists.');
  field('Where sold', `${r.jurisdictions.value.join(', ')}${mark(r.jurisdictions)}${r.jurisdictions.note ? ` (${r.jurisdictions.note})` : ''}`);
  field('Announced', `${r.announced ? `${formatAnnounced(r.announced)}${mark(r.announced)} by` : 'by'} ${r.authority.value}${mark(r.authority)}${r.announced ? '' : ' (the date is not in our sources)'}${r.recallNumber ? `, recall number ${r.recallNumber.value}${mark(r.recallNumber)}` : ''}`);
  for (const link of r.related ?? []) field('Related', `${link.id}: ${RELATION[link.relation]}`);
  if (alsoIn.length > 0) {
    field('Also', `recalled in ${alsoIn.map((o) => `${o.jurisdictions.value.join(', ')} (${formatAnnounced(o.announced)}, ${o.id})`).join('; ')}`);
  }
  const scale = [
    r.units ? `about ${formatCount(r.units.value)} units${mark(r.units)}` : undefined,
    r.manufactured ? `made ${formatWindow(r.manufactured.value)}${mark(r.manufactured)}` : undefined,
    r.sold ? `sold ${formatWindow(r.sold.value)}${mark(r.sold)}${r.sold.note ? ` (${r.sold.note})` : ''}` : undefined,
  ].filter(Boolean);
  if (scale.length > 0) field('Scope', scale.join('; '));
  for (const p of products) {
    const indented = products.length > 1;
    const pfield = (label: string, text: string) => facts.push({ kind: 'field', label, parts: [text], indented });
    if (products.length > 1) facts.push({ kind: 'product', text: `${p.model}: ${p.name.value}${mark(p.name)}` });
    const pscale = [
      p.units ? `about ${formatCount(p.units.value)} units${mark(p.units)}` : undefined,
      p.manufactured ? `made ${formatWindow(p.manufactured.value)}${mark(p.manufactured)}` : undefined,
      p.sold ? `sold ${formatWindow(p.sold.value)}${mark(p.sold)}${p.sold.note ? ` (${p.sold.note})` : ''}` : undefined,
    ].filter(Boolean);
    if (pscale.length > 0) pfield(products.length > 1 ? 'Scope' : 'This model', pscale.join('; '));
    if (p.skus) pfield('SKUs', `${p.skus.value.join(', ')}${mark(p.skus)}`);
    if (p.aliases) pfield('Listed as', `${p.aliases.value.join(', ')}${mark(p.aliases)} (not printed on units; read as ${p.model})${p.aliases.note ? ` (${p.aliases.note})` : ''}`);
    if (p.colours) pfield('Colours', `${p.colours.value.join(', ')}${mark(p.colours)}${p.excludedColours ? `; not ${p.excludedColours.value.join(', ')}` : ''}`);
    else if (p.excludedColours) pfield('Colours', `all but ${p.excludedColours.value.join(', ')}${mark(p.excludedColours)}`);
    if (p.identify) pfield('Identify', `${p.identify.value}${mark(p.identify)}`);
    pfield('Which units', `${r.kind === 'warning' && p.scope.value.kind === 'all-units' ? 'every unit of this model is covered by the warning' : scopeText(p)}${mark(p.scope)}${p.scope.note ? ` (${p.scope.note})` : ''}`);
  }
  field('Hazard', `${r.hazard.value}${mark(r.hazard)}`);
  if (r.incidents) field('Incidents', `${r.incidents.value}${mark(r.incidents)}`);

  // Without a verdict (show), a serial check is asked for only where some product's scope needs one.
  const g = guidance(r, products, verdict ? verdict.status === 'verify' : products.some((p) => p.scope.value.kind !== 'all-units'));
  const todo: Step[] = [];
  let n = 1;
  todo.push({ marker: `${n++}.`, text: g.stop });
  for (const text of g.colours) todo.push({ marker: `${n++}.`, text: `Check the colour: ${text}` });
  if (g.verify) todo.push({ marker: `${n++}.`, text: g.verify });
  if (g.noRemedy) todo.push({ marker: `${n++}.`, text: g.noRemedy });
  else todo.push({ marker: `${n++}.`, text: g.remedies.length > 1 ? 'Claim one of these remedies:' : `Claim the remedy. ${g.remedies[0] ?? ''}` });
  if (g.remedies.length > 1) for (const text of g.remedies) todo.push({ marker: '•', text, sub: true });
  if (g.proof.length > 0) {
    todo.push({ marker: `${n++}.`, text: 'What the claim needs:' });
    for (const item of g.proof) todo.push({ marker: '•', text: item, sub: true });
  }
  return {
    id: r.id,
    heading,
    facts,
    todo,
    disposal: g.disposal.map((text, i) => ({ marker: `${i + 1}.`, text })),
    never: g.never,
    contacts: g.contacts.length > 0 ? { kind: 'field', label: 'Contacts', parts: [g.contacts.join(' · ')] } : undefined,
    sources: [...r.references].sort((a, b) => Number(b.official) - Number(a.official)).map((ref) => ({ publisher: ref.publisher, official: ref.official, title: ref.title, url: ref.url })),
  };
}

/** Parts as terminal text: links in cyan, a status in its colour. */
export function styled(parts: readonly Part[], style: Style): string {
  return parts.map((p) => (typeof p === 'string' ? p : 'url' in p ? style.cyan(p.url) : statusStyle(p.status, style)(p.status))).join('');
}

export function renderRecall(r: RecallDefinition, products: readonly Product[], opts: RecallPageOptions, verdict?: Verdict, alsoIn: readonly RecallDefinition[] = verdict?.alsoIn ?? []): string {
  return renderSection(recallSection(r, products, verdict, alsoIn), opts);
}

/** A recall section laid out for a terminal. */
export function renderSection(s: RecallSection, opts: RecallPageOptions): string {
  const { style, width } = opts;
  const out: string[] = [];
  const field = (f: Field) => {
    const indent = f.indented ? '  ' : '';
    out.push(wrap(styled(f.parts, style), width, ' '.repeat(indent.length + LABEL), indent + style.dim(f.label.padEnd(LABEL))));
  };
  const step = (st: Step) => {
    const head = `${' '.repeat(st.sub ? 5 : 2)}${st.marker} `;
    out.push(wrap(st.text, width, ' '.repeat(head.length), head));
  };

  out.push(style.bold(padToWidth(`── ${s.heading} `, Math.min(width, 72), '─')));
  for (const f of s.facts) {
    if (f.kind === 'product') out.push(style.bold(`  ${f.text}`));
    else field(f);
  }
  out.push(style.bold(TODO_HEADING));
  s.todo.forEach(step);
  out.push(style.bold(DISPOSAL_HEADING));
  s.disposal.forEach(step);
  if (s.never) out.push(wrap(s.never, width, '  ', '  '));
  if (s.contacts) field(s.contacts);
  out.push(style.bold(SOURCES_HEADING) + style.dim(`  ${MEDIUM_CONFIDENCE_NOTE}`));
  for (const ref of s.sources) {
    step({ marker: '-', text: `${ref.publisher}${ref.official ? ' (official)' : ''}, "${ref.title}": ${style.cyan(ref.url)}` });
  }
  return out.join('\n');
}

const at = (where: string | undefined) => (where ? ` (printed ${where})` : '');

function scopeText(p: Product): string {
  const s = p.scope.value;
  switch (s.kind) {
    case 'all-units':
      return 'every unit of this model is recalled';
    case 'serial-ranges':
      return `serials ${s.ranges.map((r) => `${r.first} to ${r.last}`).join(', ')} (inclusive)`;
    case 'unpublished':
      return 'only some serial numbers; the manufacturer has not published which';
    case 'serial-prefix':
      return `serials starting with ${s.prefix}${s.length === undefined ? '' : `, ${s.length} characters long`}${at(s.where)}`;
    case 'serial-list':
      return `only these serials${at(s.where)}: ${s.serials.join(', ')}`;
    case 'marking-list': {
      const unmarked = s.unmarked === 'recalled' ? `; units with no ${s.marking} too` : s.unmarked === 'not-recalled' ? `; not units with no ${s.marking}` : '';
      return s.values.length > 0 ? `units whose ${s.marking}${at(s.where)} is ${s.values.join(', ')}${unmarked}` : `units by their ${s.marking}${at(s.where)}${unmarked}${s.otherValues === 'not-recalled' ? `; not units that have one` : ''}`;
    }
    case 'serial-last-character':
      return `serials${at(s.where)} ending in ${s.recalled.join(', ')}${s.othersExcluded ? '; no others' : ''}`;
    case 'batch-and-date':
      return `production batches ${s.batches.join(', ')}, made ${s.made.map(formatWindow).join(' or ')}${at(s.where)}`;
  }
}

