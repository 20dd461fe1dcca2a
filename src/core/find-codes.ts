/**
 * Recalled model codes in free text: a model cell such as "Anker PowerCore 10000 (A1263)",
 * "AK-A1366" or "A1366BK", a title, an item name, a seller SKU ("AKA1366BLK"). Real inventories
 * write models every way people and marketplaces do, and a recalled code among other words must
 * never pass as "no recall".
 *
 * Text is read as runs of letters and digits, after invisible characters are removed and every
 * dash is read as "-". A code is found where it starts anywhere in a run (after the run's start,
 * letters or digits glued on in front: "ANKERA1263", "SKUA1263"; but not a digit glued before a
 * code's first digit), possibly continued across one separator into the next run ("BS-30KP365",
 * "A_1263", "A1263.011"; up to three runs), and then ends, or goes on with anything but a digit
 * after the code's last digit ("A1366BK"). "A12630" and "A126" are not "A1263": there is no prefix
 * matching, except for one form the fact sheet describes: a full SKU is the model plus three
 * characters (A1263016), so a code followed by exactly three more is a possible SKU of it.
 * A space does not join runs: "Galaxy A13 66W" is no A1366 (a model cell's spaces are removed by
 * normalisation before it is read whole, so "A 1263" there is still A1263).
 */
import type { Catalog } from './catalog.js';
import { LOOKALIKES } from './normalise.js';
import { perCatalog } from './per-catalog.js';

export interface FoundCode {
  /** The code as the catalog knows it: a model or a declared SKU. */
  code: string;
  /** The letters and digits that held it, from the code on, e.g. "A1263011" for a possible SKU of A1263. */
  text: string;
  /** `code`: the code itself stood in the text; `possible-sku`: the code and three more characters. */
  kind: 'code' | 'possible-sku';
}

const NONE: readonly FoundCode[] = Object.freeze([]);
// Separators a code may be written across: "BS-30KP365", "A_1263", "A1263.011", "A1263/US".
const JOINERS = new Set([45, 95, 46, 47]);
const MAX_JOINED = 3;
// Only short texts are remembered: titles repeat across an inventory and are searched once each,
// while long descriptions and distinct SKUs would only fill the memory.
const MEMO_LIMIT = 10_000;
const MEMO_MAX_LENGTH = 80;

const memo = new WeakMap<Catalog, Map<string, readonly FoundCode[]>>();

export function findCodes(catalog: Catalog, text: string): readonly FoundCode[] {
  // Most cells are turned away here, without a string made or hashed: a memo look-up costs more.
  if (!mayHold(catalog, text)) return NONE;
  if (text.length > MEMO_MAX_LENGTH) return search(catalog, text);
  let seen = memo.get(catalog);
  if (!seen) memo.set(catalog, (seen = new Map()));
  let found = seen.get(text);
  if (!found) {
    found = search(catalog, text);
    if (seen.size < MEMO_LIMIT) seen.set(text, found);
  }
  return found;
}

/**
 * The first two characters of every code, as bitmaps over ASCII character codes (either case),
 * built once per catalog: a scan of free text reads one array element per character and turns
 * almost every position away without making or hashing a string.
 */
interface Starts {
  /** Characters a code starts with. */
  first: Uint8Array;
  /** Pairs (first << 7 | second) a code starts with. */
  pair: Uint8Array;
  /** Some code is shorter than two characters, or not ASCII: no position can be turned away. */
  any: boolean;
}

const startsOf = perCatalog((catalog): Starts => {
  const first = new Uint8Array(128);
  const pair = new Uint8Array(128 * 128);
  let any = false;
  const both = (c: number) => (c >= 65 && c <= 90 ? [c, c + 32] : [c]);
  for (const code of catalog.codes) {
    const a = code.charCodeAt(0);
    const b = code.charCodeAt(1);
    if (code.length < 2 || a >= 128 || b >= 128) {
      any = true;
      continue;
    }
    for (const x of both(a)) {
      first[x] = 1;
      for (const y of both(b)) pair[(x << 7) | y] = 1;
    }
  }
  return { first, pair, any };
});

