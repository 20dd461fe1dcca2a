/**
 * The rule of the "never miss a recalled unit" work, as properties over the bundled data: a
 * recalled model code that appears in a row, however it is decorated, is never answered
 * no-recall or not-affected; a value with a published-range serial inside it is never
 * not-affected. And the code finder's own boundaries, as examples.
 */
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRows, type RowInput } from '../../src/batch/run.js';
import { buildCatalog } from '../../src/core/catalog.js';
import { findCodes } from '../../src/core/find-codes.js';
import { check } from '../../src/core/match.js';
import { loadRecallData, type RecallData } from '../../src/recall-data.js';
import { definition, product, publishedRange, sourced } from '../helpers/definitions.js';
import { configureProperties } from '../helpers/property.js';

configureProperties();

let data: RecallData;
let codes: string[];
beforeAll(async () => {
  data = await loadRecallData();
  codes = [...new Set(data.manifest.files.flatMap((f) => Object.keys(f.codes ?? {})))].sort();
});

const FULLWIDTH = (s: string) => [...s].map((c) => (/[A-Za-z0-9]/u.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

/** A code as people and marketplaces write it: brand words, brackets, suffixes, case, width. */
const decorated = (code: string) =>
  fc
    .tuple(
      fc.constantFrom('', 'Anker ', 'Soundcore ', 'Belkin ', 'Power Bank ', 'ANKER-', 'AK-', '(', 'Model: ', 'NEW ', '2x ', 'ANKER', 'AK', 'SKU', 'Refurb', '2x', 'PC10K–'),
      fc.constantFrom('as-is', 'lower', 'fullwidth'),
      fc.constantFrom('', ' (black)', '-BLK', '_RED', ' white', ')', 'BK', 'W', ' 20000mAh', '/US', '.', ' used'),
      // The fact sheet's full-SKU form: the model and three characters, declared nowhere.
      fc.option(fc.stringMatching(/^[0-9A-Z]{3}$/u), { nil: undefined }),
      fc.option(fc.constantFrom('\u00AD', '\u200B', '\u2060', '\uFEFF'), { nil: undefined }),
    )
    .map(([before, form, after, sku, invisible]) => {
      let body = sku === undefined ? code : code + sku;
      // An invisible character or a soft hyphen pasted inside the code.
      if (invisible !== undefined) body = body.slice(0, 1) + invisible + body.slice(1);
      if (form === 'lower') body = body.toLowerCase();
      if (form === 'fullwidth') body = FULLWIDTH(body);
      return `${before}${body}${after}`;
    });

const inAnyCode = fc.integer({ min: 0, max: 10_000 }).map((i) => codes[i % codes.length]!);
const country = fc.option(fc.constantFrom('US', 'CA', 'JP', 'AU', 'GB', 'DE', 'CN', 'SA'), { nil: undefined });

async function statuses(rows: RowInput[]): Promise<string[]> {
  const out: string[] = [];
  for await (const r of checkRows(data, rows)) out.push(r.kind === 'checked' ? r.result.status : r.kind);
  return out;
}

describe('a recalled code in a row is never no-recall or not-affected', () => {
  test.prop([inAnyCode.chain((c) => fc.tuple(fc.constant(c), decorated(c))), country])('in the model cell', ([code, cell], sold) => {
    const r = check(data, { model: cell, serial: 'AB12', country: sold });
    expect(['affected', 'verify'], `${code} as ${JSON.stringify(cell)}`).toContain(r.status);
  });

  test.prop([inAnyCode.chain((c) => fc.tuple(fc.constant(c), decorated(c))), country])('only in a title column, beside a model cell naming no recall', async ([code, title], sold) => {
    const [status] = await statuses([{ model: 'ZQ0', serial: 'AB12', country: sold, otherText: [{ column: 'title', text: `Portable charger ${title} tested` }] }]);
    expect(['affected', 'verify'], `${code} in title ${JSON.stringify(title)}`).toContain(status);
  });

  test.prop([inAnyCode.chain((c) => fc.tuple(fc.constant(c), decorated(c)))])('in a batch file, in the model cell or the title', async ([code, text]) => {
    const [inModel, inTitle] = await statuses([
      { model: text },
      { model: 'ZQ0', otherText: [{ column: 'title', text }] },
    ]);
    expect([inModel, inTitle], `${code} as ${JSON.stringify(text)}`).toEqual([expect.stringMatching(/^(affected|verify)$/u), expect.stringMatching(/^(affected|verify)$/u)]);
  });
});

describe('a serial with a published-range serial inside it is never not-affected', () => {
  // A catalog where not-affected is reachable (one recall, published ranges, a length rule that
  // excludes otherwise), so that the property can fail; and the bundled data.
  const ranges = publishedRange('ranges');
  const strict = buildCatalog([ranges]);
  const member = fc.integer({ min: 841, max: 960 }).map((n) => `ACCJRU1D16400${String(n).padStart(3, '0')}`);
  const around = fc.tuple(fc.string({ unit: fc.constantFrom(...'ACJRU0123456789 -'), maxLength: 20 }), fc.string({ unit: fc.constantFrom(...'ACJRU0123456789 -'), maxLength: 20 })).filter(([a, b]) => (a + b).replace(/[ -]/gu, '') !== '');

  test.prop([member, around])('measured against one recall with a length rule', (serial, [before, after]) => {
    const typed = `${before}${serial}${after}`;
    expect(check(strict, { model: 'A3102', serial: typed, country: 'AU' }).status, typed).not.toBe('not-affected');
  });

  test.prop([member, around, country])('measured against the bundled data', (serial, [before, after], sold) => {
    expect(check(data, { model: 'A3102', serial: `${before}${serial}${after}`, country: sold }).status).not.toBe('not-affected');
  });

  it('the strict catalog can answer not-affected, so the property above can fail', () => {
    expect(check(strict, { model: 'A3102', serial: 'ACCJRU1D16400700', country: 'AU' }).status).toBe('not-affected');
  });
});

describe('findCodes: boundaries', () => {
  const catalog = buildCatalog([
    definition({ id: 'a', products: [product({ model: 'A1263' }), product({ model: 'BS30KP365' }), product({ model: 'RM5PBM', skus: sourced(['RM5PBM01']) })] }),
  ]);
  const found = (text: string) => findCodes(catalog, text).map((f) => `${f.kind}:${f.code}`);
  it.each([
    ['Anker PowerCore 10000 (A1263)', ['code:A1263']],
    ['A1263-BLK', ['code:A1263']],
    ['AK-A1263', ['code:A1263']],
    ['A1263BK', ['code:A1263']],
    ['a1263 white', ['code:A1263']],
    ['Baseus BS-30KP365 65W', ['code:BS30KP365']],
    ['RM5PBMBLK', ['code:RM5PBM']],
    ['RM5PBM01', ['code:RM5PBM01']],
    ['A1263011', ['possible-sku:A1263']],
    ['A12630V1', ['possible-sku:A1263']],
    ['A1263016BLK', ['possible-sku:A1263']],
    ['A1263 and BS30KP365', ['code:A1263', 'code:BS30KP365']],
    ['ANKERA1263', ['code:A1263']],
    ['SKUA1263-blk', ['code:A1263']],
    ['10000A1263', ['code:A1263']],
    ['A\u00AD1263', ['code:A1263']],
    ['A\u200B1263', ['code:A1263']],
    ['A–1263', ['code:A1263']],
    ['BS–30KP365', ['code:BS30KP365']],
  ])('%j → %j', (text, expected) => expect(found(text)).toEqual(expected));
  it.each(['A12630', 'A126', 'A126301', 'A12630111', 'B1263', '', 'USB-C cable', 'A 1263 ml', 'Galaxy A12 63W', '1A12630'])('%j names no code', (text) => expect(found(text)).toEqual([]));
});

describe('a recalled model misread on the label (letters and digits read for one another)', () => {
  it.each([['PB2030M1', 'PB2030MI'], ['BPDOO5', 'BPD005'], ['A1Z63', 'A1263'], ['AI263', 'A1263'], ['A3IO2', 'A3102']])('%s is %s misread: verify, never no-recall', (typed, model) => {
    const r = check(data, { model: typed });
    expect(r.status).toBe('verify');
    expect(r.reasons[0]).toEqual({ code: 'model-misread', read: typed, model });
  });
  it('digits are never folded into one another: A1336 is not A1366, A12630 not A1263', () => {
    for (const model of ['A1336', 'A12630', 'A9999']) expect(check(data, { model }).status, model).toBe('no-recall');
  });
  test.prop([inAnyCode])('every recalled code with its letters misread as digits is never no-recall', (code) => {
    const misread = code.replace(/[OIBSZ]/gu, (c) => ({ O: '0', I: '1', B: '8', S: '5', Z: '2' })[c]!);
    fc.pre(misread !== code);
    expect(check(data, { model: misread }).status, misread).not.toBe('no-recall');
  });
});
