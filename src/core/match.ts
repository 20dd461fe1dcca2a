/**
 * (catalog, model, serial, country) → verdict. The one matcher: the single check, the batch check
 * and the library API all call `check`.
 *
 * The rule that shapes everything here: `not-affected` is only ever the answer when a published,
 * sourced rule excludes the unit and the input is trustworthy. Anything garbled, missing,
 * truncated or look-alike can only lead to `verify`.
 */
import type { SerialRule } from '../data/schema.js';
import type { Catalog, CatalogEntry } from './catalog.js';
import { asciiGuess, normaliseModel, normaliseSerial, type Normalised } from './normalise.js';
import { type CheckResult, type Reason, type RecallMatch, type Status, worse } from './result.js';
import { scopeOutcome, withScopeNotes } from './scope.js';

export interface CheckInput {
  model: string;
  serial?: string | undefined;
  /** ISO 3166-1 alpha-2 country where the unit was sold, already normalised. */
  country?: string | undefined;
}

// Shared by every no-recall result (most rows of an inventory); never mutated.
const NOT_IN_DATA: Reason = { code: 'model-not-in-data' };
const ONLY_NOT_IN_DATA: Reason[] = [NOT_IN_DATA];
const NO_MATCHES: RecallMatch[] = [];
const ALL_UNITS: Reason = Object.freeze({ code: 'all-units' });
const SERIAL_MISSING: Reason = Object.freeze({ code: 'serial-missing' });
const UNPUBLISHED: Reason = Object.freeze({ code: 'serial-rules-unpublished' });

/** A shared reason, with the arrays it holds, can be read by every row but changed by none. */
function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (Array.isArray(v)) Object.freeze(v);
  return Object.freeze(value);
}

/** The result for a model no recall covers: the one place it is built. */
export function noRecall(catalog: Catalog, model: Normalised): CheckResult {
  const similar = catalog.similar(model.value);
  const reasons: Reason[] = similar.length > 0 ? [NOT_IN_DATA, { code: 'similar-models', models: [...similar] }] : ONLY_NOT_IN_DATA;
  return { model, status: 'no-recall', reasons, matches: NO_MATCHES };
}

export function check(catalog: Catalog, input: CheckInput): CheckResult {
  return checkModel(catalog, normaliseModel(input.model), input.serial, input.country);
}

/**
 * `check` for a model that is already normalised: the batch check normalises each distinct model
 * once. The serial and country are examined only when a recall covers the model; for a model with
 * no recall they cannot change the answer, and the result does not carry them.
 */
export function checkModel(catalog: Catalog, model: Normalised, serialText: string | undefined, country: string | undefined): CheckResult {
  // The model-level reasons first, then those of the matches that decided the status.
  const reasons: Reason[] = [];
  let entries = catalog.lookup(model.value);
  if (entries.length === 0) {
    const guess = asciiGuess(model);
    if (guess && catalog.lookup(guess).length > 0) {
      entries = catalog.lookup(guess);
      const chars = model.suspicions.flatMap((s) => (s.code === 'non-ascii' ? s.characters : []));
      reasons.push({ code: 'model-non-ascii', characters: chars, suggestion: guess });
    }
  }
  if (entries.length === 0) {
    // "A1263 (black)", "A1263.", "A1263 PowerCore 10000": a recalled model followed by more text
    // is read as that model, but only ever gives verify.
    const first = firstToken(model.input);
    if (first && first !== model.value && catalog.lookup(first).length > 0) {
      entries = catalog.lookup(first);
      reasons.push({ code: 'model-extra-text', read: first });
    }
  }
  if (entries.length === 0) return noRecall(catalog, model);

  const serial = serialText?.trim() ? normaliseSerial(serialText) : undefined;
  // Set only when the model was read from a look-alike or from extra text.
  const suspectReason = reasons[0];
  const matches: RecallMatch[] = [];
  for (const entry of entries) matches.push(evaluate(entry, serial, country, suspectReason));
  const viaSku = entries[0]!.viaSku;
  if (viaSku) reasons.push(shared(entries, 'sku', (): Reason => ({ code: 'model-matched-sku', sku: viaSku, model: entries[0]!.product.model }), deepFreeze));

  // Plain loops: a batch runs this for every row of a recalled model.
  let status: Status = 'not-affected';
  let elsewhere = !!country;
  for (const m of matches) {
    status = worse(status, m.status);
    if (elsewhere && !hasReason(m, 'outside-jurisdiction')) elsewhere = false;
  }
  // Recalled, but only in other countries: the sources rarely cover every country a model was
  // sold in, so silence about this one is not a clearance.
  if (elsewhere) {
    status = 'verify';
    reasons.push(shared(entries, `elsewhere:${country}`, (): Reason => ({ code: 'recalled-elsewhere', country: country!, jurisdictions: [...new Set(entries.flatMap((e) => e.recall.jurisdictions.value))] }), deepFreeze));
  } else {
    for (const m of matches) if (m.status === status) reasons.push(...m.reasons);
  }
  const deduped = dedupe(reasons);
  // The same key order whichever fields are present.
  if (serial) return country ? { model, serial, country, status, reasons: deduped, matches } : { model, serial, status, reasons: deduped, matches };
  return country ? { model, country, status, reasons: deduped, matches } : { model, status, reasons: deduped, matches };
}

