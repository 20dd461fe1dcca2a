/**
 * A guess at the encoding of text that is not UTF-8, for the message that says how to re-run.
 * chardet (statistical, no dependencies) is loaded only here, and this runs only when UTF-8
 * decoding has failed: a valid UTF-8 file never loads it.
 */
import { canonicalEncoding } from './encodings.js';

export interface EncodingHint {
  /** The likely encoding, canonical; undefined when the guess is too weak to name one. */
  readonly encoding: string | undefined;
  /** What to tell the user after "not UTF-8;", ending with the exact flag to re-run with. */
  readonly advice: string;
}

/** Below this confidence (chardet's 0–100) no single encoding is named. */
const WEAK = 20;
const SAMPLE = 64 * 1024;
const MIN_HIGH_BYTES = 4;

export const WEAK_ADVICE = 'its encoding is not clear: re-run with it named, for example --encoding windows-1252 or --encoding shift_jis';

/**
 * Code pages for Latin script, canonical (chardet's ISO-8859-1 and -9 are windows-1252 and -1254 to
 * WHATWG). Between them, chardet's statistics on a few accented words are noise (a Spanish
 * "Señor" in Windows-1252 scores as Romanian in Windows-1250, a German "Größe" as Baltic
 * Windows-1257), so Windows-1252, Excel's code page for Western Europe and the Americas, is named,
 * with the guess after it as the other possibility (unless a Western guess scores close to it). A Cyrillic, Greek, Hebrew or Arabic guess is
 * not noise of this kind: it is named as it is.
 */
const LATIN_MARGIN = 15;
const LATIN = /^(?:windows-125\d|iso-8859-\d+)$/iu;
const WESTERN = /^(?:windows-1252|iso-8859-1)$/iu;
const LATIN_SCRIPT = new Set(['windows-1250', 'windows-1252', 'windows-1254', 'windows-1257', 'windows-1258', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16']);

export async function guessEncoding(bytes: Uint8Array): Promise<EncodingHint> {
  const { analyse } = await import('chardet');
  const sample = bytes.subarray(0, SAMPLE);
  // With a byte or three outside ASCII (often a damaged UTF-8 file, not another encoding), chardet
  // still names a code page, confidently: there is nothing to tell code pages apart by.
  if (highBytes(sample, MIN_HIGH_BYTES) < MIN_HIGH_BYTES) return { encoding: undefined, advice: WEAK_ADVICE };
  const guesses = analyse(sample);
  // A Western guess close to the best Latin one is named by itself: the difference is noise.
  const best = guesses[0];
  const western = guesses.find((g) => WESTERN.test(g.name));
  if (best && western && LATIN.test(best.name) && western.confidence >= WEAK && best.confidence - western.confidence <= LATIN_MARGIN) guesses.unshift(western);
  for (const guess of guesses) {
    if (guess.confidence < WEAK) break;
    // UTF-8 has just failed; a guess of it (or of ASCII) says only that most of the bytes are ASCII.
    if (/^(?:utf-8|ascii)$/iu.test(guess.name)) continue;
    // ISO-8859-1 maps to windows-1252 (as WHATWG reads it), the same for every byte chardet saw.
    const encoding = canonicalEncoding(guess.name);
    if (encoding === undefined) continue;
    if (LATIN_SCRIPT.has(encoding) && encoding !== 'windows-1252') return { encoding: 'windows-1252', advice: `it looks like windows-1252 (or ${encoding}): re-run with --encoding windows-1252` };
    return { encoding, advice: `it looks like ${encoding}: re-run with --encoding ${encoding}` };
  }
  return { encoding: undefined, advice: WEAK_ADVICE };
}

function highBytes(bytes: Uint8Array, enough: number): number {
  let n = 0;
  for (let i = 0; i < bytes.length && n < enough; i++) if (bytes[i]! >= 0x80) n++;
  return n;
}
