/**
 * The brands the bundled data defines, for help text: read from the definitions themselves, so a
 * suggestion never names a brand the data does not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from './load.js';
import { MANIFEST_FILE } from './manifest.js';
import { withoutBom } from './parse-json.js';

/** Sorted, each once; empty when the data cannot be read (help must still print). */
export function bundledBrands(dir: string = BUNDLED_DATA_DIR): string[] {
  try {
    const manifest = JSON.parse(withoutBom(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))) as { files: { path: string }[] };
    const brands = new Set<string>();
    for (const f of manifest.files) {
      const brand = (JSON.parse(withoutBom(readFileSync(join(dir, f.path), 'utf8'))) as { brand?: unknown }).brand;
      if (typeof brand === 'string') brands.add(brand);
    }
    return [...brands].sort((a, b) => a.localeCompare(b));
  } catch {
    return [];
  }
}