/**
 * False when no position of the ASCII text can start a code, judged by its first two letters or
 * digits (the second may follow a separator). Non-ASCII text (full-width, look-alikes, invisible
 * characters) is left to the full search.
 */
function mayHold(catalog: Catalog, text: string): boolean {
  const starts = startsOf(catalog);
  if (starts.any) return true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80 || mayStartHere(catalog, starts, text, i)) return true;
  }
  return false;
}

/**
 * Whether a code may start at `p`, by the first two letters or digits from there (the second may
 * follow a separator), and, where three stand in a row, the catalog's three-character head.
 */
function mayStartHere(catalog: Catalog, s: Starts, t: string, p: number): boolean {
  if (s.any) return true;
  const n = t.length;
  const c = t.charCodeAt(p);
  if (c >= 128) return true;
  if (s.first[c] === 0) return false;
  const d = p + 1 < n ? t.charCodeAt(p + 1) : 0;
  if (d < 128 && ALNUM[d] === 1) return s.pair[(c << 7) | d] === 1 && (p + 2 >= n || ALNUM[t.charCodeAt(p + 2)] !== 1 || catalog.mayStartCode(t, p));
  if (d >= 128) return true;
  if (!JOINERS.has(d) || p + 2 >= n) return false;
  const e = t.charCodeAt(p + 2);
  return e >= 128 || s.pair[(c << 7) | e] === 1;
}

/** A code may start at `i`: a run's start, or glued on after letters or digits, but not a digit right after a digit. */
function mayStartAt(t: string, i: number): boolean {
  return i === 0 || !(isDigit(t.charCodeAt(i)) && isDigit(t.charCodeAt(i - 1)));
}

function search(catalog: Catalog, text: string): readonly FoundCode[] {
  const t = readable(text);
  const starts = startsOf(catalog);
  const n = t.length;
  let found: FoundCode[] | undefined;
  for (let start = 0; start < n; ) {
    if (ALNUM[t.charCodeAt(start)] !== 1) {
      start++;
      continue;
    }
    let end = start + 1;
    while (end < n && ALNUM[t.charCodeAt(end)] === 1) end++;
    for (let p = start; p < end; p++) {
      if (!mayStartAt(t, p) || !mayStartHere(catalog, starts, t, p)) continue;
      // The candidate from p: the rest of this run, then up to two more runs joined by one separator.
      let joined = t.slice(p, end);
      let runEnd = end;
      for (let j = 0; ; j++) {
        const hit = codeAtStart(catalog, joined);
        if (hit) (found ??= []).push(hit);
        if (j + 1 >= MAX_JOINED || runEnd + 1 >= n || !JOINERS.has(t.charCodeAt(runEnd)) || ALNUM[t.charCodeAt(runEnd + 1)] !== 1) break;
        const next = runEnd + 1;
        runEnd = next;
        while (runEnd < n && ALNUM[t.charCodeAt(runEnd)] === 1) runEnd++;
        joined += t.slice(next, runEnd);
      }
    }
    start = end;
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

// Characters that copy-and-paste and word processors put inside codes without showing them.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
// Dash punctuation of every kind, and the minus sign, which NFKC does not fold.
const DASHES = /[\p{Pd}\u2212]/gu;

/** Upper case, full-width folded, invisible characters removed, dashes as "-", look-alike capitals as Latin. */
function readable(text: string): string {
  // Most cells are ASCII, where none of that changes anything but the case.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/u.test(text)) return text.toUpperCase();
  const t = text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').toUpperCase();
  let out = '';
  for (const c of t) out += LOOKALIKES[c] ?? c;
  return out;
}

// ASCII letters (either case) and digits; a non-ASCII code reads as undefined, which is not 1.
const ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ALNUM[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
