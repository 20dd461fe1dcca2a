/**
 * The package as a user gets it: `npm pack`, installed into an empty project, then the bin and
 * the library used from there. Catches a missing file in "files", a bin that only works in the
 * repository, or an export map that does not resolve.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-pack-'));
const app = join(dir, 'app');
let files: string[] = [];

beforeAll(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }))[0];
  files = packed.files.map((f: { path: string }) => f.path);
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], { cwd: app, stdio: 'ignore' });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npx = (args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync('npx', ['--no-install', 'recall-check', ...args], { cwd: app, encoding: 'utf8', input, env: { ...process.env, ...env } });

describe('the packed package', () => {
  it('holds only what a user needs', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/recall-check.js', 'dist/bundle/main.js', 'dist/index.js', 'dist/index.d.ts', 'data/manifest.json', 'schema/recall.schema.json', 'README.md', 'LICENSE']));
    expect(files.filter((f) => /^(test|bench|scripts|src)\//u.test(f) || /shopify|fixtures|\.tgz$/iu.test(f))).toEqual([]);
  });

  it('npx recall-check A1263 <serial> works from an install', () => {
    const r = npx(['A1263', 'A1B2C3D4E5F6G7H8']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('https://www.anker.com/a1263-recall');
  });

  it('npx recall-check batch works from an install', () => {
    const r = npx(['batch', '-', '-f', 'csv'], 'model,serial,country\nA3102,ACCJRU1D16400900,AU\n');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(/^A3102,ACCJRU1D16400900,AU,affected,anker-r4-au-2024,/u);
  });

  // The bundle leaves these to chunks and packages loaded only when needed (scripts/build-cli.mjs):
  // colour (chalk), a configuration file (cosmiconfig, zod) and validation (zod).
  it('colour, a configuration file and data validation work from an install', () => {
    const coloured = npx(['A1263', 'A1B2C3D4E5F6G7H8'], undefined, { FORCE_COLOR: '1' });
    expect(coloured.stderr).toBe('');
    expect(coloured.stdout).toMatch(/\u001b\[[\d;]*m.*VERIFY/u);

    writeFileSync(join(app, '.recall-checkrc.yaml'), 'country: AU\n');
    const configured = npx(['config', 'print', '--json']);
    rmSync(join(app, '.recall-checkrc.yaml'));
    expect(configured.stderr).toBe('');
    expect(configured.stdout).toMatch(/\.recall-checkrc\.yaml/u);
    expect(configured.stdout).toMatch(/"AU"/u);

    const validated = npx(['data', 'validate']);
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toMatch(/recall definitions valid/u);
  });

  it('the library is importable, typed, and the same core', () => {
    const script = `import { loadRecallData, check, checkRows } from 'recall-check';
const data = await loadRecallData();
const r = check(data, { model: 'A8185011' });
let rows = 0; for await (const x of checkRows(data, [{ model: 'A1263', serial: 'A1B2' }])) rows += x.kind === 'checked' ? 1 : 0;
console.log(JSON.stringify({ status: r.status, rows }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ status: 'affected', rows: 1 });
    expect(readdirSync(join(app, 'node_modules/recall-check/dist')).filter((f) => f.endsWith('.d.ts'))).toContain('index.d.ts');
  });
});
