import { describe, expect, it } from 'vitest';
import { acknowledger } from '../../src/core/acknowledge.js';
import type { Reason } from '../../src/core/result.js';
import { reasonMessage } from '../../src/core/messages.js';
import { buildCatalog, lazyCatalog } from '../../src/core/catalog.js';
import { check } from '../../src/core/match.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const codes = (r: { reasons: readonly { code: string }[] }) => r.reasons.map((x) => x.code);

const unpublished = definition({
  id: 'us-unpublished',
  products: [product({ serialRules: [sourced({ rule: 'never-contains' as const, characters: ['O', 'I'] })] })],
});
const ranges = definition({
  id: 'au-ranges',
  jurisdictions: sourced(['AU']),
  products: [
    product({
      model: 'A3102',
      skus: sourced(['A3102016']),
      scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'ACCJRU1D16400841', last: 'ACCJRU1D16400960' }, { first: 'ACCJRU1D10309381', last: 'ACCJRU1D10309580' }] }),
      serialRules: [sourced({ rule: 'length' as const, length: 16, excludesOtherwise: true })],
    }),
  ],
});
const allUnits = definition({
  id: 'cable',
  jurisdictions: sourced(['WORLDWIDE']),
  products: [product({ model: 'A8185011', scope: sourced({ kind: 'all-units' as const }) })],
});
const catalog = buildCatalog([unpublished, ranges, allUnits]);

describe('check: model lookup', () => {
  it('matches the exact model only: no prefix matching', () => {
    expect(check(catalog, { model: 'A1263' }).status).toBe('verify');
    for (const model of ['A12630', 'A126', 'A126301', 'A12630111']) {
      const r = check(catalog, { model });
      expect(r.status).toBe('no-recall');
      expect(r.matches).toEqual([]);
    }
  });

  it('finds short models, and SKUs that do not start like their model, in both catalogs', () => {
    const defs = [
      definition({ id: 'short', products: [product({ model: 'X9' })] }),
      definition({ id: 'sku', products: [product({ model: 'A1263', skus: sourced(['B1263016']) })] }),
    ];
    const codes = defs.map((d) => Object.fromEntries(d.products.flatMap((p) => [[p.model, p.model], ...(p.skus?.value ?? []).map((s) => [s, p.model])])));
    for (const cat of [buildCatalog(defs), lazyCatalog(codes, (i) => defs[i]!)]) {
      expect(cat.lookup('X9').map((e) => e.recall.id)).toEqual(['short']);
      expect(cat.lookup('B1263016').map((e) => [e.recall.id, e.viaSku])).toEqual([['sku', 'B1263016']]);
      for (const miss of ['X', 'X99', 'A1264', 'B1263', 'A12']) expect(cat.lookup(miss), miss).toEqual([]);
      expect(cat.similar('A12630')).toEqual(['A1263']);
      expect(cat.similar('A1264')).toEqual([]);
    }
  });

  it('hints at similar recalled models without matching them', () => {
    const r = check(catalog, { model: 'A12630' });
    expect(r.reasons).toContainEqual({ code: 'similar-models', models: ['A1263'] });
  });

  it('says plainly that no-recall is not a clearance', () => {
    expect(codes(check(catalog, { model: 'A9999', serial: '123' }))).toEqual(['model-not-in-data']);
  });

  it('matches a SKU form only where a definition declares it', () => {
    const r = check(catalog, { model: 'A3102016' });
    expect(r.matches.map((m) => m.recallId)).toEqual(['au-ranges']);
    expect(r.reasons).toContainEqual({ code: 'model-matched-sku', sku: 'A3102016', model: 'A3102' });
  });

  it('an undeclared SKU form (the model and three characters) is a possible SKU: verify, never affected', () => {
    for (const [model, sku] of [['A1263016', 'A1263016'], ['A8185011001', 'A8185011001'], ['a1263-0v1', 'A12630V1']] as const) {
      const r = check(catalog, { model, serial: 'A1B2' });
      expect(r.status, model).toBe('verify');
      expect(r.reasons[0]).toEqual({ code: 'possible-sku', sku, model: sku.slice(0, sku.length - 3) });
      expect(r.matches.every((m) => m.status === 'verify')).toBe(true);
    }
  });

  it('a declared SKU finds every recall of its model, not only the declaring one', () => {
    const jp = definition({ id: 'jp', jurisdictions: sourced(['JP']), products: [product({ skus: sourced(['A1263016']) })] });
    const us = definition({ id: 'us', products: [product({})] });
    const r = check(buildCatalog([jp, us]), { model: 'A1263016', serial: 'A1B2', country: 'US' });
    expect(r.matches.map((m) => [m.recallId, m.status])).toEqual([['jp', 'not-affected'], ['us', 'verify']]);
    expect(r.status).toBe('verify');
  });

  it('reads a Cyrillic look-alike model as the recalled one but only ever says verify', () => {
    const r = check(catalog, { model: '\u04108185011' });
    expect(r.status).toBe('verify');
    expect(r.reasons[0]).toEqual({ code: 'model-non-ascii', characters: ['\u0410'], suggestion: 'A8185011' });
  });
});

