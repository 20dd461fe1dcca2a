/** Huge and interrupted inputs: bounded memory, a clear message, no hang, nothing half-written. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('huge inputs', () => {
  it('a 50 MB field without a line break: refused with its line, in bounded memory', () => {
    const path = join(dir, 'field.csv');
    writeFileSync(path, `model,serial\nA1263,A1B2\nA1263,${'x'.repeat(50 << 20)}`);
    const rssFile = join(dir, 'rss');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/max-rss.mjs'), BIN, 'batch', path, '-f', 'ndjson'], {
      encoding: 'utf8',
      env: { ...process.env, RECALL_CHECK_BENCH_RSS_FILE: rssFile },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/field\.csv:3: a line longer than 1024 KiB starts here/u);
    expect(r.stderr).toMatch(/1 data row/u);
    // The file is 50 MB; reading stops a little past the 1 MiB bound.
    expect(Number(readFileSync(rssFile, 'utf8'))).toBeLessThan(150 * 2 ** 20);
  });

  it('a line of 100,000 columns is read and checked', () => {
    const header = ['model', 'serial', ...Array.from({ length: 99_998 }, (_, i) => `c${i}`)];
    const row = ['A3102', 'ACCJRU1D16400900', ...Array.from({ length: 99_998 }, () => '')];
    const path = join(dir, 'wide.csv');
    writeFileSync(path, `${header.join(',')}\n${row.join(',')}\n`);
    const r = runCli(['batch', path, '--country', 'AU']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^2 +affected +A3102/mu);
  });
});

describe('interrupted runs', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s during batch -o leaves no partial output file and exits 130 with one line', async (signal) => {
    const path = join(dir, 'big.csv');
    const lines = ['model,serial'];
    for (let i = 0; i < 400_000; i++) lines.push(`A1263,A1B2C3D4E5F6${String(i % 10000).padStart(4, '0')}`);
    writeFileSync(path, lines.join('\n'));
    const out = join(dir, 'out.csv');
    const child = spawn(process.execPath, [BIN, 'batch', path, '-f', 'csv', '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Wait until the temporary file exists: the run is under way.
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.startsWith('.out.csv.')) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    // stderr is not a terminal: no progress line to clear, so no blank line before the message.
    expect(stderr).toBe('recall-check: interrupted; no output file was written\n');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
