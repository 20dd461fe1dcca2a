import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { inRange, rangeProblem } from '../../src/core/serial-range.js';
import { configureProperties } from '../helpers/property.js';

configureProperties();

describe('inRange', () => {
  const first = 'ACCJRU1D16400841';
  const last = 'ACCJRU1D16400960';
  it.each([
    ['ACCJRU1D16400841', true],
    ['ACCJRU1D16400900', true],
    ['ACCJRU1D16400960', true],
    ['ACCJRU1D16400840', false],
    ['ACCJRU1D16400961', false],
    // Lexicographically between the bounds, but not a serial of the range.
    ['ACCJRU1D164008Z1', false],
    ['ACCJRU1D16400A00', false],
    ['ACCJRU1D1640090', false],
    ['ACCJRU1D164009000', false],
    ['BCCJRU1D16400900', false],
  ])('%s → %s', (serial, expected) => expect(inRange(serial, first, last)).toBe(expected));
});

describe('rangeProblem', () => {
  it.each([
    ['ACCJRU1D16400841', 'ACCJRU1D16400960', undefined],
    ['A100', 'A1000', 'range bounds have different lengths (4 and 5)'],
    ['A1B0', 'A2A0', 'range bounds must differ only in trailing digits, so that membership is a numeric comparison'],
    ['A2', 'A1', 'range start A2 is after its end A1'],
  ])('%s–%s', (first, last, problem) => expect(rangeProblem(first, last)).toBe(problem));
});

describe('the validator and the matcher read a range alike', () => {
  // Few characters, so that bounds often share a prefix and tails mix letters and digits.
  const chars = fc.constantFrom(...'AB019'.split(''));
  const bounds = fc
    .tuple(fc.array(chars, { minLength: 1, maxLength: 6 }), fc.array(chars, { minLength: 1, maxLength: 6 }))
    .map(([a, b]) => ({ first: a.join(''), last: b.slice(0, a.length).join('').padEnd(a.length, '0') }));

  test.prop([bounds])('a range the data may hold holds its own bounds, and only serials between them', ({ first, last }) => {
    if (rangeProblem(first, last) !== undefined) return;
    expect(inRange(first, first, last)).toBe(true);
    expect(inRange(last, first, last)).toBe(true);
    // Every serial of the bounds' length that the check puts in the range lies between them.
    for (const serial of [first, last].flatMap((b) => [...b].map((_, i) => b.slice(0, i) + '5' + b.slice(i + 1)))) {
      if (inRange(serial, first, last)) expect(serial >= first && serial <= last).toBe(true);
    }
  });
});
