import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/recall-check.js');
export const DATA = join(ROOT, 'data');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin as a user would, with a clean colour environment unless the test sets one. */
export function runCli(args: string[], opts: { env?: Record<string, string>; input?: string | Buffer; cwd?: string } = {}): CliResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['FORCE_COLOR', 'NO_COLOR', 'CI', 'GITHUB_ACTIONS'].includes(k) && !k.startsWith('RECALL_CHECK_')) env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary copy of the bundled data directory, for tests that break it on purpose. */
export function copyOfData(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'recall-check-data-'));
  for (const f of readdirSync(DATA)) copyFileSync(join(DATA, f), join(dir, f));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function editJson(file: string, edit: (doc: any) => void): void {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

export const ANSI = /\u001b\[[0-9;]*m/u;

/** Rewrites a data directory's manifest checksums without validating, to plant a broken file. */
export function rehash(dir: string): void {
  editJson(join(dir, 'manifest.json'), (m) => {
    for (const f of m.files) f.sha256 = createHash('sha256').update(readFileSync(join(dir, f.path))).digest('hex');
  });
}

/** Output with every run of white space folded to one space, so wrapping does not matter. */
export const flat = (s: string) => s.replace(/\s+/gu, ' ');
