/**
 * (catalog, model, serial, country) → verdict. The one matcher: the single check, the batch check
 * and the library API all call `check`.
 *
 * The rule that shapes everything here: `not-affected` is only ever the answer when a published,
 * sourced rule excludes the unit and the input is trustworthy. Anything garbled, missing,
 * truncated or look-alike can only lead to `verify`.
 */
import type { Catalog, CatalogEntry } from './catalog.js';
import { normaliseCountry } from './country.js';
import { RecallCheckError } from './errors.js';
import { type FoundCode, findCodes } from './find-codes.js';
import { misreadCodes } from './misread-codes.js';
import { countryProblem } from './messages.js';
import { asciiGuess, CLEAN, normaliseModel, normaliseSerial, type Normalised } from './normalise.js';
import { freezeMatch, freezeReason } from './freeze.js';
import { type CheckResult, type Reason, type RecallMatch, type Status, worse } from './result.js';
import { scopeOutcome, withScopeNotes } from './scope.js';
import { applyRules, exclusionsTrusted, suspicionReasons } from './serial-rules.js';
import { inRange } from './serial-range.js';

export interface CheckInput {
  model: string;
  serial?: string | undefined;
  /** Where the unit was sold: an ISO 3166 code or a country name, as normaliseCountry reads it. */
  country?: string | undefined;
  /** Other text of the row (title, item name, seller SKU), searched for recalled models when the model is not one. */
  otherText?: readonly OtherText[] | undefined;
}

/** A cell of a descriptive column, and the column's name for messages. */
export interface OtherText {
  column: string;
  text: string;
}

// Shared by every no-recall result (most rows of an inventory), so frozen (see freeze.ts).
const NOT_IN_DATA: Reason = Object.freeze({ code: 'model-not-in-data' });
const ONLY_NOT_IN_DATA: readonly Reason[] = Object.freeze([NOT_IN_DATA]);
const NO_MATCHES: readonly RecallMatch[] = Object.freeze([]);
const ALL_UNITS: Reason = Object.freeze({ code: 'all-units' });
const SERIAL_MISSING: Reason = Object.freeze({ code: 'serial-missing' });
const UNPUBLISHED: Reason = Object.freeze({ code: 'serial-rules-unpublished' });

/**
 * The result for a model no recall covers: the one place it is built. `searched` names the
 * columns that were searched instead of a model column, when the row had none. The country of
 * sale, when given, is kept: a report of the unit says where it was sold whatever the verdict.
 */
export function noRecall(catalog: Catalog, model: Normalised, country?: string, searched?: readonly string[]): CheckResult {
  if (searched) {
    const reasons: readonly Reason[] = [{ code: 'model-not-in-columns', columns: [...searched] }];
    return country ? { model, country, status: 'no-recall', reasons, matches: NO_MATCHES } : { model, status: 'no-recall', reasons, matches: NO_MATCHES };
  }
  const similar = catalog.similar(model.value);
  const reasons = similar.length > 0 ? [NOT_IN_DATA, { code: 'similar-models', models: [...similar] } as Reason] : ONLY_NOT_IN_DATA;
  return country ? { model, country, status: 'no-recall', reasons, matches: NO_MATCHES } : { model, status: 'no-recall', reasons, matches: NO_MATCHES };
}

export function check(catalog: Catalog, input: CheckInput): CheckResult {
  let country: string | undefined;
  if (input.country !== undefined && input.country.trim() !== '') {
    country = normaliseCountry(input.country);
    if (!country) throw new RecallCheckError('usage', countryProblem(input.country));
  }
  return checkModel(catalog, normaliseModel(input.model), input.serial, country, input.otherText);
}

/** A catalog entry the model matched, and, when the model was read from text, why it only ever gives verify. */
interface Candidate {
  entry: CatalogEntry;
  suspect: Reason | undefined;
}

/**
 * `check` for a model that is already normalised: the batch check normalises each distinct model
 * once. The serial and country are examined only when a recall covers the model; for a model with
 * no recall they cannot change the answer: the result keeps the country, and carries no serial.
 * `country` is already an ISO 3166 alpha-2 code.
 */
