/**
 * Model codes misread on the label or in a listing: "PB2030M1" for PB2030MI, "BPDOO5" for BPD005.
 * Letters and digits people read for one another are folded to one character, and a model whose
 * folded form is a recalled code's is that code, misread (verify, never no-recall).
 */
import type { Catalog } from './catalog.js';
import { perCatalog } from './per-catalog.js';

// Read for one another on a label: O, Q, D and 0; I, L and 1; S and 5; B and 8; Z and 2; G and 6.
const FOLD: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };

export function fold(code: string): string {
  let out = '';
  for (const c of code) out += FOLD[c] ?? c;
  return out;
}

interface Index {
  byFolded: Map<string, string[]>;
  /** Folded first three characters of every code, as numbers: most models are turned away here. */
  heads: Set<number>;
  short: boolean;
}

/** The catalog's codes folded, and their heads. */
const indexOf = perCatalog((catalog): Index => {
  const index: Index = { byFolded: new Map(), heads: new Set(), short: false };
  for (const c of catalog.codes) {
    const f = fold(c);
    const list = index.byFolded.get(f);
    if (list) list.push(c);
    else index.byFolded.set(f, [c]);
    if (f.length < 3) index.short = true;
    else index.heads.add(head(f));
  }
  return index;
});

// FOLD by character code, so that a head is read without making a string.
const FOLD_CODE = new Uint16Array(128).map((_, c) => FOLD[String.fromCharCode(c)]?.charCodeAt(0) ?? c);
const foldedCode = (c: number) => (c < 128 ? FOLD_CODE[c]! : c);
function head(code: string): number {
  return foldedCode(code.charCodeAt(0)) * 961 + foldedCode(code.charCodeAt(1)) * 31 + foldedCode(code.charCodeAt(2));
}

/** The recalled codes `code` (upper-case letters and digits, not itself a code) may be a misreading of. */
export function misreadCodes(catalog: Catalog, code: string): readonly string[] {
  const index = indexOf(catalog);
  if (code.length < 3 ? !index.short : !index.heads.has(head(code))) return NONE;
  const found = index.byFolded.get(fold(code));
  return found ? found.filter((c) => c !== code) : NONE;
}

const NONE: readonly string[] = Object.freeze([]);
