/**
 * What a recall tells a holder to do, worded once: the text report, `show`, the Markdown summary
 * and the HTML page all format this, so none of them can drop a step the others give.
 */
import { REMEDY_LABEL } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { Fact, RecallDefinition } from '../data/schema.js';

export interface Guidance {
  stop: string;
  /** How to settle a "verify", when the unit's status needs it. */
  verify: string | undefined;
  remedies: string[];
  /** Set when there are no remedies to claim: a warning has none, and some recalls' sources do not say. */
  noRemedy: string | undefined;
  proof: string[];
  disposal: string[];
  never: string;
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

/** What the holder gives the manufacturer to check: the field the recall's scopes go by. */
function checkedField(r: RecallDefinition): string {
  const fields = new Set(r.products.map((p) => {
    const s = p.scope.value;
    return s.kind === 'batch-and-date' ? 'the batch code and manufacture date' : s.kind === 'marking-list' ? `the ${s.marking}` : 'the serial number';
  }));
  return orList([...fields]);
}

/** Said in place of a remedy when a definition has none. */
export function noRemedyText(r: RecallDefinition): string {
  return r.kind === 'warning'
    ? 'There is no recall remedy: the firm declined to recall it, so no refund, replacement or claim exists. Stop using it and dispose of it safely.'
    : 'The remedy is not in our sources: see the official notice or contact the firm.';
}

export const NO_DISPOSAL_STEPS = 'Our sources give no disposal steps for this recall: ask the firm, or your local household hazardous-waste centre, before you dispose of it.';

export function guidance(r: RecallDefinition, verifyAsked: boolean): Guidance {
  // A warning that covers every unit has nothing to check with a firm that declined to recall it.
  const needsVerify = verifyAsked && !(r.kind === 'warning' && r.products.every((p) => p.scope.value.kind === 'all-units'));
  const at = needsVerify ? whereToVerify(r) : undefined;
  const what = checkedField(r);
  const d = r.disposal?.value ?? { steps: [], never: [], waitForConfirmation: false };
  return {
    stop: 'Stop using it. Do not charge it; keep it away from anything that can burn.',
    verify: !needsVerify
      ? undefined
      : !at
        ? `Check ${what} with the manufacturer: no online checker is on file for this recall, so use the contacts or the sources.`
        : at.kind === 'checker'
          ? `Check ${what} with the manufacturer: ${at.url}`
          : `Check ${what} with the manufacturer; no online checker is on file, see the official notice: ${at.url}`,
    remedies: (r.remedies ?? []).map((f) => `${REMEDY_LABEL[f.value.kind]}: ${f.value.description}${mark(f)}`),
    noRemedy: r.remedies ? undefined : noRemedyText(r),
    proof: r.proof ? r.proof.value.map((p) => `${p}${mark(r.proof!)}`) : [],
    disposal: [...(d.waitForConfirmation ? ['Keep the unit until the manufacturer confirms your claim: this recall requires it.'] : []), ...(r.disposal ? d.steps.map((s) => `${s}${mark(r.disposal!)}`) : [NO_DISPOSAL_STEPS])],
    never: d.never.length > 0
      ? `Never put it in ${orList(d.never)}.`
      : "General lithium-battery safety (the notice lists no places): never put it in the trash, household recycling or a shop's battery drop-off bin.",
    contacts: r.contacts.map((c) => `${c.value.value}${c.value.hours ? ` (${c.value.hours})` : ''}${mark(c)}`),
  };
}