export function checkModel(catalog: Catalog, model: Normalised, serialText: string | undefined, country: string | undefined, otherText?: readonly OtherText[]): CheckResult {
  // The model-level reasons first, then those of the matches that decided the status.
  const reasons: Reason[] = [];
  const candidates = modelCandidates(catalog, model, otherText, reasons);
  if (candidates.length === 0) return noRecall(catalog, model, country, model.input.trim() === '' && otherText ? otherText.map((o) => o.column) : undefined);
  const entries = candidates.map((c) => c.entry);

  const serial = serialText?.trim() ? normaliseSerial(serialText) : undefined;
  const matches: RecallMatch[] = [];
  for (const c of candidates) matches.push(evaluate(c.entry, serial, country, c.suspect));
  const viaSku = entries[0]!.viaSku;
  if (viaSku && candidates[0]!.suspect === undefined) reasons.push(shared(entries[0]!, 'sku', (): Reason => ({ code: 'model-matched-sku', sku: viaSku, model: entries[0]!.product.model }), freezeReason));

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
    // Keyed on the first entry (the catalog's, so the same object for every row of the model) and
    // every recall the row met: `entries` itself is new for each row.
    reasons.push(shared(entries[0]!, `elsewhere:${country}:${entries.map((e) => e.recall.id).join(' ')}`, (): Reason => ({ code: 'recalled-elsewhere', country: country!, jurisdictions: [...new Set(entries.flatMap((e) => e.recall.jurisdictions.value))] }), freezeReason));
  } else {
    for (const m of matches) if (m.status === status) reasons.push(...m.reasons);
  }
  const deduped = dedupe(reasons);
  // The same key order whichever fields are present.
  if (serial) return country ? { model, serial, country, status, reasons: deduped, matches } : { model, serial, status, reasons: deduped, matches };
  return country ? { model, country, status, reasons: deduped, matches } : { model, status, reasons: deduped, matches };
}

/**
 * The catalog entries a row's model may be, most certain first: those of the model cell (see
 * cellCandidates), then those of every other recalled model the row's other text names, so that
 * a unit is not cleared for its cell's recall beside a recalled model named in its title.
 * Model-level reasons are pushed onto `reasons`; a model read from text gives each of its entries
 * the reason that it was, so that it only ever gives verify.
 */
function modelCandidates(catalog: Catalog, model: Normalised, otherText: readonly OtherText[] | undefined, reasons: Reason[]): Candidate[] {
  const fromCell = cellCandidates(catalog, model, reasons);
  return otherText ? [...fromCell, ...inOtherText(catalog, otherText, reasons, fromCell)] : fromCell;
}

/** Candidates from the row's other text, for codes of models the row does not match already. */
function inOtherText(catalog: Catalog, otherText: readonly OtherText[], reasons: Reason[], have: readonly Candidate[]): Candidate[] {
  const models = new Set(have.map((c) => c.entry.product.model));
  const found = otherText.flatMap((o) => (o.text.trim() === '' ? [] : fromText(catalog, findCodes(catalog, o.text), o.column)));
  return candidatesOf(catalog, found.filter((f) => !models.has(catalog.lookup(f.code)[0]!.product.model)), reasons);
}

function candidatesOf(catalog: Catalog, found: readonly { code: string; reason: Reason }[], reasons: Reason[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of found) {
    reasons.push(f.reason);
    for (const entry of catalog.lookup(f.code)) {
      if (!out.some((c) => c.entry.recall === entry.recall && c.entry.product === entry.product)) out.push({ entry, suspect: f.reason });
    }
  }
  return out;
}

