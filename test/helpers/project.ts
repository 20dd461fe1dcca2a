import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A maker of project directories under one temporary root, removed after the file's tests: each
 * holds the given files (in subdirectories too), and a package.json, which marks the project root
 * where configuration search stops, unless one is given.
 */
export function projects(prefix: string): (files: Record<string, string>) => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return (files) => {
    const dir = join(root, `p${n++}`);
    mkdirSync(dir, { recursive: true });
    if (!('package.json' in files)) writeFileSync(join(dir, 'package.json'), '{"name":"shop"}\n');
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  };
}

/**
 * A temporary directory for a test file's inputs, removed after its tests, and a writer that puts
 * a named file in it (text or exact bytes) and returns its path.
 */
export function scratchFiles(prefix: string): { dir: string; file: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
