import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledBrands } from '../../src/data/brands.js';
import { definition } from '../helpers/definitions.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(files: Record<string, unknown>): string {
  const d = mkdtempSync(join(tmpdir(), 'recall-brands-'));
  dirs.push(d);
  for (const [name, doc] of Object.entries(files)) writeFileSync(join(d, name), JSON.stringify(doc));
  writeFileSync(join(d, 'manifest.json'), JSON.stringify({ files: Object.keys(files).map((path) => ({ path })) }));
  return d;
}

describe('bundledBrands', () => {
  it('each brand the definitions name, once, sorted', () => {
    const d = dir({ 'a.json': definition({ brand: 'Belkin' }), 'b.json': definition({ id: 'b', brand: 'Anker' }), 'c.json': definition({ id: 'c', brand: 'Belkin' }) });
    expect(bundledBrands(d)).toEqual(['Anker', 'Belkin']);
  });

  it('nothing, rather than an error, when the data cannot be read', () => {
    expect(bundledBrands(join(tmpdir(), 'no-such-recall-data'))).toEqual([]);
  });
});
