import { isUtf8 } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definition, product, sourced } from '../helpers/definitions.js';
import { BIN, runCli } from '../helpers/cli.js';
import { projects } from '../helpers/project.js';

const project = projects('recall-check-config-');

const countryOf = (cwd: string, args: string[] = [], env: Record<string, string> = {}) => {
  const r = runCli(['A1263', 'A1B2C3D4E5F6G7H8', '--json', ...args], { cwd, env });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).results[0].country;
};

describe('configuration discovery', () => {
  it.each([
    ['package.json key', { 'package.json': JSON.stringify({ name: 'shop', 'recall-check': { country: 'JP' } }) }],
    ['.recall-checkrc (YAML)', { '.recall-checkrc': 'country: JP\n' }],
    ['.recall-checkrc (JSON)', { '.recall-checkrc': '{"country": "JP"}' }],
    ['.recall-checkrc.json', { '.recall-checkrc.json': '{"country": "JP"}' }],
    ['.recall-checkrc.yaml', { '.recall-checkrc.yaml': 'country: JP\n' }],
    ['recall-check.config.mjs', { 'recall-check.config.mjs': 'export default { country: "JP" };\n' }],
    ['recall-check.config.cjs', { 'recall-check.config.cjs': 'module.exports = { country: "JP" };\n' }],
  ])('%s', (_, files) => {
    expect(countryOf(project(files))).toBe('JP');
  });

  it('is found from a subdirectory of the project', () => {
    const dir = project({ '.recall-checkrc.json': '{"country": "JP"}', 'feeds/today/.keep': '' });
    expect(countryOf(join(dir, 'feeds/today'))).toBe('JP');
  });

  it('--config names a file; --no-config ignores them all', () => {
    const dir = project({ '.recall-checkrc.json': '{"country": "JP"}', 'ci/recall.json': '{"country": "CA"}' });
    expect(countryOf(dir, ['--config', 'ci/recall.json'])).toBe('CA');
    expect(countryOf(dir, ['--no-config'])).toBeUndefined();
  });
});

describe('precedence: default < config < environment < command line', () => {
  const dir = project({ '.recall-checkrc.json': '{"country": "JP", "maxDataAgeDays": 30}' });

  it('each layer overrides the one before', () => {
    expect(countryOf(project({}))).toBeUndefined();
    expect(countryOf(dir)).toBe('JP');
    expect(countryOf(dir, [], { RECALL_CHECK_COUNTRY: 'us' })).toBe('US');
    expect(countryOf(dir, ['--country', 'CA'], { RECALL_CHECK_COUNTRY: 'us' })).toBe('CA');
  });

  it('config print shows the effective options and where each came from', () => {
    const r = runCli(['config', 'print', '--json'], { cwd: dir, env: { RECALL_CHECK_FAIL_ON: 'affected' } });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.configFile).toBe(join(dir, '.recall-checkrc.json'));
    expect(doc.options).toMatchObject({ country: 'JP', maxDataAgeDays: 30, failOn: 'affected', format: 'table' });
    expect(doc.sources).toMatchObject({
      country: `config ${join(dir, '.recall-checkrc.json')}`,
      failOn: 'env RECALL_CHECK_FAIL_ON',
      format: 'default',
    });
    const text = runCli(['config', 'print'], { cwd: dir }).stdout;
    expect(text).toMatch(/^country +JP +config .*\.recall-checkrc\.json$/mu);
    expect(text).toMatch(/^failOn +verify +default$/mu);
  });
});

