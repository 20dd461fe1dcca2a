import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 300 units to verify (no serial), 20 affected, 5 refused rows, 1,000 rows with no recall.
const rows = ['model,serial,country'];
for (let i = 0; i < 1000; i++) rows.push(`X${i},S${i},US`);
// The rarest first, so that the order of the reasons is their counts', not the file's.
for (let i = 0; i < 5; i++) rows.push('B0000');
for (let i = 0; i < 20; i++) rows.push('A3102,ACCJRU1D16400900,AU');
for (let i = 0; i < 300; i++) rows.push('A1263,,US');
const inv = join(dir, 'big.csv');
writeFileSync(inv, rows.join('\n') + '\n');

describe('batch --summary', () => {
  it('gives counts by status and the most frequent reasons with a few example lines, not one line a row', () => {
    const r = runCli(['batch', inv, '--summary']);
    expect(r.code).toBe(2);
    const out = r.stdout;
    expect(out.split('\n').length).toBeLessThan(30);
    expect(out).toMatch(/^affected +20$/mu);
    expect(out).toMatch(/^verify +300$/mu);
    expect(out).toMatch(/^no-recall +1,000$/mu);
    expect(out).toMatch(/^error +5$/mu);
    expect(out).toMatch(/^total +1,325$/mu);
    // Most frequent first, each with its count, recall and reason, and where to find examples.
    const reasons = out.slice(out.indexOf('TOP REASONS'));
    const verify = reasons.indexOf('300  verify       anker-a1263-us-2025: No serial number given');
    const affected = reasons.indexOf('20  affected     anker-r4-au-2024: The serial is in the published range');
    const refused = reasons.indexOf('5  error        expected 3 fields, got 1');
    expect(verify).toBeGreaterThan(0);
    expect(affected).toBeGreaterThan(verify);
    expect(refused).toBeGreaterThan(affected);
    expect(reasons).toContain('lines 1027, 1028, 1029, … and 297 more');
    expect(reasons).toContain('lines 1002, 1003, 1004, … and 2 more');
    // Rows with no recall and no look-alike are not reasons to look.
    expect(reasons).not.toContain('no-recall');
  });

  it('without it the table lists each row that needs a look', () => {
    const r = runCli(['batch', inv]);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1 + 300 + 20 + 5);
    expect(r.stdout).not.toContain('TOP REASONS');
  });
});
