/**
 * One check's report as data: the unit, the verdict, notes on how the input was read, where to
 * settle a "verify", and a section for each recall that covers the unit. text.ts prints it for the
 * terminal; the web page (src/site) renders the same object, so both say the same things in the
 * same order.
 */
import { changeMessage, reasonMessage, STATUS_HEADLINE, WARNING_HEADLINE } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { CheckResult, NormalisedField, ReasonCode, Status } from '../core/result.js';
import { formatAnnounced, stripControl } from './format.js';
import { recallSection } from './recall-page.js';
import type { Field, Part, RecallSection } from './report-model.js';
import { collapsedIn, leadingFirst, supersededIn } from './match-order.js';

const GLOBAL_REASONS = new Set<ReasonCode>(['model-non-ascii', 'model-extra-text', 'model-matched-sku', 'model-not-in-data', 'similar-models', 'recalled-elsewhere']);

/** A heading with one line per recall under it. */
export interface RecallList {
  readonly heading: string;
  readonly lines: readonly string[];
}

export interface CheckReport {
  /** The unit: model, serial, country of sale. */
  readonly title: string;
  readonly status: Status;
  readonly headline: string;
  readonly acknowledged: string | undefined;
  /** Input (how it was read), notes about the input as a whole, and where to check a "verify". */
  readonly fields: readonly Field[];
  readonly recalls: readonly RecallSection[];
  /** Worldwide notices of a recall shown above, for which the country's definition applies. */
  readonly collapsed: RecallList | undefined;
  /** Recalls of this model that do not cover this unit. */
  readonly excluded: RecallList | undefined;
}

export function checkReport(result: CheckResult): CheckReport {
  const fields: Field[] = [];
  const field = (label: string, ...parts: Part[]) => fields.push({ kind: 'field', label, parts });

  const serial = result.serial?.value ? `serial ${result.serial.value}` : result.matches.length > 0 ? 'no serial' : undefined;
  const title = [result.model.value, serial, result.country ? `sold in ${result.country}` : undefined]
    .filter(Boolean)
    .join(' · ');
  const deciding = result.matches.filter((m) => m.status === result.status);
  const onlyWarnings = deciding.length > 0 && deciding.every((m) => m.recall.kind === 'warning');
  const headline = onlyWarnings && result.status === 'affected' ? WARNING_HEADLINE : STATUS_HEADLINE[result.status];
  const acknowledged = result.acknowledged
    ? `Acknowledged in your configuration: ${stripControl(result.acknowledged.reason)}${result.acknowledged.expires ? ` (until ${result.acknowledged.expires})` : ''}. It does not fail the run.`
    : undefined;

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
    const parts: Part[] = !at
      ? [`${m.recallId}: no online checker is on file; ${m.recall.contacts.length > 0 ? 'contact the manufacturer (see Contacts)' : 'no contact is on file either: see the Sources'}`]
      : [{ url: at.url }, ...(at.kind === 'official-notice' ? [' (official notice; no online checker is on file)'] : [])];
    const key = JSON.stringify(parts);
    if (!checkAt.has(key)) field('Check at', ...parts);
    checkAt.add(key);
  }

  const collapsed = collapsedIn(result, matches.filter((m) => m.status !== 'not-affected'));
  const shown = matches.filter((m) => m.status !== 'not-affected' && !collapsed.has(m));
  const excluded = matches.filter((m) => m.status === 'not-affected');
  // Recalls of this model that the report does not show in full: those for other countries.
  const alsoIn = result.matches.filter((o) => o.reasons.some((r) => r.code === 'outside-jurisdiction')).map((o) => o.recall);
  return {
    title: stripControl(title),
    status: result.status,
    headline,
    acknowledged,
    fields,
    recalls: shown.map((m) => recallSection(m.recall, [m.product], { status: m.status, reasons: m.reasons, alsoIn })),
    collapsed: collapsed.size > 0
      ? {
          heading: `Also a worldwide notice of a recall above (for units sold in ${result.country}, that recall's definition for ${result.country} applies)`,
          lines: [...collapsed].map((m) => `${m.recallId} (${formatAnnounced(m.recall.announced)}): ${m.status}. See recall-check show ${m.recallId}.`),
        }
      : undefined,
    excluded: excluded.length > 0
      ? {
          heading: shown.length > 0 ? 'Recalls of this model that do not apply to this unit' : 'Recalls of this model',
          lines: excluded.map((m) => `${m.recallId} (${m.recall.jurisdictions.value.join(', ')}, ${formatAnnounced(m.recall.announced)}): ${m.reasons.map(reasonMessage).join(' ')}`),
        }
      : undefined,
  };
}

function describeInput(name: string, f: NormalisedField): string | undefined {
  if (f.changes.length === 0) return undefined;
  if (f.value === '') return `${name} "${stripControl(f.input)}": ${f.changes.map(changeMessage).join(', ')}`;
  return `${name} "${stripControl(f.input)}" read as ${stripControl(f.value)} (${f.changes.map(changeMessage).join(', ')})`;
}
