/**
 * Writes schema/recall.schema.json and schema/manifest.schema.json from the zod schema, so that
 * editors complete and check data files through their "$schema". A test fails when the committed
 * files drift from the code: run `npm run schema:build` after changing src/data/schema.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/data/json-schema.js';

const dir = join(import.meta.dirname, '../schema');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`schema/${name}`);
}
