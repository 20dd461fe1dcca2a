import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/data/json-schema.js';

describe('JSON Schema files', () => {
  it('match what the zod schema generates (run npm run schema:build after changing it)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(`schema/${name}`, 'utf8')), name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('are named by every data file and the manifest', () => {
    for (const f of readdirSync('data').filter((n) => n.endsWith('.json'))) {
      const expected = f === 'manifest.json' ? '../schema/manifest.schema.json' : '../schema/recall.schema.json';
      expect(JSON.parse(readFileSync(`data/${f}`, 'utf8')).$schema, f).toBe(expected);
    }
  });

  it('forbid unknown keys and low confidence, as the zod schema does', () => {
    const schema = JSON.parse(readFileSync('schema/recall.schema.json', 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.hazard.properties.confidence.enum).toEqual(['high', 'medium']);
    expect(schema.properties.hazard.required).toEqual(['value', 'refs', 'confidence']);
  });
});
