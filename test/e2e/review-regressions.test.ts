/** Regressions for the bugs an independent review of the code found (each could mislead a user). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('wrong "not affected" that the review provoked', () => {
  it('two serials in one cell, or a serial and a note, are not joined into a cleared serial', () => {
    for (const serial of ['ACCJRU1D16400900 ACCJRU1D16400901', 'ACCJRU1D16400900 refurb', 'ACCJRU1D-16400900-X']) {
      const r = runCli(['A3102', serial, '--country', 'AU']);
      expect(r.code, serial).toBe(3);
      expect(r.stdout).not.toContain('NOT AFFECTED');
    }
    // Typed alone, the serial is in the published range.
    expect(runCli(['A3102', 'ACCJRU1D16400900', '--country', 'AU']).code).toBe(1);
  });

  it('a model followed by more text is read as the model and gives verify', () => {
    for (const model of ['A1263 (black)', 'A1263.', 'a1263 PowerCore 10000']) {
      const r = runCli([model, 'A1B2C3D4E5F6G7H8', '--country', 'US', '--json']);
      expect(r.code, model).toBe(3);
      expect(JSON.parse(r.stdout).results[0].reasons[0]).toMatchObject({ code: 'model-extra-text', read: 'A1263' });
    }
  });
});

describe('acknowledgements', () => {
  it('acknowledging one recall does not silence another recall of the same unit', () => {
    const project = join(dir, 'ack');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{}');
    writeFileSync(join(project, '.recall-checkrc.json'), JSON.stringify({ acknowledgements: [
      { recall: 'anker-r2-us-2023', reason: 'US stock returned' },
      { recall: 'anker-r2-global-2023', reason: 'claimed under the global recall' },
    ] }));
    // With no country, the German and Japanese recalls also decide the finding: not acknowledged.
    const r = runCli(['A1366', '--json'], { cwd: project });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].acknowledged).toBeUndefined();
    // Sold in the US, the global and US recalls decide it, and both are acknowledged.
    const us = runCli(['A1366', '--country', 'US', '--json'], { cwd: project });
    expect(JSON.parse(us.stdout).results[0].acknowledged.reason.split('; ').sort()).toEqual(['US stock returned', 'claimed under the global recall']);
    expect(us.code).toBe(0);
  });
});

describe('batch output', () => {
  it('a closed pipe ends quietly but never with a passing exit code', () => {
    const rows = ['model,serial', ...Array.from({ length: 100_000 }, () => 'A9999,1'), 'A1366,1'].join('\n');
    const big = file('tail.csv', rows);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" batch "${big}" -f csv | head -n 1 >/dev/null; echo "code=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('code=2');
    expect(r.stderr).toBe('');
  });

  it('-o naming a directory, or a missing directory, is a usage error before the run', () => {
    const csv = file('one.csv', 'model\nA9999\n');
    const asDir = runCli(['batch', csv, '-o', dir]);
    expect(asDir.code).toBe(2);
    expect(asDir.stderr).toMatch(/is a directory: give -o a file name/u);
    const missing = runCli(['batch', csv, '-o', join(dir, 'nope/out.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such directory for the output file/u);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('-o - writes to standard output', () => {
    const r = runCli(['batch', file('dash.csv', 'model\nA9999\n'), '-f', 'csv', '-o', '-']);
    expect(r.stdout.split('\n')[1]).toMatch(/^A9999,no-recall/u);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('a malformed quote names the lines it swallowed', () => {
    const r = runCli(['batch', file('q.csv', 'Model,Serial\nA1263,"12"34\nA3102,ACCJRU1D16400900\nA3102,"X"\nA1366,1\n'), '--country', 'AU']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2: .*Lines 3 to 4 were read into this record and not checked\./u);
  });

  it('the sep= line is kept in CSV output, so Excel splits the annotated file too', () => {
    const r = runCli(['batch', file('sep.csv', 'sep=;\r\nModel;Serial\r\nA9999;1\r\n'), '-f', 'csv']);
    expect(r.stdout.split('\r\n').slice(0, 2)).toEqual(['sep=;', 'Model;Serial;recall_status;recall_ids;recall_reason;recall_action;recall_check_url']);
  });

  it('a formula after any Unicode space is neutralised (U+1680)', () => {
    const r = runCli(['batch', file('ogham.csv', 'Model,Serial,Note\nA9999,1,\u1680=HYPERLINK("http://x")\n'), '-f', 'csv']);
    expect(r.stdout).toContain(`"'\u1680=HYPERLINK(""http://x"")"`);
  });

  it('recalled-elsewhere rows name their recalls', () => {
    const r = runCli(['batch', file('elsewhere.csv', 'Model,Serial,Country\nA1263,A1B2C3D4E5F6G7H8,AU\n'), '-f', 'csv']);
    expect(r.stdout.split('\n')[1]).toMatch(/,verify,anker-a1263-us-2025 anker-r8-jp-2025,/u);
  });

  it('one column cannot be both model and serial', () => {
    const r = runCli(['batch', file('same.csv', 'Model,Serial\nA1263,1\n'), '--serial-column', 'Model']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column "Model" cannot be both the model and the serial/u);
  });

  it('rows without the header\'s trailing empty columns are accepted', () => {
    const r = runCli(['batch', file('trail.csv', 'Model,Serial,,\nA9999,1\n'), '-f', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toContain('"status":"no-recall"');
  });
});
