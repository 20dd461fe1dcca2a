/**
 * JSON.parse with the error's place as line and column, so a broken data or config file can be
 * named precisely. V8 reports a character position for some errors, and for others only a
 * snippet; then the place is found by bisecting prefixes of the text.
 */
import type { Problem } from '../core/errors.js';

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** A file that does not parse, as the problem to report: where, and what V8 said. */
export function jsonProblem(file: string, failed: Extract<JsonParse, { ok: false }>): Problem {
  return { file, line: failed.line, column: failed.column, message: `not valid JSON: ${failed.message}` };
}

const END = /Unexpected end of JSON input/u;

/**
 * The text without a leading byte-order mark. Windows editors save UTF-8 with one; it carries no
 * meaning, and JSON.parse would reject it as an invisible "unexpected token".
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses JSON text, read with or without a byte-order mark. */
export function parseJson(source: string): JsonParse {
  const text = withoutBom(source);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const message = raw.replace(/\s*in JSON at position \d+.*$/su, '').replace(/, .*is not valid JSON$/su, '');
    const lc = /line (\d+) column (\d+)/u.exec(raw);
    if (lc) return { ok: false, message, line: Number(lc[1]), column: Number(lc[2]) };
    const pos = /at position (\d+)/u.exec(raw);
    const at = pos ? Number(pos[1]) : END.test(raw) ? text.length : firstBadOffset(text);
    return { ok: false, message, ...lineColumn(text, at) };
  }
}

/**
 * The offset of the first character that makes the text invalid: a prefix that ends before it is
 * either valid or merely incomplete (V8 then complains about the end of the input), and every
 * longer prefix is invalid.
 */
function firstBadOffset(text: string): number {
  const invalid = (k: number) => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (e) {
      const raw = e instanceof Error ? e.message : String(e);
      if (END.test(raw)) return false;
      const pos = /at position (\d+)/u.exec(raw);
      return pos ? Number(pos[1]) < k : true;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (invalid(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
