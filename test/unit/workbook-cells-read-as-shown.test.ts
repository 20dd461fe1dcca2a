/** Workbook cells are read as the text the sheet shows (src/batch/cell-text.ts): what a CSV saved from the sheet would hold. */
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/batch/cell-text.js';

describe('a cell is read as the sheet shows it', () => {
  it.each([
    ['a string', 'A1366', undefined, 'A1366'],
    ['a whole number in General', 12345, undefined, '12345'],
    ['a float in General, without binary noise', 0.1 + 0.2, 'General', '0.3'],
    ['format 0', 42.4, '0', '42'],
    ['format 0.00', 3.14159, '0.00', '3.14'],
    ['text format @', 123, '@', '123'],
    ['leading zeros kept by 00000', 42, '00000', '00042'],
    ['a date in its own format', new Date(Date.UTC(2026, 2, 15)), 'yyyy-mm-dd', '2026-03-15'],
    ['a date in a US format', new Date(Date.UTC(2026, 2, 15)), 'm/d/yy', '3/15/26'],
    ['true', true, undefined, 'TRUE'],
    ['false', false, undefined, 'FALSE'],
    ['rich text, concatenated', { richText: [{ text: 'A13' }, { text: '66' }] }, undefined, 'A1366'],
    ['an error value', { error: '#N/A' }, undefined, '#N/A'],
    ['a formula: its cached string result', { formula: 'CONCATENATE("A","1366")', result: 'A1366' }, undefined, 'A1366'],
    ['a formula: its cached number result, formatted', { formula: 'A1*1', result: 42 }, '00000', '00042'],
    ['a formula whose cached result is an error (exceljs reads it as NaN)', { formula: 'VLOOKUP(1,A:A,2,0)', result: Number.NaN }, undefined, '#N/A'],
    ['a formula with no cached result', { formula: 'A1' }, undefined, ''],
    ['an empty cell', null, undefined, ''],
    ['a value of a shape not known: unreadable (U+FFFD), never "[object Object]"', { sharedString: 3 }, undefined, '\uFFFD'],
  ])('%s', (_label, value, numFmt, shown) => {
    expect(cellText(value, numFmt)).toBe(shown);
  });
});

describe('a number that has lost digits reads as Excel shows it in General: scientific, which the serial rules report', () => {
  it('a 16-digit serial stored as a number in General', () => {
    expect(cellText(1234567890123456, undefined)).toBe('1.23457E+15');
  });
  it('also under a format that would print its digits (the digits after the 15th are already zeros or wrong)', () => {
    expect(cellText(1234567890123456, '0')).toBe('1.23457E+15');
    expect(cellText(1234567890123450000, '0')).toBe('1.23457E+18');
    expect(cellText(1234567890123456, '@')).toBe('1.23457E+15');
  });
  it('a 15-digit number is exact, and keeps its digits', () => {
    expect(cellText(123456789012345, '0')).toBe('123456789012345');
  });
});
