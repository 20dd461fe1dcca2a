import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The installed package's root (where package.json and data/ are), found by walking up from this
 * module, so it is right both in tsc's dist/ tree and in the bundled CLI, which sit at different
 * depths.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('recall-check: cannot find its own package.json');
    dir = up;
  }
  cached = dir;
  return dir;
}
