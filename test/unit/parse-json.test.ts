import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/data/parse-json.js';

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it.each([
    ['{\n  "id": "x",\n  "oops"\n}', 4, 1],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['{\n  "a": 1,,\n}', 2, 10],
    ['{"a": tru}', 1, 10],
    ['[1, 2', 1, 6],
    ['', 1, 1],
  ])('names line and column for %j', (text, line, column) => {
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect([r.line, r.column]).toEqual([line, column]);
      expect(r.message).not.toMatch(/position|is not valid JSON/u);
    }
  });

  it('reads text saved with a UTF-8 byte-order mark, as Windows editors save it', () => {
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    // Only a leading mark is dropped: one inside a string is data.
    expect(parseJson('{"a":"\uFEFF"}')).toEqual({ ok: true, value: { a: '\uFEFF' } });
  });
});