/** The model cell: the model itself, its ASCII reading, or the recalled codes in its text. */
function cellCandidates(catalog: Catalog, model: Normalised, reasons: Reason[]): Candidate[] {
  const direct = catalog.lookup(model.value);
  if (direct.length > 0) return direct.map((entry) => ({ entry, suspect: undefined }));
  const guess = asciiGuess(model);
  if (guess && catalog.lookup(guess).length > 0) {
    const chars = model.suspicions.flatMap((s) => (s.code === 'non-ascii' ? s.characters : []));
    const reason: Reason = { code: 'model-non-ascii', characters: chars, suggestion: guess };
    reasons.push(reason);
    return catalog.lookup(guess).map((entry) => ({ entry, suspect: reason }));
  }
  const misread = CLEAN.test(model.value) ? misreadCodes(catalog, model.value) : [];
  if (misread.length > 0) {
    return candidatesOf(catalog, misread.map((code) => ({ code, reason: { code: 'model-misread', read: model.value, model: catalog.lookup(code)[0]!.product.model } as Reason })), reasons);
  }
  // The normalised value first, so that "a1263-0v1" is read whole, as a possible SKU A12630V1;
  // then what was typed, so that "AK-A1366" and "A1263 (black)" are read word by word.
  let inCell = CLEAN.test(model.value) ? fromText(catalog, findCodes(catalog, model.value), undefined) : [];
  if (inCell.length === 0 && model.input.trim() !== '') inCell = fromText(catalog, findCodes(catalog, model.input), undefined);
  return candidatesOf(catalog, inCell, reasons);
}

function fromText(catalog: Catalog, found: readonly FoundCode[], column: string | undefined): { code: string; reason: Reason }[] {
  return found.map((f) => {
    const model = catalog.lookup(f.code)[0]!.product.model;
    if (f.kind === 'possible-sku') return { code: f.code, reason: column === undefined ? { code: 'possible-sku', sku: f.text, model } : { code: 'possible-sku', sku: f.text, model, column } };
    return { code: f.code, reason: column === undefined ? { code: 'model-extra-text', read: f.code } : { code: 'model-in-column', read: f.code, column } };
  });
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

/**
 * The match for an outcome that does not depend on the serial: shared, unless the model is a
 * look-alike, whose matches each carry its own reason.
 */
function serialIndependent(entry: CatalogEntry, key: string, status: RecallMatch['status'], reasons: () => readonly Reason[], suspectModel: Reason | undefined): RecallMatch {
  return suspectModel ? matchOf(entry, status, reasons(), suspectModel) : shared(entry, key, () => matchOf(entry, status, reasons(), undefined), freezeMatch);
}

function evaluate(entry: CatalogEntry, serial: Normalised | undefined, country: string | undefined, suspectModel: Reason | undefined): RecallMatch {
  const { recall, product } = entry;
  const jurisdictions = recall.jurisdictions.value;
  if (country && !jurisdictions.includes(country) && !jurisdictions.includes('WORLDWIDE')) {
    // A copy: freezing the shared reason must not freeze the recall's own data. A recall for units
    // sold elsewhere does not apply, however the model was read: it never raises the verdict.
    return serialIndependent(entry, `outside:${country}`, 'not-affected', () => [{ code: 'outside-jurisdiction', country, jurisdictions: [...jurisdictions] }], undefined);
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
    // Outside every range only says something about a serial of the ranges' length: a longer
    // value may be two serials joined, or hold a recalled serial inside it.
    const length = scope.ranges[0]!.first.length;
    if (serial.value.length !== length) {
      return matchOf(entry, 'verify', [serial.value.length < length ? { code: 'serial-too-short', expected: length, actual: serial.value.length } : { code: 'serial-wrong-length', expected: length, actual: serial.value.length, excludes: false }], suspectModel);
    }
    const hit = scope.ranges.find((r) => inRange(serial.value, r.first, r.last));
    return hit
      ? matchOf(entry, 'affected', [{ code: 'serial-in-published-range', first: hit.first, last: hit.last }], suspectModel)
      : matchOf(entry, 'not-affected', [{ code: 'serial-outside-published-ranges', ranges: scope.ranges }], suspectModel);
  }
  return serialIndependent(entry, 'unpublished', 'verify', () => [UNPUBLISHED], suspectModel);
}

function matchOf(entry: CatalogEntry, status: RecallMatch['status'], given: readonly Reason[], suspectModel: Reason | undefined): RecallMatch {
  const { recall, product } = entry;
  const reasons = withScopeNotes(entry, status, given);
  // A look-alike model may be a different product: never settle it either way.
  return suspectModel
    ? { recallId: recall.id, status: 'verify', reasons: [suspectModel, ...reasons], product, recall }
    : { recallId: recall.id, status, reasons, product, recall };
}

function dedupe(reasons: readonly Reason[]): readonly Reason[] {
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
