import { describe, expect, it } from 'vitest';
import { validateDefinitions } from '../../src/data/validate.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const problems = (...docs: object[]) =>
  validateDefinitions(docs.map((value, i) => ({ file: `d${i}.json`, value }))).map((p) => `${p.file} ${p.path}: ${p.message}`);

describe('semantic checks (data validate)', () => {
  it('pass a sound definition', () => {
    expect(problems(definition())).toEqual([]);
  });

  it('duplicate ids across files', () => {
    expect(problems(definition(), definition())).toEqual(['d1.json $.id: duplicate recall id "test-recall", also used by d0.json']);
  });

  it('a range with start after end, or bounds of different lengths', () => {
    const d = definition({
      products: [product({ scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'A9', last: 'A1' }, { first: 'A10', last: 'A100' }] }) })],
    });
    expect(problems(d)).toEqual([
      'd0.json $.products[0].scope.value.ranges[0]: range start A9 is after its end A1',
      'd0.json $.products[0].scope.value.ranges[1]: range bounds have different lengths (3 and 4)',
    ]);
  });

  it('overlapping ranges in one product', () => {
    const d = definition({
      products: [product({ scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'A100', last: 'A200' }, { first: 'A150', last: 'A300' }, { first: 'A301', last: 'A400' }] }) })],
    });
    expect(problems(d)).toEqual(['d0.json $.products[0].scope.value.ranges[1]: range A150 to A300 overlaps A100 to A200']);
  });

  it('a model declared twice in one definition', () => {
    expect(problems(definition({ products: [product({}), product({})] }))).toEqual([
      'd0.json $.products[1].model: model A1263 is declared twice in this definition (also products[0]): merge them',
    ]);
  });

  it('a model declared twice for one jurisdiction in one recall group, with conflicting rules', () => {
    const a = definition({ id: 'a', group: 'g' });
    const b = definition({ id: 'b', group: 'g', products: [product({ scope: sourced({ kind: 'all-units' as const }) })] });
    expect(problems(a, b)).toEqual(['d1.json $.products[0]: model A1263 in US is also declared by a (same group "g") with different unit-scope rules']);
    expect(problems(a, definition({ id: 'c', group: 'g' }))).toEqual([]);
  });

  it('a fact without a reference, and a reference no fact uses', () => {
    const d = definition({
      hazard: { value: 'Hot.', refs: [], confidence: 'high' },
      references: [...definition().references, { id: 'spare', url: 'https://example.com/spare', title: 'Spare', publisher: 'X', official: false }],
    });
    expect(problems(d)).toEqual(['d0.json $.hazard.refs: a fact needs at least one reference id (see "references")']);
    const unused = definition({ references: [...definition().references, { id: 'spare', url: 'https://example.com/spare', title: 'Spare', publisher: 'X', official: false }] });
    expect(problems(unused)).toEqual(['d0.json $.references[1]: reference "spare" is not used by any fact: cite it or remove it']);
  });

  it('dates out of order: windows backwards, sold before made, announced before sold', () => {
    expect(problems(definition({ manufactured: sourced({ from: '2020-05', to: '2020-01' }) }))).toEqual([
      'd0.json $.manufactured: manufacture window ends (2020-01) before it starts (2020-05)',
      'd0.json $.products[0].manufactured: manufacture window ends (2020-01) before it starts (2020-05)',
    ]);
    const soldFirst = definition({ manufactured: sourced({ from: '2021-01', to: '2021-12' }), sold: sourced({ from: '2020-06', to: '2022-01' }) });
    expect(problems(soldFirst)).toContain('d0.json $.sold: units were sold (2020-06) before they were made (2021-01)');
    const early = definition({ announced: sourced('2019-01-01'), sold: sourced({ from: '2020-01-01', to: '2021-01-01' }) });
    expect(problems(early)).toContain('d0.json $.announced: the recall was announced (2019-01-01) before the units were sold (2020-01-01)');
    // Same month at different precision is not "before".
    expect(problems(definition({ announced: sourced('2023-03'), sold: sourced({ from: '2023-03-15', to: '2023-10' }) }))).toEqual([]);
  });

  it('lists every problem, not only the first', () => {
    const bad = definition({ products: [product({}), product({})], references: [...definition().references, { id: 'x', url: 'https://e.com', title: 't', publisher: 'p', official: false }] });
    expect(problems(bad, definition())).toHaveLength(3);
  });
});

describe('SKUs and jurisdictions', () => {
  it('a SKU declared for two models, or equal to another model, is refused', () => {
    const a = definition({ id: 'a', products: [product({ skus: sourced(['A1263016']) })] });
    const b = definition({ id: 'b', products: [product({ model: 'A3102', skus: sourced(['A1263016', 'A1263']) })] });
    expect(problems(a, b)).toEqual([
      'd1.json $.products[0].skus.value[0]: SKU A1263016 is declared for model A3102 here and for model A1263 in d0.json',
      'd1.json $.products[0].skus.value[1]: SKU A1263 of model A3102 is also the model code of another product',
    ]);
  });
  it('"UK" and "EU" are not jurisdictions', () => {
    expect(problems(definition({ jurisdictions: sourced(['UK', 'EU']) }))).toEqual([
      'd0.json $.jurisdictions.value[0]: the United Kingdom is GB in ISO 3166-1',
      'd0.json $.jurisdictions.value[1]: list the countries of the EU the recall covers, one code each',
    ]);
  });
});

describe('ranges against the product\'s own serial rules', () => {
  it('a range that breaks a length, prefix or never-contains rule is refused', () => {
    const d = definition({
      products: [product({
        scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'B100', last: 'B199' }, { first: 'AO10', last: 'AO19' }] }),
        serialRules: [sourced({ rule: 'length' as const, length: 4, excludesOtherwise: true }), sourced({ rule: 'prefix' as const, prefix: 'A', excludesOtherwise: true }), sourced({ rule: 'never-contains' as const, characters: ['O'] })],
      })],
    });
    expect(problems(d)).toEqual([
      'd0.json $.products[0].scope.value.ranges[0]: range B100 to B199 breaks the product\'s "A" prefix rule',
      'd0.json $.products[0].scope.value.ranges[1]: range AO10 to AO19 contains a character the product\'s serials never use',
    ]);
  });

  it('a range whose end alone breaks a rule is refused too', () => {
    const d = definition({
      products: [product({
        scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'A100', last: 'A199' }] }),
        serialRules: [sourced({ rule: 'prefix' as const, prefix: 'A10', excludesOtherwise: true }), sourced({ rule: 'never-contains' as const, characters: ['9'] })],
      })],
    });
    expect(problems(d)).toEqual([
      'd0.json $.products[0].scope.value.ranges[0]: range A100 to A199 breaks the product\'s "A10" prefix rule',
      'd0.json $.products[0].scope.value.ranges[0]: range A100 to A199 contains a character the product\'s serials never use',
    ]);
  });
});
