import { describe, expect, it } from 'vitest';
import { guidance } from '../../src/report/guidance.js';
import { definition, product, sourced } from '../helpers/definitions.js';

describe('guidance follows what the product holds, not a default', () => {
  it('a lithium-ion product: do not charge it, and general battery disposal when the notice lists no places', () => {
    const r = definition({ products: [product({ battery: sourced('lithium-ion' as const) })], disposal: sourced({ steps: ['Ask.'], never: [], waitForConfirmation: false }) });
    const g = guidance(r, r.products, false);
    expect(g.stop).toMatch(/Do not charge it/u);
    expect(g.never).toMatch(/lithium-battery/u);
  });

  it('a product with no battery (a cable): no charging or battery advice at all', () => {
    const r = definition({ products: [product({ model: 'A8185011', battery: sourced('none' as const), scope: sourced({ kind: 'all-units' as const }) })], disposal: sourced({ steps: ['Keep it.'], never: [], waitForConfirmation: false }) });
    const g = guidance(r, r.products, false);
    expect(g.stop).toBe('Stop using it.');
    expect(g.never).toBeUndefined();
    expect(JSON.stringify(g)).not.toMatch(/charge it|lithium|battery/iu);
  });

  it('not stated: worded for either, never as if the product surely held a battery', () => {
    const r = definition({ disposal: sourced({ steps: ['Ask.'], never: [], waitForConfirmation: false }) });
    const g = guidance(r, r.products, false);
    expect(g.stop).toMatch(/^Stop using it\. If it holds a battery, do not charge it/u);
    expect(g.never).toMatch(/^The notice lists no places\. If it holds a lithium battery/u);
  });

  it('the places the notice names win over the general advice', () => {
    const r = definition({ products: [product({ battery: sourced('lithium-ion' as const) })] });
    expect(guidance(r, r.products, false).never).toBe('Never put it in the trash.');
  });
});

describe('guidance names each product its own checker', () => {
  const two = definition({
    checkerUrl: undefined,
    products: [
      product({ model: 'A3102', checkerUrl: sourced('https://example.com/a3102') }),
      product({ model: 'A3302', checkerUrl: sourced('https://example.com/a3302') }),
    ],
  });

  it('a page for both products names both, each with its model', () => {
    expect(guidance(two, two.products, true).verify).toBe(
      'Check the serial number with the manufacturer, on the page for your model: A3102: https://example.com/a3102; A3302: https://example.com/a3302',
    );
  });

  it("one product's page names only that product's checker", () => {
    const g = guidance(two, [two.products[1]!], true);
    expect(g.verify).toBe('Check the serial number with the manufacturer: https://example.com/a3302');
  });

  it("a product without its own checker falls back to the recall's", () => {
    const r = definition({ products: [product({ model: 'A3102', checkerUrl: sourced('https://example.com/a3102') }), product({ model: 'A1112' })] });
    expect(guidance(r, r.products, true).verify).toMatch(/A3102: https:\/\/example\.com\/a3102; A1112: https:\/\/example\.com\/check$/u);
  });
});

describe('guidance names the colours that are not recalled', () => {
  it('one product: the excluded colours, and the recalled ones when known', () => {
    const r = definition({ products: [product({ colours: sourced(['black']), excludedColours: sourced(['red', 'blue']) })] });
    expect(guidance(r, r.products, true).colours).toEqual(['red or blue units are not in this recall (only black).']);
  });

  it('several products: each with its model; none when no colour is excluded', () => {
    const r = definition({ products: [product({ model: 'A3102', excludedColours: sourced(['red']) }), product({ model: 'A3302' })] });
    expect(guidance(r, r.products, true).colours).toEqual(['A3102: red units are not in this recall.']);
    expect(guidance(definition(), definition().products, true).colours).toEqual([]);
  });
});

describe('what the sources do not give, the guidance says is not on file', () => {
  it('no remedy: says so, and offers none', () => {
    const r = definition({ remedies: undefined });
    const g = guidance(r, r.products, true);
    expect(g.remedies).toEqual([]);
    expect(g.noRemedy).toMatch(/^The remedy is not on file/u);
    expect(guidance(definition(), definition().products, true).noRemedy).toBeUndefined();
  });

  it('no disposal instructions: says so, and still gives the battery rule for a lithium-ion product', () => {
    const r = definition({ disposal: undefined, products: [product({ battery: sourced('lithium-ion' as const) })] });
    const g = guidance(r, r.products, true);
    expect(g.disposal).toEqual(['No disposal instructions are on file for this recall: ask the manufacturer before you dispose of it, since a claim may need the unit.']);
    expect(g.never).toMatch(/lithium-battery/u);
  });
});
