/**
 * Model and serial normalisation. People type "a-1263", "SN: a1b2 c3d4", full-width digits and
 * Cyrillic look-alikes; spreadsheets turn long serials into "1.23457E+15". This module turns what
 * was typed into the form the data uses, records every change so the user can see it, and flags
 * values that cannot be trusted (they may only ever lead to "verify", never to "not-affected").
 */
import { freezeNormalised } from './freeze.js';

export type ChangeCode =
  | 'unicode-normalised'
  | 'upper-cased'
  | 'removed-prefix'
  | 'removed-spaces'
  | 'removed-dashes'
  | 'read-as-missing';

export interface Change {
  readonly code: ChangeCode;
  /** What was removed or replaced, for the user's eyes. */
  readonly detail?: string;
}

/** Why a normalised value cannot be trusted as typed. */
export type Suspicion =
  | { readonly code: 'non-ascii'; readonly characters: readonly string[]; readonly asciiGuess?: string }
  | { readonly code: 'spreadsheet-mangled'; readonly detail: string }
  | { readonly code: 'invalid-characters'; readonly characters: readonly string[] };

/** Read-only. From normaliseModel, frozen to the last array: the batch shares one per distinct model across its rows. */
export interface Normalised {
  /** Exactly what was given. */
  readonly input: string;
  /** What is compared with the data. */
  readonly value: string;
  readonly changes: readonly Change[];
  readonly suspicions: readonly Suspicion[];
}

// Shared by every clean value, so the common case allocates nothing but its result; frozen, so no
// holder of one clean value can give every other one a change (see freeze.ts).
const NONE: readonly never[] = Object.freeze([]);

/**
 * Non-ASCII capitals that render like ASCII ones (Cyrillic and Greek). NFKC leaves them alone, so
 * "А1263" with a Cyrillic А would otherwise be a different model.
 */
export const LOOKALIKES: Readonly<Record<string, string>> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C',
  'Т': 'T', 'У': 'Y', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ԛ': 'Q', 'Ԝ': 'W',
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
  'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
};