describe('check: unit scope', () => {
  it('all-units recalls are affected whatever the serial', () => {
    for (const serial of [undefined, '', 'garbage!', '1.23457E+15']) {
      const r = check(catalog, { model: 'A8185011', serial });
      expect(r.status).toBe('affected');
      expect(codes(r)).toEqual(['all-units']);
    }
  });

  it('unpublished serial rules give verify', () => {
    expect(codes(check(catalog, { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8' }))).toEqual(['serial-rules-unpublished']);
  });

  it('a missing or blank serial gives verify, never a verdict', () => {
    expect(codes(check(catalog, { model: 'A1263' }))).toEqual(['serial-missing']);
    expect(codes(check(catalog, { model: 'A3102', serial: '   ' }))).toEqual(['serial-missing']);
  });

  it('a serial in a published range is affected; outside, not-affected', () => {
    expect(check(catalog, { model: 'A3102', serial: 'ACCJRU1D16400841' }).status).toBe('affected');
    expect(check(catalog, { model: 'A3102', serial: 'ACCJRU1D16400960' }).status).toBe('affected');
    expect(check(catalog, { model: 'A3102', serial: 'accjru1d 1030-9500' }).status).toBe('affected');
    const out = check(catalog, { model: 'A3102', serial: 'ACCJRU1D16400961' });
    expect(out.status).toBe('not-affected');
    expect(codes(out)).toEqual(['serial-outside-published-ranges']);
  });

  it('letters O and I give verify with the probable reading', () => {
    const r = check(catalog, { model: 'A1263', serial: 'AO1B2C3D4E5F6GI8' });
    expect(r.status).toBe('verify');
    expect(r.reasons).toEqual([{ code: 'serial-excluded-characters', characters: ['O', 'I'], suggestion: 'A01B2C3D4E5F6G18' }]);
  });

  it.each([
    ['spreadsheet notation', '1.23457E+15', 'serial-spreadsheet-mangled'],
    ['Cyrillic look-alike', '\u0410CCJRU1D16400900', 'serial-non-ascii'],
    ['truncated', 'ACCJRU1D1640096', 'serial-too-short'],
    ['punctuation', 'ACCJRU1D164009*0', 'serial-invalid-characters'],
  ])('a %s serial never gives not-affected, even outside the ranges', (_, serial, code) => {
    const r = check(catalog, { model: 'A3102', serial });
    expect(r.status).toBe('verify');
    expect(codes(r)).toContain(code);
  });

  it('a serial longer than a sourced exclusive length rule is verify, never not-affected, with the source\'s words', () => {
    const r = check(catalog, { model: 'A3102', serial: 'ACCJRU1D164009001' });
    expect(r.status).toBe('verify');
    expect(r.reasons).toEqual([{ code: 'serial-wrong-length', expected: 16, actual: 17, excludes: true }]);
    expect(reasonMessage(r.reasons[0]!)).toMatch(/a unit whose serial is not 16 characters long is not in this recall/u);
  });

  it.each([
    ['joined', 'ACCJRU1D16400900ACCJRU1D16400901', /32 characters; this recall's serials have 16: 2 serials joined\?/u],
    ['joined with a space', 'ACCJRU1D16400900 ACCJRU1D16400901', /2 serials joined\?/u],
    ['with a note after it', 'ACCJRU1D16400700 refurb', /more than one serial, or a note typed after it\?/u],
    ['a recalled serial inside', 'XACCJRU1D16400900', /17 characters/u],
  ])('a serial %s is verify, never not-affected', (_, serial, message) => {
    const r = check(catalog, { model: 'A3102', serial });
    expect(r.status).toBe('verify');
    expect(r.reasons.map(reasonMessage).join(' ')).toMatch(message);
  });
});

describe('check: jurisdiction', () => {
  it('a recall for units sold elsewhere does not apply; recalled only elsewhere means verify, not a clearance', () => {
    const r = check(catalog, { model: 'A3102', serial: 'ACCJRU1D16400900', country: 'US' });
    expect(r.matches.map((m) => [m.recallId, m.status, m.reasons])).toEqual([
      ['au-ranges', 'not-affected', [{ code: 'outside-jurisdiction', country: 'US', jurisdictions: ['AU'] }]],
    ]);
    expect(r.status).toBe('verify');
    expect(r.reasons).toEqual([{ code: 'recalled-elsewhere', country: 'US', jurisdictions: ['AU'] }]);
  });

  it('WORLDWIDE covers every country', () => {
    expect(check(catalog, { model: 'A8185011', country: 'JP' }).status).toBe('affected');
  });

  it('reports every recall of a model when no country is given, the worst status winning', () => {
    const us = definition({ id: 'us', products: [product({ model: 'A3102' })] });
    const both = buildCatalog([us, ranges]);
    const r = check(both, { model: 'A3102', serial: 'ACCJRU1D16400999' });
    expect(r.matches.map((m) => [m.recallId, m.status])).toEqual([
      ['us', 'verify'],
      ['au-ranges', 'not-affected'],
    ]);
    expect(r.status).toBe('verify');
    expect(check(both, { model: 'A3102', serial: 'ACCJRU1D16400900' }).status).toBe('affected');
  });
});

describe('check: results that share parts', () => {
  const us = definition({ id: 'us', products: [product({ model: 'A1263' })] });
  const global = definition({ id: 'global', jurisdictions: sourced(['WORLDWIDE']), products: [product({ model: 'A1263' })] });
  const both = buildCatalog([us, global]);

  it('a reason two recalls give is stated once; different reasons are all kept', () => {
    const r = check(both, { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8' });
    expect(r.matches.map((m) => m.recallId)).toEqual(['us', 'global']);
    expect(codes(r)).toEqual(['serial-rules-unpublished']);
    const jp = check(both, { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'JP' });
    expect(jp.matches.map((m) => [m.recallId, m.status])).toEqual([['us', 'not-affected'], ['global', 'verify']]);
    expect(codes(jp)).toEqual(['serial-rules-unpublished']);
  });

  it('a match that does not depend on the serial is one frozen object, so one row cannot alter another', () => {
    const a = check(both, { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'JP' });
    const b = check(both, { model: 'A1263', serial: 'A9Z8Y7X6W5V4U3T2', country: 'JP' });
    expect(b.matches[0]).toBe(a.matches[0]);
    expect(Object.isFrozen(a.matches[0])).toBe(true);
    expect(() => (a.matches[0]!.reasons as Reason[]).push({ code: 'serial-missing' })).toThrow(TypeError);
    expect(b.matches[0]!.reasons).toEqual([{ code: 'outside-jurisdiction', country: 'JP', jurisdictions: ['US'] }]);
    // Freezing what is shared never freezes the recall data it was made from.
    expect(Object.isFrozen(us.jurisdictions.value)).toBe(false);
    expect(Object.keys(a)).toEqual(['model', 'serial', 'country', 'status', 'reasons', 'matches']);
    // Acknowledging one is a new result: it leaves both as they were.
    const acked = acknowledger([{ model: 'A1263', reason: 'returned' }], '2026-01-01').apply(b);
    expect(acked.acknowledged).toEqual({ reason: 'returned' });
    expect([a.acknowledged, b.acknowledged]).toEqual([undefined, undefined]);
  });
});

describe('whereToVerify', () => {
  it('is the checker, else the official notice cited for the recall, else nothing', async () => {
    const { whereToVerify } = await import('../../src/core/where-to-verify.js');
    expect(whereToVerify(definition())).toEqual({ url: 'https://example.com/check', kind: 'checker' });
    const { checkerUrl: _, ...noChecker } = definition();
    expect(whereToVerify(noChecker)).toEqual({ url: 'https://example.com/notice', kind: 'official-notice' });
    // An official page cited only for some other fact is not this recall's notice.
    const elsewhere = {
      ...noChecker,
      title: { value: 'T', refs: ['press'], confidence: 'high' as const },
      authority: { value: 'A', refs: ['press'], confidence: 'high' as const },
      references: [...noChecker.references, { id: 'press', url: 'https://example.com/press', title: 'P', publisher: 'P', official: false }],
    };
    expect(whereToVerify(elsewhere)).toBeUndefined();
  });
});

describe('ranges without a length rule', () => {
  it('two serials joined by removing a space are not "outside the ranges"', () => {
    const bare = definition({ id: 'r', products: [product({ model: 'X1', scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'A100', last: 'A199' }] }) })] });
    const cat = buildCatalog([bare]);
    expect(check(cat, { model: 'X1', serial: 'A150 A151' }).status).toBe('verify');
    expect(check(cat, { model: 'X1', serial: 'A150' }).status).toBe('affected');
    expect(check(cat, { model: 'X1', serial: 'A250' }).status).toBe('not-affected');
    expect(check(cat, { model: 'X1', serial: 'A2 50' }).status).toBe('not-affected');
  });
});

