/**
 * `data build`, `data validate` and the loader read definitions through one path: what one
 * refuses, the others refuse in the same words, and what build accepts, validate accepts.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataBuildCommand } from '../../src/cli/commands/data.js';
import type { Io } from '../../src/cli/io.js';
import { RecallCheckError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/data/load.js';
import { definition } from '../helpers/definitions.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'recall-definitions-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function io(cwd: string): Io & { out: string[] } {
  const out: string[] = [];
  const stream = { write: (s: string) => out.push(s) > 0 };
  return { stdin: (async function* () {})(), stdout: stream, stderr: stream, env: {}, cwd, out };
}

/** The problems a call refuses the data with, as `file|line:column|path|message`. */
async function refusal(dir: string, run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof RecallCheckError) return e.problems.map((p) => `${p.file?.replace(dir, '<dir>')}|${p.line ?? ''}:${p.column ?? ''}|${p.path ?? ''}|${p.message}`);
    throw e;
  }
  return [];
}

const build = (dir: string) => dataBuildCommand(io(dir), dir, '2026-01-02');
const good = JSON.stringify(definition(), null, 2);

describe('data build', () => {
  it('refuses a definition whose file name the manifest may not list, and writes no manifest', async () => {
    const dir = dirWith({ 'Anker-X.json': good });
    expect(await refusal(dir, () => build(dir))).toEqual([
      '<dir>/Anker-X.json|:||a definition file name has only lower-case letters, digits, dots and dashes, and ends in .json: rename the file',
    ]);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });

  it('builds what the loader then accepts in full, with the same definitions', async () => {
    const dir = dirWith({ 'a.json': good, 'b.json': '\ufeff' + JSON.stringify(definition({ id: 'b', products: [{ ...definition().products[0]!, model: 'A1B' }] })) });
    await build(dir);
    const loaded = await loadDataset(dir, { validate: true });
    expect(loaded.recalls.map((r) => r.id)).toEqual(['test-recall', 'b']);
    expect((await loadDataset(dir)).recalls.map((r) => r.id)).toEqual(['test-recall', 'b']);
  });
});

describe('build and load refuse a definition in the same words', () => {
  /** Builds a good data set, then replaces a.json with `text` as if changed later, checksum and all. */
  async function refusals(text: string): Promise<{ build: string[]; validate: string[] }> {
    const dir = dirWith({ 'a.json': good });
    await build(dir);
    writeFileSync(join(dir, 'a.json'), text);
    const afterBuild = await refusal(dir, () => build(dir));
    // The manifest keeps the good file's checksum: drop that problem, the rest must agree.
    const changed = (ps: string[]) => ps.filter((p) => !p.includes('checksum mismatch'));
    return {
      build: afterBuild,
      validate: changed(await refusal(dir, () => loadDataset(dir, { validate: true }))),
    };
  }

  it('a schemaVersion newer than this build: one check, one message', async () => {
    const r = await refusals(JSON.stringify({ ...definition(), schemaVersion: 3 }));
    expect(r.build).toEqual(['<dir>/a.json|:|$.schemaVersion|schemaVersion 3 is newer than this recall-check supports (2): upgrade recall-check (in your recall-check clone: git pull && npm install)']);
    expect(r.validate).toEqual(r.build);
  });

  it('JSON that does not parse: the same line and column', async () => {
    const r = await refusals('{\n  "schemaVersion": 1,\n  "id": oops\n}');
    expect(r.build).toHaveLength(1);
    expect(r.build[0]).toMatch(/^<dir>\/a\.json\|3:9\|\|not valid JSON: /u);
    expect(r.validate).toEqual(r.build);
  });
});
