/**
 * The unit-scope kinds beyond published ranges: a serial prefix and length, a list of serials, a
 * marking list, the serial's last character, and batch codes with manufacture dates. Each decides
 * from what the holder reads off the unit; what the holder has not read, or cannot read, is asked
 * for by name and gives `verify`, never a clearance.
 *
 * Also the notes a match carries whatever its scope: that the model was typed as a listing alias,
 * that some colours are not in the recall, that the notice is a warning with no remedy.
 */
import { fold } from './misread-codes.js';
import type { Product } from '../data/schema.js';
import type { CatalogEntry } from './catalog.js';
import { applyRules, exclusionsTrusted, suspicionReasons } from './serial-rules.js';
import type { Normalised } from './normalise.js';
import type { Reason, RecallMatch } from './result.js';

export interface ScopeOutcome {
  status: RecallMatch['status'];
  reasons: readonly Reason[];
}

/**
 * What a holder types for a marking scope to say "I looked: the unit has no such marking". A
 * marking is a code like PO-PP001, so the word cannot be one.
 */
export const NO_MARKING = 'NONE';

const verify = (reasons: readonly Reason[]): ScopeOutcome => ({ status: 'verify', reasons });

/**
 * The outcome for a product whose scope is one of the kinds here, or undefined for the kinds the
 * matcher decides itself (all units, ranges, unpublished).
 */
export function scopeOutcome(product: Product, serial: Normalised | undefined): ScopeOutcome | undefined {
  const s = product.scope.value;
  if (s.kind === 'all-units' || s.kind === 'serial-ranges' || s.kind === 'unpublished') return undefined;
  const given = serial && serial.value !== '' ? serial : undefined;

  // A manufacture date is not in the serial: whatever was typed, only the unit's own batch and
  // date markings, or the manufacturer, can settle it.
  if (s.kind === 'batch-and-date') return verify([{ code: 'batch-and-date-unreadable', batches: s.batches, made: s.made, serialGiven: given !== undefined }]);

  if (s.kind === 'marking-list') {
    // "none" typed for the marking says the unit has none (serial normalisation reads it as no
    // value); an empty cell, "N/A" or "-" only says nobody looked.
    const none = serial?.changes.some((c) => c.code === 'read-as-missing' && c.detail?.toUpperCase() === NO_MARKING) ?? false;
    if (none || given?.value === NO_MARKING) {
      const reason: Reason = { code: 'marking-absent', marking: s.marking, unmarked: s.unmarked };
      return { status: s.unmarked === 'recalled' ? 'affected' : s.unmarked === 'not-recalled' ? 'not-affected' : 'verify', reasons: [reason] };
    }
    if (!given) return verify([readLabel(s.marking, s.where, s.unmarked)]);
    if (given.suspicions.length > 0) return verify(suspicionReasons(given));
    if (s.values.includes(given.value)) return { status: 'affected', reasons: [{ code: 'marking-listed', marking: s.marking, value: given.value }] };
    // With no values listed, any marking at all excludes; with values, a joined or cut value must not.
    const excludes = s.otherValues === 'not-recalled' && (s.values.length === 0 || exclusionsTrusted(given));
    return { status: excludes ? 'not-affected' : 'verify', reasons: [{ code: 'marking-not-listed', marking: s.marking, value: given.value, excludes }] };
  }

  if (!given) return verify([readLabel('serial number', s.where)]);
  if (given.suspicions.length > 0) return verify(suspicionReasons(given));
  const trusted = exclusionsTrusted(given);
  const rules = applyRules(product.serialRules, given.value, trusted);
  if (rules.verify.length > 0) return verify(rules.verify);
  if (rules.excluded.length > 0) return { status: 'not-affected', reasons: rules.excluded };
  const value = given.value;

  switch (s.kind) {
    case 'serial-prefix': {
      const minimum = s.length ?? s.prefix.length;
      if (value.length < minimum) return verify([{ code: 'serial-too-short', expected: minimum, actual: value.length }]);
      // Too long is never a clearance: two serials joined, or a note after one (see match.ts).
      if (s.length !== undefined && value.length > s.length) return verify([{ code: 'serial-wrong-length', expected: s.length, actual: value.length, excludes: true }]);
      if (!value.startsWith(s.prefix)) return { status: trusted ? 'not-affected' : 'verify', reasons: [{ code: 'serial-wrong-prefix', expected: s.prefix, excludes: trusted }] };
      return { status: 'affected', reasons: [s.length === undefined ? { code: 'serial-matches-prefix', prefix: s.prefix } : { code: 'serial-matches-prefix', prefix: s.prefix, length: s.length }] };
    }
    case 'serial-list': {
      if (s.serials.includes(value)) return { status: 'affected', reasons: [{ code: 'serial-listed', serial: value }] };
      // The list says nothing about a serial of a length it does not have: the printed serial may
      // be longer than the published values, or this one may be cut short.
      const lengths = [...new Set(s.serials.map((x) => x.length))].sort((a, b) => a - b);
      if (!lengths.includes(value.length)) return verify([{ code: 'serial-unlisted-length', lengths, actual: value.length }]);
      // A listed serial with a letter and a digit confused (O and 0, I or L and 1…) is a misread, not a clearance.
      const near = s.serials.find((x) => x.length === value.length && fold(x) === fold(value));
      if (near) return verify([{ code: 'serial-near-listed', serial: value, listed: near }]);
      const excludes = trusted && s.unlisted === 'not-recalled';
      return { status: excludes ? 'not-affected' : 'verify', reasons: [{ code: 'serial-not-listed', count: s.serials.length, excludes }] };
    }
    case 'serial-last-character': {
      const character = value.at(-1)!;
      if (s.recalled.includes(character)) return { status: 'affected', reasons: [{ code: 'serial-last-character', character, recalled: s.recalled, inScope: true, excludes: false }] };
      const excludes = s.othersExcluded && trusted;
      return { status: excludes ? 'not-affected' : 'verify', reasons: [{ code: 'serial-last-character', character, recalled: s.recalled, inScope: false, excludes }] };
    }
  }
}

function readLabel(field: string, where: string | undefined, unmarked?: 'recalled' | 'not-recalled' | 'unstated'): Reason {
  return { code: 'read-label', field, ...(where !== undefined ? { where } : {}), ...(unmarked !== undefined ? { unmarked } : {}) };
}

/**
 * Reasons a match carries whatever its scope decided: the alias first, since it says how the
 * model was read, then what the holder of an affected or unsettled unit must also know.
 */
export function withScopeNotes(entry: CatalogEntry, status: RecallMatch['status'], reasons: readonly Reason[]): readonly Reason[] {
  const { recall, product } = entry;
  const alias = entry.viaAlias;
  const warning = recall.kind === 'warning';
  const colours = status !== 'not-affected' ? product.excludedColours?.value : undefined;
  if (!alias && !warning && !colours) return reasons;
  return [
    ...(alias ? [{ code: 'model-listing-alias', alias, model: product.model } as const] : []),
    // A warning recalls nothing: "every unit is recalled" would misstate it; its own reason says
    // that the warning covers the unit.
    ...(warning ? reasons.filter((r) => r.code !== 'all-units') : reasons),
    ...(colours ? [{ code: 'colours-excluded' as const, colours: [...colours] }] : []),
    ...(warning ? [{ code: 'warning-no-recall', authority: recall.authority.value } as const] : []),
  ];
}
