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
  const here = dirname(fileURLToPath(import.meta.url));
  // Both layouts put this code two levels down (dist/bundle/, dist/data/…): try there first.
  const likely = join(here, '..', '..');
  if (existsSync(join(likely, 'package.json')) && existsSync(join(likely, 'data'))) return (cached = likely);
  let dir = here;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('recall-check: cannot find its own package.json');
    dir = up;
  }
  cached = dir;
  return dir;
}
