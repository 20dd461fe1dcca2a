/**
 * What a recall tells a holder to do, worded once: the text report, `show`, the Markdown summary
 * and the HTML page all format this, so none of them can drop a step the others give.
 */
import { REMEDY_LABEL } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { Battery, Fact, Product, RecallDefinition } from '../data/schema.js';

export interface Guidance {
  stop: string;
  /** Colours the sources name as not recalled, so that a holder of one learns it before claiming. */
  colours: string[];
  /** How to settle a "verify", when the unit's status needs it. */
  verify: string | undefined;
  /** Empty when there is no remedy to claim: then `noRemedy` says why. */
  remedies: string[];
  /** Set when there are no remedies to claim: a warning has none, and some recalls' sources do not say. */
  noRemedy: string | undefined;
  proof: string[];
  disposal: string[];
  /** Where it must never go; undefined when neither the notice nor the product's kind says. */
  never: string | undefined;
  contacts: string[];
}

/** Marks a medium-confidence fact, so a reader knows which ones rest on fewer sources. */
export function mark(f: Fact<unknown>): string {
  return f.confidence === 'medium' ? '*' : '';
}

/** a, b or c */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The advice that depends on what the products hold; "unknown" when they differ or do not say. */
function batteryOf(products: readonly Product[]): Battery | 'unknown' {
  const kinds = new Set(products.map((p) => p.battery?.value ?? 'unknown'));
  return kinds.size === 1 ? [...kinds][0]! : 'unknown';
}

const STOP: Record<Battery | 'unknown', string> = {
  'lithium-ion': 'Stop using it. Do not charge it; keep it away from anything that can burn.',
  none: 'Stop using it.',
  unknown: 'Stop using it. If it holds a battery, do not charge it, and keep it away from anything that can burn.',
};

const NO_PLACES: Record<Battery | 'unknown', string | undefined> = {
  'lithium-ion': "General lithium-battery safety (the notice lists no places): never put it in the trash, household recycling or a shop's battery drop-off bin.",
  // Battery rules would be noise for a product without one; the sources give no places either.
  none: undefined,
  unknown: "The notice lists no places. If it holds a lithium battery, never put it in the trash, household recycling or a shop's battery drop-off bin.",
};

/** What the holder gives the manufacturer to check: the field the products' scopes go by. */
function checkedField(products: readonly Product[]): string {
  const fields = new Set(products.map((p) => {
    const s = p.scope.value;
    return s.kind === 'batch-and-date' ? 'the batch code and manufacture date' : s.kind === 'marking-list' ? `the ${s.marking}` : 'the serial number';
  }));
  return orList([...fields]);
}

/** Said in place of a remedy when a definition has none. */
export function noRemedyText(r: RecallDefinition): string {
  return r.kind === 'warning'
    ? 'There is no recall remedy: the firm declined to recall it, so no refund, replacement or claim exists. Stop using it and dispose of it safely.'
    : 'The remedy is not on file: the sources for this recall do not say what it is. Ask the manufacturer (see Contacts).';
}

export const NO_DISPOSAL_STEPS = 'No disposal instructions are on file for this recall: ask the manufacturer before you dispose of it, since a claim may need the unit.';

/**
 * The guidance for a recall's page, for the given products of it (one, for a check's match; all,
 * for `show`). Where products have checkers of their own, each is named with its model.
 */
export function guidance(r: RecallDefinition, products: readonly Product[], verifyAsked: boolean): Guidance {
  // A warning that covers every unit has nothing to check with a firm that declined to recall it.
  const needsVerify = verifyAsked && !(r.kind === 'warning' && products.every((p) => p.scope.value.kind === 'all-units'));
  const d = r.disposal?.value;
  const battery = batteryOf(products);
  return {
    stop: STOP[battery],
    colours: products.flatMap((p) =>
      p.excludedColours
        ? [`${products.length > 1 ? `${p.model}: ` : ''}${orList(p.excludedColours.value)} units are not in this recall${p.colours ? ` (only ${orList(p.colours.value)})` : ''}.${mark(p.excludedColours)}`]
        : [],
    ),
    verify: needsVerify ? verifyStep(r, products) : undefined,
    remedies: (r.remedies ?? []).map((f) => `${REMEDY_LABEL[f.value.kind]}: ${f.value.description}${mark(f)}`),
    noRemedy: r.remedies ? undefined : noRemedyText(r),
    proof: r.proof ? r.proof.value.map((p) => `${p}${mark(r.proof!)}`) : [],
    disposal: !d
      ? [NO_DISPOSAL_STEPS]
      : [...(d.waitForConfirmation ? ['Keep the unit until the manufacturer confirms your claim: this recall requires it.'] : []), ...d.steps.map((s) => `${s}${mark(r.disposal!)}`)],
    never: d && d.never.length > 0 ? `Never put it in ${orList(d.never)}.` : NO_PLACES[battery],
    contacts: r.contacts.map((c) => `${c.value.value}${c.value.hours ? ` (${c.value.hours})` : ''}${mark(c)}`),
  };
}

function verifyStep(r: RecallDefinition, products: readonly Product[]): string {
  const places = products.map((p) => ({ model: p.model, at: whereToVerify(r, p) }));
  const distinct = new Set(places.map((p) => p.at?.url));
  if (distinct.size > 1) {
    return `Check ${checkedField(products)} with the manufacturer, on the page for your model: ${places
      .map(({ model, at }) => `${model}: ${at ? `${at.url}${at.kind === 'official-notice' ? ' (official notice; no online checker is on file)' : ''}` : 'no checker on file, use the contacts'}`)
      .join('; ')}`;
  }
  const at = places[0]?.at;
  const what = checkedField(products);
  return !at
    ? `Check ${what} with the manufacturer: no online checker is on file for this recall, so use the contacts or the sources.`
    : at.kind === 'checker'
      ? `Check ${what} with the manufacturer: ${at.url}`
      : `Check ${what} with the manufacturer; no online checker is on file, see the official notice: ${at.url}`;
}