function hasReason(match: RecallMatch, code: Reason['code']): boolean {
  for (const r of match.reasons) if (r.code === code) return true;
  return false;
}

/**
 * Results share what does not depend on the row: a match outside the recall's countries, for
 * every unit, without a serial or with rules unpublished (per catalog entry), and the
 * recalled-elsewhere and matched-SKU reasons (per model). A batch meets these on most rows of a
 * recalled model; they are built once, frozen, and never mutated.
 */
const sharedParts = new WeakMap<object, Map<string, object>>();
function shared<T extends object>(owner: object, key: string, make: () => T, freeze: (value: T) => T): T {
  let byKey = sharedParts.get(owner);
  if (!byKey) sharedParts.set(owner, (byKey = new Map()));
  let value = byKey.get(key) as T | undefined;
  if (!value) byKey.set(key, (value = freeze(make())));
  return value;
}

/** A match's reasons are frozen with it; its recall and product are the catalog's, left as they are. */
function freezeMatch(match: RecallMatch): RecallMatch {
  for (const r of match.reasons) deepFreeze(r);
  Object.freeze(match.reasons);
  return Object.freeze(match);
}

/**
 * The match for an outcome that does not depend on the serial: shared, unless the model is a
 * look-alike, whose matches each carry its own reason.
 */
function serialIndependent(entry: CatalogEntry, key: string, status: RecallMatch['status'], reasons: () => Reason[], suspectModel: Reason | undefined): RecallMatch {
  return suspectModel ? matchOf(entry, status, reasons(), suspectModel) : shared(entry, key, () => matchOf(entry, status, reasons(), undefined), freezeMatch);
}

/** The first run of letters and digits in what was typed, upper-cased: "a1263 (black)" → A1263. */
function firstToken(input: string): string | undefined {
  return /[A-Za-z0-9]+/u.exec(input.normalize('NFKC'))?.[0]?.toUpperCase();
}

function evaluate(entry: CatalogEntry, serial: Normalised | undefined, country: string | undefined, suspectModel: Reason | undefined): RecallMatch {
  const { recall, product } = entry;
  const jurisdictions = recall.jurisdictions.value;
  if (country && !jurisdictions.includes(country) && !jurisdictions.includes('WORLDWIDE')) {
    // A copy: freezing the shared reason must not freeze the recall's own data.
    return serialIndependent(entry, `outside:${country}`, 'not-affected', () => [{ code: 'outside-jurisdiction', country, jurisdictions: [...jurisdictions] }], suspectModel);
  }
  const own = scopeOutcome(product, serial);
  if (own) return matchOf(entry, own.status, own.reasons, suspectModel);
  const scope = product.scope.value;
  if (scope.kind === 'all-units') return serialIndependent(entry, 'all-units', 'affected', () => [ALL_UNITS], suspectModel);
  if (!serial || serial.value === '') return serialIndependent(entry, 'serial-missing', 'verify', () => [SERIAL_MISSING], suspectModel);

  // A serial that cannot be trusted as typed is reported for what it is; measuring it against the
  // recall's rules would only add noise.
  if (serial.suspicions.length > 0) return matchOf(entry, 'verify', suspicionReasons(serial), suspectModel);
  const trusted = exclusionsTrusted(serial);
  const ruleOutcome = applyRules(product.serialRules, serial.value, trusted);
  if (ruleOutcome.verify.length > 0) return matchOf(entry, 'verify', ruleOutcome.verify, suspectModel);
  if (ruleOutcome.excluded.length > 0) return matchOf(entry, 'not-affected', ruleOutcome.excluded, suspectModel);

  if (scope.kind === 'serial-ranges') {
    // Outside every range only says something about a serial of the ranges' length, as typed.
    const length = scope.ranges[0]!.first.length;
    if (serial.value.length !== length && !trusted) {
      return matchOf(entry, 'verify', [{ code: 'serial-wrong-length', expected: length, actual: serial.value.length, excludes: false }], suspectModel);
    }
    const hit = scope.ranges.find((r) => inRange(serial.value, r.first, r.last));
    return hit
      ? matchOf(entry, 'affected', [{ code: 'serial-in-published-range', first: hit.first, last: hit.last }], suspectModel)
      : matchOf(entry, 'not-affected', [{ code: 'serial-outside-published-ranges', ranges: scope.ranges }], suspectModel);
  }
  return serialIndependent(entry, 'unpublished', 'verify', () => [UNPUBLISHED], suspectModel);
}

