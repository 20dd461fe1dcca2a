/**
 * The exit-code contract as CI sees it: the built bin, spawned, for each documented code (README
 * "Exit codes"), with the report on stdout and everything else on stderr.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { scratchFiles } from '../helpers/project.js';

const { dir, file: csv } = scratchFiles('recall-check-exit-');

describe('exit codes of the built bin', () => {
  it.each([
    ['0: no recall on file', ['A9999', '123'], 0],
    ['1: a unit affected', ['A1366', '--country', 'US'], 1],
    ['3: a unit to verify, none affected', ['A1263'], 3],
    ['2: a usage error', ['A1263', '--country', 'Narnia'], 2],
  ] as const)('single check, %s', (_, args, code) => {
    const r = runCli([...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/u);
    if (code === 2) expect(r.stdout).toBe('');
    else expect(r.stdout).not.toBe('');
  });

  it.each([
    ['0: nothing recalled', 'model\nA9999\n', 0],
    ['1: an affected row', 'model,country\nA1366,US\nA1263,US\n', 1],
    ['3: rows to verify, none affected', 'model\nA1263\n', 3],
    ['2: a refused row wins over findings', 'model,serial\nA1366,1,extra\nA1366,2\n', 2],
  ] as const)('batch, %s; the report on stdout, the summary on stderr', (_, text, code) => {
    const path = csv(`exit-${code}.csv`, text);
    const r = runCli(['batch', path, '-f', 'csv']);
    expect(r.code).toBe(code);
    expect(r.stdout.split('\n')[0]).toContain('recall_status');
    expect(r.stderr).toContain(`${path}: `);
    expect(r.stdout).not.toContain('data row');
  });

  it('2: a file that does not exist, with one line naming it', () => {
    const r = runCli(['batch', join(dir, 'missing.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.csv: no such file');
  });

  const sh = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8' });

  it('2: a report written whole at the end (HTML) to a reader that went away is incomplete, never 0', () => {
    const path = csv('many-affected.csv', `model\n${'A1366\n'.repeat(3000)}`);
    const r = sh(`"${process.execPath}" "${BIN}" batch "${path}" -f html --country US | head -c 100 >/dev/null; echo "code=\${PIPESTATUS[0]}"`);
    expect(r.stdout).toContain('code=2');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/u);
  });

  it('a reader of stderr that goes away (2>&1 | head) does not turn a clean run into exit 1', () => {
    const path = csv('clean.csv', `model\n${'A9999\n'.repeat(2000)}`);
    const r = sh(`"${process.execPath}" "${BIN}" batch "${path}" --all 2>&1 | head -c 1 >/dev/null; echo "code=\${PIPESTATUS[0]}"`);
    expect(r.stdout).toMatch(/code=[02]/u);
  });

  it.runIf(existsSync('/dev/full'))('2: standard output that cannot be written (a full disk), one line, no stack trace', () => {
    for (const args of [['A1263'], ['batch', csv('small.csv', 'model\nA1263\n'), '-f', 'csv']]) {
      const r = sh(`"${process.execPath}" "${BIN}" ${args.map((a) => `"${a}"`).join(' ')} > /dev/full; echo "code=$?"`);
      expect(r.stdout).toBe('code=2\n');
      expect(r.stderr).toContain('recall-check: output error: cannot write to standard output (ENOSPC)');
      expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/u);
    }
  });
});
