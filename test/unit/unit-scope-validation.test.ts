import { describe, expect, it } from 'vitest';
import { RecallSchema } from '../../src/data/schema.js';
import { validateDefinitions } from '../../src/data/validate.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const v2 = (overrides: Parameters<typeof definition>[0] = {}) => definition({ schemaVersion: 2, ...overrides });
const problems = (...docs: object[]) =>
  validateDefinitions(docs.map((value, i) => ({ file: `d${i}.json`, value }))).map((p) => `${p.file} ${p.path}: ${p.message}`);
const schemaMessages = (value: unknown) => {
  const r = RecallSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const scoped = (scope: object, extra: object = {}) => v2({ products: [product({ scope: sourced(scope as never), ...extra })] });

describe('the new unit-scope kinds in the schema', () => {
  it('accepts each kind as data', () => {
    for (const scope of [
      { kind: 'serial-prefix', prefix: '57V', length: 14, where: 'on the back' },
      { kind: 'serial-list', serials: ['000G21', 'GK23081458'] },
      { kind: 'marking-list', marking: 'PO number', values: ['POPP001'], unmarked: 'recalled', otherValues: 'unstated' },
      { kind: 'serial-last-character', recalled: ['0', 'D'], othersExcluded: true },
      { kind: 'batch-and-date', batches: ['C14-P6/P7'], made: [{ from: '2023-06-05', to: '2023-07-28' }] },
    ]) expect(schemaMessages(scoped(scope)), scope.kind).toEqual([]);
  });

  it('refuses a pattern where a code is expected, and a last "character" of two', () => {
    expect(schemaMessages(scoped({ kind: 'serial-prefix', prefix: '57V.*' })).join()).toContain('upper-case ASCII letters and digits only');
    expect(schemaMessages(scoped({ kind: 'serial-list', serials: ['PO-PP001'] })).join()).toContain('PO-PP001 is POPP001');
    expect(schemaMessages(scoped({ kind: 'serial-last-character', recalled: ['0D'], othersExcluded: true })).join()).toContain('one upper-case ASCII letter or digit');
  });

  it('the new kinds, and absent facts, need schemaVersion 2', () => {
    expect(schemaMessages({ ...scoped({ kind: 'serial-list', serials: ['A1'] }), schemaVersion: 1 })).toEqual([
      'schemaVersion: this definition needs schemaVersion 2: it uses scope kind "serial-list"',
    ]);
    expect(schemaMessages(definition({ announced: undefined })).join()).toContain('an absent "announced"');
  });

  it('a warning has no remedies; a recall may leave them out where the sources are silent', () => {
    expect(schemaMessages(v2({ kind: 'warning' }))).toEqual(['remedies: a warning has no recall remedy: remove "remedies", or make this a recall']);
    expect(schemaMessages(v2({ kind: 'warning', remedies: undefined }))).toEqual([]);
    expect(schemaMessages(v2({ remedies: undefined }))).toEqual([]);
    expect(schemaMessages(v2({ remedies: [] })).join()).toContain('remedies');
  });
});

describe('data validate: the new kinds are consistent', () => {
  it('a prefix as long as the serial', () => {
    expect(problems(scoped({ kind: 'serial-prefix', prefix: '57V', length: 3 }))).toEqual([
      'd0.json $.products[0].scope.value.prefix: the prefix "57V" is 3 characters, not shorter than the serial length 3: list the serials instead',
    ]);
    expect(problems(scoped({ kind: 'serial-prefix', prefix: '57V', length: 4 }))).toEqual([]);
  });

  it('a prefix scope that contradicts the serial rules', () => {
    const rules = [sourced({ rule: 'length' as const, length: 16, excludesOtherwise: true }), sourced({ rule: 'prefix' as const, prefix: 'A', excludesOtherwise: true })];
    expect(problems(scoped({ kind: 'serial-prefix', prefix: '57V', length: 14 }, { serialRules: rules }))).toEqual([
      "d0.json $.products[0].scope.value.length: the scope's 14-character serials contradict the product's 16-character serial rule",
      `d0.json $.products[0].scope.value.prefix: the scope's prefix "57V" contradicts the product's "A" prefix rule`,
    ]);
  });

  it('a serial listed twice, or in partly overlapping lists of two models; one list shared by two models is fine', () => {
    expect(problems(scoped({ kind: 'serial-list', serials: ['000G21', '000H21', '000G21'] }))).toEqual(['d0.json $.products[0].scope.value.serials[2]: serial 000G21 is listed twice']);
    const two = v2({
      products: [
        product({ model: 'MXB008', scope: sourced({ kind: 'serial-list' as const, serials: ['GK2309880'] }) }),
        product({ model: 'DBL6000M', scope: sourced({ kind: 'serial-list' as const, serials: ['GK2309901', 'GK2309880'] }) }),
      ],
    });
    expect(problems(two)).toEqual(['d0.json $.products[1].scope.value.serials[1]: serial GK2309880 is listed for model DBL6000M and for model MXB008, whose lists differ']);
    const shared = v2({
      products: ['DBL6000M', 'DBL6000P'].map((model) => product({ model, scope: sourced({ kind: 'serial-list' as const, serials: ['GK2309901', 'GK23081458'] }) })),
    });
    expect(problems(shared)).toEqual([]);
  });

  it('a listed serial that breaks a serial rule of its product', () => {
    expect(problems(scoped({ kind: 'serial-list', serials: ['000G21'] }, { serialRules: [sourced({ rule: 'length' as const, length: 9, excludesOtherwise: false })] }))).toEqual([
      "d0.json $.products[0].scope.value.serials[0]: serial 000G21 breaks the product's 9-character serial rule",
    ]);
  });

  it('a marking listed twice, and a marking list that decides nothing', () => {
    expect(problems(scoped({ kind: 'marking-list', marking: 'PO number', values: ['POPP001', 'POPP001'], unmarked: 'recalled', otherValues: 'unstated' }))).toEqual([
      'd0.json $.products[0].scope.value.values[1]: PO number POPP001 is listed twice',
    ]);
    expect(problems(scoped({ kind: 'marking-list', marking: 'PO number', values: [], unmarked: 'unstated', otherValues: 'unstated' }))).toEqual([
      'd0.json $.products[0].scope.value: this marking list decides no unit: list the recalled values, or say what an unmarked or other unit is',
    ]);
  });

  it('a last character listed twice', () => {
    expect(problems(scoped({ kind: 'serial-last-character', recalled: ['D', 'D'], othersExcluded: true }))).toEqual(['d0.json $.products[0].scope.value.recalled[1]: last character D is listed twice']);
  });

  it('a manufacture window out of order, and a batch listed twice', () => {
    expect(problems(scoped({ kind: 'batch-and-date', batches: ['M20-P8/Q1', 'M20-P8/Q1'], made: [{ from: '2023-08', to: '2024-01' }, { from: '2024-07-31', to: '2024-06-23' }] }))).toEqual([
      'd0.json $.products[0].scope.value.batches[1]: batch M20-P8/Q1 is listed twice',
      'd0.json $.products[0].scope.value.made[1]: manufacture window ends (2024-06-23) before it starts (2024-07-31)',
    ]);
  });

  it('an alias that is a printed code, or names two models', () => {
    const a = v2({ id: 'a', products: [product({ model: 'PPCXW06', aliases: sourced(['PPXCW06']) })] });
    const b = v2({ id: 'b', products: [product({ model: 'PPXCW06' })] });
    expect(problems(a, b)).toEqual(['d0.json $.products[0].aliases.value[0]: alias PPXCW06 of model PPCXW06 is also the model or SKU code of PPXCW06: an alias names a code no product carries']);
    const c = v2({ id: 'c', products: [product({ model: 'PPCXM06', aliases: sourced(['PPXCW06']) })] });
    expect(problems(a, c)).toEqual(['d1.json $.products[0].aliases.value[0]: alias PPXCW06 is declared for model PPCXM06 here and for model PPCXW06 in d0.json']);
  });

  it('a link to a definition that is not in the data set, or to itself', () => {
    expect(problems(v2({ related: [{ id: 'nowhere', relation: 'expands' }] }))).toEqual(['d0.json $.related[0].id: no definition "nowhere" in this data set: fix the id or remove the link']);
    expect(problems(v2({ related: [{ id: 'test-recall', relation: 'expands' }] }))).toEqual(['d0.json $.related[0].id: a definition cannot be related to itself']);
    expect(problems(v2({ related: [{ id: 'b', relation: 'expands' }] }), v2({ id: 'b', products: [product({ model: 'B1' })] }))).toEqual([]);
  });
});