// Unicode whitespace plus the invisible characters that ride along with copy-and-paste.
const SPACES = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]+/gu;
// Dash punctuation of every kind, and the minus sign, which NFKC does not fold.
const DASHES = /[\p{Pd}\u2212]+/gu;
const SERIAL_PREFIX = /^(?:(?:SERIAL(?:\s*(?:NUMBER|NO\.?))?|S\/N|S\.N\.?|SN)\s*[:#]\s*|(?:SERIAL(?:\s*(?:NUMBER|NO\.?))?|S\/N|S\.N\.|SN)\s+|S\/N)/u;
const MODEL_PREFIX = /^MODEL(?:\s*(?:NUMBER|NO\.?))?(?:\s*[:#]\s*|\s+)/u;
// Excel's rendering of a long digit string: 1.23457E+15 (the digits after the 15th are gone).
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E[+-]?\d+$/u;
// Excel error values that a failed lookup leaves in a cell.
const SPREADSHEET_ERROR = /^#(?:N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NULL!|NUM!)$/u;
// A number-like value that a tool re-typed as a float.
const FLOAT_SUFFIX = /^\d+\.0+$/u;
const ALLOWED = /^[A-Z0-9]$/u;

/** A value that normalisation leaves as it is (for a model; a serial must also pass SCIENTIFIC). */
export const CLEAN = /^[A-Z0-9]+$/u;

/** The normalised form of a model that is already CLEAN. */
export function cleanModel(raw: string): Normalised {
  // Not frozen itself: the batch makes one per row and shares none (freezing it cost 0.1 µs a row);
  // the arrays it shares are.
  return { input: raw, value: raw, changes: NONE, suspicions: NONE };
}

function normalise(raw: string, prefix: RegExp): Normalised {
  // Most values in an inventory are already clean; they need none of the work below.
  if (CLEAN.test(raw) && !SCIENTIFIC.test(raw)) return cleanModel(raw);
  // One pass can expose more to do: upper-casing can denormalise Unicode, and removing spaces can
  // reveal a prefix ("S N: …"). Repeat until nothing changes, so normalising is idempotent.
  let result = normaliseOnce(raw, prefix);
  for (let i = 0; i < 4; i++) {
    const again = normaliseOnce(result.value, prefix);
    if (again.value === result.value) break;
    const suspicions = [...result.suspicions, ...again.suspicions.filter((x) => !result.suspicions.some((y) => y.code === x.code))];
    result = { input: raw, value: again.value, changes: mergeChanges(result.changes, again.changes), suspicions };
  }
  return result;
}

function mergeChanges(a: readonly Change[], b: readonly Change[]): Change[] {
  const out = [...a];
  for (const c of b) if (!out.some((x) => x.code === c.code && x.detail === c.detail)) out.push(c);
  return out;
}

function normaliseOnce(raw: string, prefix: RegExp): Normalised {
  const changes: Change[] = [];
  const suspicions: Suspicion[] = [];
  let value = raw.normalize('NFKC');
  if (value !== raw) changes.push({ code: 'unicode-normalised' });

  const upper = value.toUpperCase();
  if (upper !== value) changes.push({ code: 'upper-cased' });
  value = upper.trim();

  const mangled = spreadsheetMangling(value);
  if (mangled) suspicions.push({ code: 'spreadsheet-mangled', detail: mangled });

  const match = prefix.exec(value);
  if (match && match[0].length < value.length) {
    changes.push({ code: 'removed-prefix', detail: match[0].trim() });
    value = value.slice(match[0].length);
  }
  const noSpaces = value.replace(SPACES, '');
  if (noSpaces !== value) changes.push({ code: 'removed-spaces' });
  const noDashes = noSpaces.replace(DASHES, '');
  if (noDashes !== noSpaces) changes.push({ code: 'removed-dashes' });
  value = noDashes;
  // Most values are letters and digits by now, with nothing left to look for.
  if (CLEAN.test(value)) return { input: raw, value, changes, suspicions };

  const nonAscii = [...new Set([...value].filter((c) => c.charCodeAt(0) > 0x7f))];
  if (nonAscii.length > 0) {
    const folded = [...value].map((c) => LOOKALIKES[c] ?? c).join('');
    const guess = /^[A-Z0-9]+$/u.test(folded) ? folded : undefined;
    suspicions.push(guess ? { code: 'non-ascii', characters: nonAscii, asciiGuess: guess } : { code: 'non-ascii', characters: nonAscii });
  }
  const invalid = [...new Set([...value].filter((c) => c.charCodeAt(0) <= 0x7f && !ALLOWED.test(c)))];
  if (invalid.length > 0 && !mangled) suspicions.push({ code: 'invalid-characters', characters: invalid });

  return { input: raw, value, changes, suspicions };
}

function spreadsheetMangling(value: string): string | undefined {
  if (SCIENTIFIC.test(value)) return 'looks like a number a spreadsheet reformatted in scientific notation';
  if (SPREADSHEET_ERROR.test(value)) return 'is a spreadsheet error value, not a serial';
  if (FLOAT_SUFFIX.test(value)) return 'looks like a number a spreadsheet re-typed with a decimal part';
  return undefined;
}

export function normaliseModel(raw: string): Normalised {
  // Frozen: the batch gives every row of a model the same one.
  return freezeNormalised(normalise(raw, MODEL_PREFIX));
}

// What people put in a serial cell when they have none: it means "no serial", not a serial.
const PLACEHOLDER = /^(?:N\/?A|NONE|NULL|NIL|UNKNOWN|TBD|-+|\?+)$/u;

export function normaliseSerial(raw: string): Normalised {
  const placeholder = raw.normalize('NFKC').trim().toUpperCase();
  if (PLACEHOLDER.test(placeholder) || /^[\p{Pd}\u2212]+$/u.test(placeholder)) {
    return { input: raw, value: '', changes: [{ code: 'read-as-missing', detail: raw.trim() }], suspicions: NONE };
  }
  // Not frozen: a serial is one row's, shared with none (freezing each cost 0.4 µs a recalled row).
  return normalise(raw, SERIAL_PREFIX);
}

/** The ASCII reading of a value whose only problem is look-alike letters, if there is one. */
export function asciiGuess(n: Normalised): string | undefined {
  for (const s of n.suspicions) if (s.code === 'non-ascii') return s.asciiGuess;
  return undefined;
}