describe('bad values: one error naming where, exit 2', () => {
  const expectError = (r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  };

  it('an unknown key names the file and the key', () => {
    const dir = project({ '.recall-checkrc.json': '{"country": "US", "colour": "red"}' });
    expectError(runCli(['A1263'], { cwd: dir }), /\.recall-checkrc\.json at \$: Unrecognized key: "colour"/u);
  });

  it.each([
    ['country', '{"country": "Narnia"}', /country: "Narnia" is not a country/u],
    ['country that is a number', '{"country": 1}', /at \$\.country: /u],
    ['maxDataAgeDays', '{"maxDataAgeDays": "soon"}', /at \$\.maxDataAgeDays: /u],
    ['failOn', '{"failOn": "sometimes"}', /at \$\.failOn: /u],
    ['format', '{"format": "xml"}', /at \$\.format: /u],
    ['columns', '{"columns": {"sku": "SKU"}}', /at \$\.columns: Unrecognized key: "sku"/u],
    ['dataDirs', '{"dataDirs": "data"}', /at \$\.dataDirs: /u],
    ['acknowledgements without a reason', '{"acknowledgements": [{"serial": "A1"}]}', /at \$\.acknowledgements\[0\]\.reason: /u],
    ['acknowledgements without a target', '{"acknowledgements": [{"reason": "done"}]}', /at \$\.acknowledgements\[0\]: an acknowledgement needs at least one of recall, model or serial/u],
    ['acknowledgements with a bad date', '{"acknowledgements": [{"serial": "A1", "reason": "x", "expires": "soon"}]}', /at \$\.acknowledgements\[0\]\.expires: use a date as YYYY-MM-DD/u],
  ])('%s', (_, content, pattern) => {
    expectError(runCli(['A1263'], { cwd: project({ '.recall-checkrc.json': content }) }), pattern);
  });

  it('a configuration file that is not valid JSON or YAML', () => {
    expectError(runCli(['A1263'], { cwd: project({ '.recall-checkrc.json': '{"country": ' }) }), /usage error: .*\.recall-checkrc\.json:1:13: not valid JSON: Unexpected end of JSON input/u);
  });

  it('a --config file that does not exist', () => {
    expectError(runCli(['A1263', '--config', 'nope.json'], { cwd: project({}) }), /nope\.json: no such configuration file/u);
  });

  it.each([
    ['RECALL_CHECK_FAIL_ON', 'sometimes', /environment variable RECALL_CHECK_FAIL_ON: "sometimes" is not one of affected, verify, never/u],
    ['RECALL_CHECK_COUNTRY', 'Narnia', /environment variable RECALL_CHECK_COUNTRY: "Narnia" is not a country/u],
    ['RECALL_CHECK_MAX_DATA_AGE_DAYS', '-1', /environment variable RECALL_CHECK_MAX_DATA_AGE_DAYS: "-1" is not a whole number of days/u],
  ])('environment %s=%s', (name, value, pattern) => {
    expectError(runCli(['A1263'], { cwd: project({}), env: { [name]: value } }), pattern);
  });

  it('a bad --fail-on flag', () => {
    expectError(runCli(['A1263', '--fail-on', 'sometimes']), /--fail-on: "sometimes" is not one of affected, verify, never/u);
  });

  it('a bad RECALL_CHECK_NOW is a usage error, not a stack trace', () => {
    for (const value of ['junk', '2026-13-45']) {
      const r = runCli(['A1263'], { env: { RECALL_CHECK_NOW: value } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`recall-check: usage error: environment variable RECALL_CHECK_NOW: "${value}" is not a date as YYYY-MM-DD; unset it to use today\n`);
    }
  });
});

describe('--fail-on', () => {
  const inv = join(project({ 'inv.csv': 'model,serial,country\nA3102,ACCJRU1D16400900,AU\nA1263,A1B2C3D4E5F6G7H8,US\n', 'verify.csv': 'model,serial\nA1263,A1B2C3D4E5F6G7H8\n', 'broken.csv': 'model,serial\nA1263\n' }), 'x');
  const file = (name: string) => join(inv, '..', name);
  it.each([
    ['verify (default)', [], 1, 3],
    ['verify', ['--fail-on', 'verify'], 1, 3],
    ['affected', ['--fail-on', 'affected'], 1, 0],
    ['never', ['--fail-on', 'never'], 0, 0],
  ])('%s', (_, args, affectedCode, verifyCode) => {
    expect(runCli(['batch', file('inv.csv'), ...args]).code).toBe(affectedCode);
    expect(runCli(['batch', file('verify.csv'), ...args]).code).toBe(verifyCode);
    expect(runCli(['A1263', 'A1B2C3D4E5F6G7H8', ...args]).code).toBe(verifyCode);
  });
  it('never masks exit 2', () => {
    expect(runCli(['batch', file('broken.csv'), '--fail-on', 'never']).code).toBe(2);
  });
});

describe('acknowledgements', () => {
  const acks = (list: object[]) => JSON.stringify({ acknowledgements: list });
  const inventory = 'model,serial,country\nA3102,ACCJRU1D16400900,AU\nA3102,ACCJRU1D16400901,AU\n';

  it('an acknowledged finding is still reported, with its reason, but does not fail the run', () => {
    const dir = project({
      'inv.csv': inventory,
      '.recall-checkrc.json': acks([
        { serial: 'accjru1d 1640 0900', reason: 'quarantined 2026-11-02, RMA 1182' },
        { recall: 'anker-r4-au-2024', serial: 'ACCJRU1D16400901', reason: 'returned to supplier' },
      ]),
    });
    const r = runCli(['batch', 'inv.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 +affected .*\[acknowledged: quarantined 2026-11-02, RMA 1182\]/mu);
    expect(r.stdout).toMatch(/^3 +affected .*\[acknowledged: returned to supplier\]/mu);
    expect(r.stderr).toMatch(/affected +2 +2 acknowledged \(not failing the run\)/u);
    const rows = runCli(['batch', 'inv.csv', '-f', 'ndjson'], { cwd: dir }).stdout.trimEnd().split('\n').slice(1, -1).map((l) => JSON.parse(l));
    expect(rows.map((x) => x.acknowledged)).toEqual([{ reason: 'quarantined 2026-11-02, RMA 1182' }, { reason: 'returned to supplier' }]);
    const single = runCli(['A3102', 'ACCJRU1D16400900', '--country', 'AU'], { cwd: dir });
    expect(single.code).toBe(0);
    expect(single.stdout).toContain('Acknowledged in your configuration: quarantined 2026-11-02, RMA 1182. It does not fail the run.');
  });

  it('an expired acknowledgement no longer applies, and says so', () => {
    const dir = project({ 'inv.csv': inventory, '.recall-checkrc.json': acks([{ model: 'A3102', reason: 'stock returned', expires: '2026-01-31' }]) });
    const r = runCli(['batch', 'inv.csv'], { cwd: dir, env: { RECALL_CHECK_NOW: '2026-02-01' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('recall-check: acknowledgement (model A3102) expired on 2026-01-31 and no longer applies: 2 findings it would cover now count');
    const before = runCli(['batch', 'inv.csv'], { cwd: dir, env: { RECALL_CHECK_NOW: '2026-01-31' } });
    expect(before.code).toBe(0);
  });

  it('an acknowledgement that matched nothing is listed as unused', () => {
    const dir = project({ 'inv.csv': inventory, '.recall-checkrc.json': acks([{ serial: 'ACCJRU1D16400900', reason: 'q' }, { recall: 'anker-r4-us-2024', reason: 'not ours' }]) });
    const r = runCli(['batch', 'inv.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('recall-check: acknowledgement (recall anker-r4-us-2024) matched nothing in this run: remove it if it is no longer needed');
    expect(r.stderr).not.toContain('(serial ACCJRU1D16400900) matched nothing');
  });

  it('acknowledging one recall does not silence another recall of the same unit', () => {
    const dir = project({ '.recall-checkrc.json': acks([
      { recall: 'anker-r2-us-2023', reason: 'US stock returned' },
      { recall: 'anker-r2-global-2023', reason: 'claimed under the global recall' },
    ]) });
    // With no country, the German and Japanese recalls also decide the finding: not acknowledged.
    const r = runCli(['A1366', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].acknowledged).toBeUndefined();
    // Sold in the US, the global and US recalls decide it, and both are acknowledged.
    const us = runCli(['A1366', '--country', 'US', '--json'], { cwd: dir });
    expect(JSON.parse(us.stdout).results[0].acknowledged.reason.split('; ').sort()).toEqual(['US stock returned', 'claimed under the global recall']);
    expect(us.code).toBe(0);
  });

  it('an unquoted YAML date in an acknowledgement is read as that date', () => {
    const dir = project({ '.recall-checkrc': 'acknowledgements:\n  - model: A3102\n    reason: stock returned\n    expires: 2027-03-31\n' });
    const r = runCli(['config', 'print', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).options.acknowledgements).toEqual([{ model: 'A3102', reason: 'stock returned', expires: '2027-03-31' }]);
  });
});

describe('dataDirs: an organisation\'s own definitions beside the bundled ones', () => {
  it('are validated and used', () => {
    const own = definition({ id: 'acme-widget-2026', brand: 'Acme', products: [product({ model: 'W100', scope: sourced({ kind: 'all-units' as const }) })] });
    const dir = project({ 'recalls/acme.json': JSON.stringify(own), '.recall-checkrc.json': '{"dataDirs": ["recalls"]}' });
    expect(runCli(['data', 'build', 'recalls'], { cwd: dir }).code).toBe(0);
    const r = runCli(['W100', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].matches[0].recallId).toBe('acme-widget-2026');
    // The bundled recalls are still there.
    expect(runCli(['A1263'], { cwd: dir }).code).toBe(3);
  });

  it('a broken one is refused before any verdict', () => {
    const dir = project({ 'recalls/manifest.json': '{}', '.recall-checkrc.json': '{"dataDirs": ["recalls"]}' });
    const r = runCli(['A1263'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/recalls\/manifest\.json/u);
  });

  it('list and show see the configured extra definitions, as the check does', () => {
    const own = definition({ id: 'acme-widget-2026', brand: 'Acme', products: [product({ model: 'W100', scope: sourced({ kind: 'all-units' as const }) })] });
    const dir = project({ 'recalls/acme.json': JSON.stringify(own), '.recall-checkrc.json': '{"dataDirs": ["recalls"]}' });
    expect(runCli(['data', 'build', 'recalls'], { cwd: dir }).code).toBe(0);
    expect(runCli(['show', 'W100'], { cwd: dir }).stdout).toContain('acme-widget-2026');
    expect(runCli(['list', '--model', 'W100', '--json'], { cwd: dir }).stdout).toContain('"acme-widget-2026"');
    expect(runCli(['show', 'W100', '--no-config'], { cwd: dir }).stderr).toMatch(/^recall-check: input error: no recall id or model "W100"/u);
  });
});

describe('annotated CSV stays UTF-8 when ASCII input meets non-ASCII text', () => {
  // Many ASCII chunks first, so the writer has been taking its fast path before the first
  // non-ASCII byte arrives: from a row, and from an acknowledgement's reason in a verdict.
  const filler = Array.from({ length: 3000 }, (_, i) => `A${4000 + (i % 900)},S${i},US,plain ascii row number ${i}`).join('\n');
  const inventory = `model,serial,country,notes\n${filler}\nA3102,ACCJRU1D16400901,AU,ascii row\n${filler}\nA3102,ACCJRU1D16400900,AU,Café – 日本 🔋\n${filler}\n`;

  it.each([
    ['-o file', ''],
    ['stdout', ''],
    ['-o file, input with a byte-order mark', '\uFEFF'],
  ])('%s: every row is written back byte for byte, the verdicts in UTF-8', (where, bom) => {
    const dir = project({
      'inv.csv': bom + inventory,
      '.recall-checkrc.json': JSON.stringify({ acknowledgements: [{ model: 'A3102', reason: 'quarantined – RMA №1182' }] }),
    });
    const args = ['batch', 'inv.csv', '-f', 'csv', ...(where === 'stdout' ? [] : ['-o', 'out.csv'])];
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr.toString()).toBe(0);
    const out = where === 'stdout' ? r.stdout : readFileSync(join(dir, 'out.csv'));
    expect(isUtf8(out)).toBe(true);
    expect(out.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(bom !== '');
    const lines = out.toString('utf8').split('\n');
    expect(lines).toHaveLength(9004);
    expect(lines[3001]).toBe('A3102,ACCJRU1D16400901,AU,ascii row,affected,anker-r4-au-2024,The serial is in the published range ACCJRU1D16400841 to ACCJRU1D16400960.,Acknowledged: quarantined – RMA №1182,');
    expect(lines[6002]).toBe('A3102,ACCJRU1D16400900,AU,Café – 日本 🔋,affected,anker-r4-au-2024,The serial is in the published range ACCJRU1D16400841 to ACCJRU1D16400960.,Acknowledged: quarantined – RMA №1182,');
    expect(lines[1]).toBe('A4000,S0,US,plain ascii row number 0,no-recall,,none on file; not a safety clearance,,');
  });
});
