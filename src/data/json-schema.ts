/** JSON Schema documents generated from the zod schemas, keyed by their file name in schema/. */
import { z } from 'zod';
import { ManifestSchema, RecallSchema } from './schema.js';

export function jsonSchemas(): Record<string, unknown> {
  // Cross-field rules (references resolve, ranges are sound, …) are checked by recall-check
  // itself; JSON Schema carries the shape, which is what an editor needs.
  const opts = { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' } as const;
  return {
    'recall.schema.json': { title: 'recall-check recall definition', ...z.toJSONSchema(RecallSchema, opts) },
    'manifest.schema.json': { title: 'recall-check data manifest', ...z.toJSONSchema(ManifestSchema, opts) },
  };
}
