/** What --help says, the show command's answer for a name not in the data, and the --delimiter refusal. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flat } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--help', () => {
  it('names check as the default command and lists its arguments and options', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('check is the default command');
    const section = r.stdout.slice(r.stdout.indexOf('Options of check:'));
    for (const flag of ['--country <code>', '--json', '--max-data-age <days>', '--fail-on <level>', '--data-dir <dir>', '--extra-data-dir <dir...>', '--config <file>', '--no-config']) expect(section).toContain(flag);
    expect(r.stdout).toMatch(/Arguments of check:\n +model +model number from the label/u);
    expect(r.stdout).toMatch(/^ +serial +serial number/mu);
    expect(flat(section)).toContain('(default: 90; env RECALL_CHECK_MAX_DATA_AGE_DAYS; config maxDataAgeDays)');
  });

  it('batch --help shows each default and the exit codes', async () => {
    const r = await runMain(['batch', '--help']);
    expect(r.code).toBe(0);
    const text = flat(r.stdout);
    expect(text).toContain('-f, --format <format> report format: table, json, ndjson, csv, xlsx, github, markdown, sarif, html (default: table;');
    expect(text).toContain('(default: verify; env RECALL_CHECK_FAIL_ON; config failOn)');
    expect(text).toContain('(default: 90;');
    expect(text).toContain('field delimiter: , ; | tab (default: sniffed from the header');
    expect(text).toContain('(default: found from the header; env RECALL_CHECK_MODEL_COLUMN; config columns.model)');
    expect(r.stdout).toMatch(/Exit codes.*\n +0 +nothing affected and nothing to verify\n +1 +at least one row affected\n +3 .*to verify.*\n +2 +usage, input or data error/u);
  });
});

describe('show with an id or model that is not in the data', () => {
  it('--json prints a JSON document with an empty list and a message, and exits 2', async () => {
    const r = await runMain(['show', 'A9999', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, recalls: [], hints: [] });
    expect(doc.data.version).toMatch(/^\d{4}\./u);
    expect(doc.message).toMatch(/^no recall id or model "A9999" in data .*This is not a safety clearance/u);
  });

  it('keeps the similar-model hint in the JSON', async () => {
    const doc = JSON.parse((await runMain(['show', 'A12630', '--json'])).stdout);
    expect(doc.hints.join(' ')).toContain('Recalled models with similar codes: A1263');
  });

  it('without --json: one message on stderr, exit 2', async () => {
    const r = await runMain(['show', 'anker-nothing-2099']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^recall-check: input error: no recall id or model "anker-nothing-2099" in data /u);
  });
});

describe('--delimiter', () => {
  const file = join(dir, 'inv.tsv');
  writeFileSync(file, 'model\tserial\nA1263\tA1B2C3D4E5F6G7H8\n');

  it('an unknown one lists the choices once, readably', async () => {
    const r = await runMain(['batch', file, '--delimiter', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('recall-check: usage error: --delimiter: "x" is not one of , ; | tab\n');
  });

  it.each([['tab'], ['\t']])('%j reads a tab-separated file', async (d) => {
    const r = await runMain(['batch', file, '--delimiter', d, '-f', 'csv']);
    expect(r.stdout.split('\n')[1]).toMatch(/^A1263\tA1B2C3D4E5F6G7H8\tverify\t/u);
  });
});
