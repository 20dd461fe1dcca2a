import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryTable, normaliseCountry } from '../../src/core/country.js';
import { normaliseModel, normaliseSerial } from '../../src/core/normalise.js';

describe('normaliseModel', () => {
  it.each([
    ['A1263', 'A1263', []],
    ['a1263', 'A1263', ['upper-cased']],
    ['a-1263', 'A1263', ['upper-cased', 'removed-dashes']],
    [' A 1263 ', 'A1263', ['removed-spaces']],
    ['Ａ１２６３', 'A1263', ['unicode-normalised']],
    ['A\u20131263', 'A1263', ['removed-dashes']],
    ['Model: A1263', 'A1263', ['upper-cased', 'removed-prefix']],
  ])('%j → %s', (raw, value, changes) => {
    const n = normaliseModel(raw);
    expect(n.value).toBe(value);
    expect(n.changes.map((c) => c.code)).toEqual(changes);
    expect(n.suspicions).toEqual([]);
  });

  it('flags a Cyrillic look-alike and offers the ASCII reading', () => {
    const n = normaliseModel('\u04101263');
    expect(n.value).toBe('\u04101263');
    expect(n.suspicions).toEqual([{ code: 'non-ascii', characters: ['\u0410'], asciiGuess: 'A1263' }]);
  });

  it('is idempotent', () => {
    for (const raw of ['a-1263', 'Ａ１２６３', ' model: a 12-63 ']) {
      const once = normaliseModel(raw).value;
      expect(normaliseModel(once).value).toBe(once);
    }
  });
});

describe('normaliseSerial', () => {
  it.each([
    ['SN: a1b2 c3d4', 'A1B2C3D4'],
    ['S/N A1B2C3D4', 'A1B2C3D4'],
    ['S/NA1B2C3D4', 'A1B2C3D4'],
    ['sn a1b2-c3d4', 'A1B2C3D4'],
    ['Serial No.: A1B2', 'A1B2'],
    ['Serial number A1B2', 'A1B2'],
    ['SN#A1B2', 'A1B2'],
    ['A1B2\u200BC3D4', 'A1B2C3D4'],
    ['\u00A0A1B2 C3D4\u00A0', 'A1B2C3D4'],
  ])('%j → %s', (raw, value) => {
    expect(normaliseSerial(raw).value).toBe(value);
  });

  it('does not strip "SN" that is glued to the serial (it could be part of it)', () => {
    expect(normaliseSerial('SNA1B2').value).toBe('SNA1B2');
  });

  it('records what it changed', () => {
    expect(normaliseSerial('SN: a1b2 c3d4').changes).toEqual([
      { code: 'upper-cased' },
      { code: 'removed-prefix', detail: 'SN:' },
      { code: 'removed-spaces' },
    ]);
  });

  it.each(['1.23457E+15', '1,23457E+15', '#N/A', '12345.0', '4.5e+15'])('flags %j as spreadsheet-mangled', (raw) => {
    expect(normaliseSerial(raw).suspicions.map((s) => s.code)).toEqual(['spreadsheet-mangled']);
  });

  it('flags characters that are not letters or digits', () => {
    expect(normaliseSerial('A1B2*C3').suspicions).toEqual([{ code: 'invalid-characters', characters: ['*'] }]);
  });

  it('flags non-ASCII look-alikes with a guess, and other non-ASCII without one', () => {
    expect(normaliseSerial('\u0410CCJRU1D16400900').suspicions).toEqual([
      { code: 'non-ascii', characters: ['\u0410'], asciiGuess: 'ACCJRU1D16400900' },
    ]);
    expect(normaliseSerial('A1B2€').suspicions).toEqual([{ code: 'non-ascii', characters: ['€'] }]);
  });
});

describe('normaliseCountry: countries as people and marketplaces write them', () => {
  it.each([
    ['us', 'US'], [' CA ', 'CA'], ['UK', 'GB'], ['gb', 'GB'],
    ['USA', 'US'], ['U.S.', 'US'], ['U.S.A.', 'US'], ['United States', 'US'], ['united states of america', 'US'],
    ['United Kingdom', 'GB'], ['Great Britain', 'GB'], ['GBR', 'GB'],
    ['Deutschland', 'DE'], ['Germany', 'DE'], ['DEU', 'DE'],
    ['日本', 'JP'], ['JPN', 'JP'], ['Japan', 'JP'], ['ＪＰ', 'JP'],
    ['中国', 'CN'], ['Australia', 'AU'], ['aus', 'AU'], ['Canada', 'CA'], ['Saudi Arabia', 'SA'], ['Côte d’Ivoire', 'CI'],
  ])('%j → %s', (raw, value) => expect(normaliseCountry(raw)).toBe(value));
  it.each(['ZZ', 'Narnia', '1', '', 'EU', 'WORLDWIDE', 'toString', '__proto__'])('%j is no country', (raw) => expect(normaliseCountry(raw)).toBeUndefined());
});

describe('the country-name table', () => {
  it('is what i18n-iso-countries gives today (run npm run countries:build after upgrading it)', async () => {
    const { countryNameTable, countryNamesModule } = await import('../../scripts/country-table.js');
    const table = countryNameTable();
    expect(readFileSync(join(import.meta.dirname, '../../src/core/country-names.ts'), 'utf8')).toBe(countryNamesModule(table));
    expect(Object.fromEntries(countryTable())).toEqual(table);
  });
});

describe('regressions found by the property tests', () => {
  it('upper-casing can undo NFKC (ῧ → Ϋ͂): normalising again changes nothing', () => {
    const once = normaliseSerial('\u1fe7x').value;
    expect(normaliseSerial(once).value).toBe(once);
    expect(once).toBe(once.normalize('NFKC'));
  });
  it('removing spaces can reveal a prefix ("S N: A1B2"): it is removed too', () => {
    expect(normaliseSerial('SN: SN: A1B2').value).toBe('A1B2');
    expect(normaliseSerial('S N: A1B2').value).toBe('A1B2');
  });
});

