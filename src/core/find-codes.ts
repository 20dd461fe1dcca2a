/**
 * Recalled model codes in free text: a model cell such as "Anker PowerCore 10000 (A1263)",
 * "AK-A1366" or "A1366BK", a title, an item name, a seller SKU. Real inventories write models
 * every way people and marketplaces do, and a recalled code among other words must never pass
 * as "no recall".
 *
 * Text is read as runs of letters and digits. A code is found where a run (or up to three runs
 * joined across one separator, for codes written "BS-30KP365" or "A 1263") begins with it and
 * then ends, or runs on with anything but a digit after the code's last digit ("A1366BK").
 * "A12630" and "A126" are not "A1263": there is no prefix matching, except for one form
 * the fact sheet describes: a full SKU is the model plus three characters (A1263016), so a code
 * followed by exactly three more is a possible SKU of it.
 */
import type { Catalog } from './catalog.js';
import { LOOKALIKES } from './normalise.js';

export interface FoundCode {
  /** The code as the catalog knows it: a model or a declared SKU. */
  code: string;
  /** The letters and digits that held it, e.g. "A1263011" for a possible SKU of A1263 (without a colour run on). */
  text: string;
  /** `code`: the code itself stood in the text; `possible-sku`: the code and three more characters. */
  kind: 'code' | 'possible-sku';
}

const NONE: readonly FoundCode[] = Object.freeze([]);
// Separators a code may be written across: "BS-30KP365", "A_1263", "A 1263", "A1263.011".
const JOINERS = new Set(['-', '_', ' ', '.', '/']);
const MAX_JOINED = 3;
const MEMO_LIMIT = 100_000;

// A title or SKU column repeats the same text many times; each distinct text is searched once.
const memo = new WeakMap<Catalog, Map<string, readonly FoundCode[]>>();

export function findCodes(catalog: Catalog, text: string): readonly FoundCode[] {
  let seen = memo.get(catalog);
  if (!seen) memo.set(catalog, (seen = new Map()));
  let found = seen.get(text);
  if (!found) {
    found = search(catalog, text);
    if (seen.size < MEMO_LIMIT) seen.set(text, found);
  }
  return found;
}

function search(catalog: Catalog, text: string): readonly FoundCode[] {
  const t = readable(text);
  const runs: [number, number][] = [];
  for (let i = 0; i < t.length; ) {
    if (!isAlnum(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < t.length && isAlnum(t.charCodeAt(i))) i++;
    runs.push([start, i]);
  }
  let found: FoundCode[] | undefined;
  for (let i = 0; i < runs.length; i++) {
    let joined = '';
    for (let j = i; j < runs.length && j < i + MAX_JOINED; j++) {
      if (j > i && !(runs[j]![0] - runs[j - 1]![1] === 1 && JOINERS.has(t[runs[j - 1]![1]]!))) break;
      joined += t.slice(runs[j]![0], runs[j]![1]);
      const hit = codeAtStart(catalog, joined);
      if (hit) (found ??= []).push(hit);
    }
  }
  return found ? strongest(found) : NONE;
}

/** The code `candidate` starts with, if the rest of it allows one (see the module comment). */
function codeAtStart(catalog: Catalog, candidate: string): FoundCode | undefined {
  if (!catalog.mayStartCode(candidate)) return undefined;
  let sku: FoundCode | undefined;
  // Longest first: "RM5PBM01" is the declared SKU RM5PBM01, not RM5PBM with "01" after it.
  const lengths = catalog.codeLengths;
  for (let k = lengths.length - 1; k >= 0; k--) {
    const length = lengths[k]!;
    if (length > candidate.length) continue;
    const code = candidate.slice(0, length);
    if (catalog.lookup(code).length === 0) continue;
    // Only a digit after a code's last digit makes another code (A12630 is not A1263): letters
    // run on ("A1366BK", "RM5PBMBLK") are a colour or variant, and so is a digit after a letter.
    if (length === candidate.length || !(isDigit(code.charCodeAt(length - 1)) && isDigit(candidate.charCodeAt(length)))) {
      return { code, text: candidate, kind: 'code' };
    }
    // The SKU's three characters may have a colour or variant run on after them, by the same rule.
    const end = length + 3;
    if (candidate.length === end || (candidate.length > end && !(isDigit(candidate.charCodeAt(end - 1)) && isDigit(candidate.charCodeAt(end))))) {
      sku ??= { code, text: candidate.slice(0, end), kind: 'possible-sku' };
    }
  }
  return sku;
}

/** One entry per code: a code that stood as itself outranks the same code read as a possible SKU. */
function strongest(found: FoundCode[]): readonly FoundCode[] {
  const byCode = new Map<string, FoundCode>();
  for (const f of found) {
    const had = byCode.get(f.code);
    if (!had || (had.kind === 'possible-sku' && f.kind === 'code')) byCode.set(f.code, f);
  }
  return Object.freeze([...byCode.values()].map((f) => Object.freeze(f)));
}

/** Upper case, full-width folded, look-alike Cyrillic and Greek capitals read as Latin. */
function readable(text: string): string {
  const t = text.normalize('NFKC').toUpperCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/u.test(t)) return t;
  let out = '';
  for (const c of t) out += LOOKALIKES[c] ?? c;
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
