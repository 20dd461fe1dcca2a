import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecallSchema, factsOf } from '../../src/data/schema.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const messages = (value: unknown) => {
  const r = RecallSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('RecallSchema', () => {
  it('accepts the test definition', () => {
    expect(messages(definition())).toEqual([]);
  });

  it('accepts every bundled definition, and each of its facts has a resolvable reference', () => {
    const files = readdirSync('data').filter((f) => f.endsWith('.json') && f !== 'manifest.json');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const doc = JSON.parse(readFileSync(`data/${f}`, 'utf8'));
      expect(messages(doc), f).toEqual([]);
      const ids = new Set(doc.references.map((r: { id: string }) => r.id));
      const facts = factsOf(doc);
      expect(facts.length, f).toBeGreaterThan(5);
      for (const { path, refs } of facts) {
        expect(refs.length, `${f} ${path.join('.')}`).toBeGreaterThan(0);
        for (const id of refs) expect(ids.has(id), `${f} ${path.join('.')} → ${id}`).toBe(true);
      }
    }
  });

  it('rejects a fact without a reference', () => {
    const d = definition({ hazard: { value: 'Hot.', refs: [], confidence: 'high' } });
    expect(messages(d)).toEqual(['hazard.refs: a fact needs at least one reference id (see "references")']);
    const bare = { ...definition(), hazard: 'Hot.' };
    expect(messages(bare).join()).toMatch(/^hazard: /u);
  });

  it('rejects a reference id that is not listed', () => {
    const d = definition({ hazard: { value: 'Hot.', refs: ['nowhere'], confidence: 'high' } });
    expect(messages(d)).toEqual(['hazard.refs.0: unknown reference id "nowhere": add it to "references"']);
  });

  it('rejects low-confidence facts', () => {
    const d = definition({ hazard: { value: 'Hot.', refs: ['notice'], confidence: 'low' as 'high' } });
    expect(messages(d).join()).toMatch(/^hazard\.confidence: /u);
  });

  it('rejects unknown keys (strict)', () => {
    expect(messages({ ...definition(), colour: 'red' }).join()).toMatch(/Unrecognized key: "colour"/u);
  });

  it('accepts unpublished serial rules without a checker URL (the verdict then says none is on file)', () => {
    const { checkerUrl: _, ...rest } = definition();
    expect(messages(rest)).toEqual([]);
  });

  it('rejects unsafe ranges', () => {
    const d = definition({
      products: [product({ scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'A200', last: 'A100' }] }) })],
    });
    expect(messages(d)).toEqual(['products.0.scope.value.ranges.0: range start A200 is after its end A100']);
  });

  it('rejects a model that is not in normalised form', () => {
    expect(messages(definition({ products: [product({ model: 'a-1263' })] })).join()).toMatch(/products\.0\.model: /u);
  });
});