function matchOf(entry: CatalogEntry, status: RecallMatch['status'], given: Reason[], suspectModel: Reason | undefined): RecallMatch {
  const { recall, product } = entry;
  const reasons = withScopeNotes(entry, status, given);
  // A look-alike model may be a different product: never settle it either way.
  return suspectModel
    ? { recallId: recall.id, status: 'verify', reasons: [suspectModel, ...reasons], product, recall }
    : { recallId: recall.id, status, reasons, product, recall };
}

export function suspicionReasons(serial: Normalised): Reason[] {
  return serial.suspicions.map((s): Reason => {
    switch (s.code) {
      case 'non-ascii':
        return s.asciiGuess
          ? { code: 'serial-non-ascii', characters: s.characters, suggestion: s.asciiGuess }
          : { code: 'serial-non-ascii', characters: s.characters };
      case 'spreadsheet-mangled':
        return { code: 'serial-spreadsheet-mangled', detail: s.detail };
      case 'invalid-characters':
        return { code: 'serial-invalid-characters', characters: s.characters };
    }
  });
}

/**
 * Whether a serial's length and prefix are as typed, so that a rule may exclude the unit by them.
 * Removing spaces or dashes can join two values in one cell ("ACCJ…0900 ACCJ…0901", "…0900
 * refurb") and Unicode folding can lengthen one (ß → SS): a serial too long after either is a
 * reason to verify, not a clearance.
 */
export function exclusionsTrusted(serial: Normalised): boolean {
  return !serial.changes.some((c) => c.code === 'removed-spaces' || c.code === 'removed-dashes' || c.code === 'unicode-normalised');
}

/**
 * Sourced serial rules, split into what forces "verify" (a probable misread or a truncation) and
 * what excludes the unit (only where the source says so, and only for a serial that is too long
 * or plainly different, never for one that may have been cut short).
 */
export function applyRules(rules: readonly { value: SerialRule }[] | undefined, serial: string, trusted: boolean): { verify: Reason[]; excluded: Reason[] } {
  const verify: Reason[] = [];
  const excluded: Reason[] = [];
  for (const { value: rule } of rules ?? []) {
    switch (rule.rule) {
      case 'never-contains': {
        const found = rule.characters.filter((c) => serial.includes(c));
        if (found.length > 0) {
          // The usual misreads of letters a manufacturer never uses: O for 0, I for 1.
          let suggestion = serial;
          if (found.includes('O')) suggestion = suggestion.replaceAll('O', '0');
          if (found.includes('I')) suggestion = suggestion.replaceAll('I', '1');
          verify.push(suggestion !== serial
            ? { code: 'serial-excluded-characters', characters: found, suggestion }
            : { code: 'serial-excluded-characters', characters: found });
        }
        break;
      }
      case 'length':
        if (serial.length < rule.length) verify.push({ code: 'serial-too-short', expected: rule.length, actual: serial.length });
        else if (serial.length > rule.length) {
          const excludes = rule.excludesOtherwise && trusted;
          const reason: Reason = { code: 'serial-wrong-length', expected: rule.length, actual: serial.length, excludes };
          (excludes ? excluded : verify).push(reason);
        }
        break;
      case 'prefix':
        if (!serial.startsWith(rule.prefix)) {
          const excludes = rule.excludesOtherwise && trusted;
          const reason: Reason = { code: 'serial-wrong-prefix', expected: rule.prefix, excludes };
          (excludes ? excluded : verify).push(reason);
        }
        break;
    }
  }
  return { verify, excluded };
}

/**
 * Membership in a published range. Bounds are validated to share a prefix and differ only in
 * trailing digits, so membership is: same length, same prefix, and a digits-only tail that lies
 * between the bounds' tails. A plain lexicographic comparison would let "…008Z1" into
 * "…00841–…00960".
 */
export function inRange(serial: string, first: string, last: string): boolean {
  if (serial.length !== first.length || first.length !== last.length) return false;
  let p = 0;
  while (p < first.length && first[p] === last[p]) p++;
  if (serial.slice(0, p) !== first.slice(0, p)) return false;
  const tail = serial.slice(p);
  if (!/^\d*$/u.test(tail)) return false;
  return tail >= first.slice(p) && tail <= last.slice(p);
}

function dedupe(reasons: Reason[]): Reason[] {
  // Only reasons with the same code can be duplicates; most lists have none, and need no keys.
  let repeated = false;
  for (let i = 1; i < reasons.length && !repeated; i++) {
    for (let j = 0; j < i; j++) if (reasons[j]!.code === reasons[i]!.code) repeated = true;
  }
  if (!repeated) return reasons;
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = Object.keys(r).length === 1 ? r.code : JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
