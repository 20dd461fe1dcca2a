import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOfData, editJson, flat, rehash } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dataCopy(edit?: (dir: string) => void): string {
  const { dir, cleanup } = copyOfData();
  cleanups.push(cleanup);
  edit?.(dir);
  return dir;
}
const manifest = () => JSON.parse(readFileSync('data/manifest.json', 'utf8'));

describe('recall-check list', () => {
  it('a table of every recall, newest first', async () => {
    const r = await runMain(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +ANNOUNCED +WHERE +BRAND +MODELS +UNITS$/u);
    expect(lines).toHaveLength(manifest().files.length + 1);
    expect(r.stdout).toMatch(/anker-a1263-us-2025 +12 Jun 2025 +US +Anker +A1263 +1,158,000/u);
  });

  it('filters by country (WORLDWIDE recalls included), model and brand', async () => {
    const au = await runMain(['list', '--country', 'au', '--model', 'a-3102']);
    expect(au.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(/ +/u)[0])).toEqual(['anker-r4-au-2024', 'anker-r4-global-2024']);
    expect((await runMain(['list', '--brand', 'nobrand'])).stderr).toBe('recall-check: no recall matches these filters\n');
  });

  it('--json', async () => {
    const doc = JSON.parse((await runMain(['list', '--json', '--model', 'A1263'])).stdout);
    expect(doc.recalls.map((r: { id: string }) => r.id).sort()).toEqual(['anker-a1263-us-2025', 'anker-r8-jp-2025']);
    expect(doc.recalls.find((r: { id: string }) => r.id === 'anker-r8-jp-2025')).toMatchObject({ jurisdictions: ['JP'], units: 522237 });
  });

  it('--help suggests exactly the brands the data defines, read from the data', async () => {
    const brands = new Set(manifest().files.map((f: { path: string }) => JSON.parse(readFileSync(join('data', f.path), 'utf8')).brand as string));
    const help = await runMain(['list', '--help']);
    expect(help.code).toBe(0);
    const line = /^Brands in the bundled data \(for --brand\): (.+)$/mu.exec(help.stdout);
    expect(line?.[1]?.split(', ').sort()).toEqual([...brands].sort());
    // Sub-brands are not brands of their own in the data: --brand Soundcore would list nothing.
    if (!brands.has('Soundcore')) expect(help.stdout).not.toMatch(/Soundcore/u);
  });

  it('a bad --country is a usage error', async () => {
    const r = await runMain(['list', '--country', 'Narnia']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--country: "Narnia" is not a country/u);
  });
});

describe('recall-check show', () => {
  it('a model: every recall of it, each with its own facts, medium-confidence facts marked', async () => {
    const r = await runMain(['show', 'A1263']);
    expect(r.code).toBe(0);
    const out = flat(r.stdout);
    expect(out).toContain('── Anker PowerCore 10000 (A1263) · anker-a1263-us-2025');
    expect(out).toContain('(A1263) · anker-r8-jp-2025');
    expect(out).toContain('Where sold US');
    expect(out).toContain('Where sold JP');
    expect(out).toMatch(/A1263N12, A1263016, A1263N22, A1263026, A1263036, A1263096\*/u);
    expect(out).toContain('* marks a medium-confidence fact');
  });

  it('a recall id: the full definition, every product', async () => {
    const r = await runMain(['show', 'anker-r4-global-2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('── anker-r4-global-2024: Anker, 3 products');
    for (const m of ['A1112', 'A3102', 'A3302']) expect(r.stdout).toContain(`  ${m}: `);
    expect(r.stdout).toContain('How to dispose of it');
  });

  it('--json prints the definitions', async () => {
    const doc = JSON.parse((await runMain(['show', 'A1263', '--json'])).stdout);
    expect(doc.recalls.map((r: { id: string }) => r.id).sort()).toEqual(['anker-a1263-us-2025', 'anker-r8-jp-2025']);
    expect(doc.recalls[0].references.length).toBeGreaterThan(0);
  });

  it('an unknown model says so on stderr, and that it is not a clearance, exit 2', async () => {
    const r = await runMain(['show', 'A9999']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^recall-check: input error: no recall id or model "A9999" in data .*This is not a safety clearance/u);
  });

  it('show by recall id names the same model\'s recalls elsewhere', async () => {
    expect(flat((await runMain(['show', 'anker-a1263-us-2025'])).stdout)).toContain('Also recalled in JP (21 Oct 2025, anker-r8-jp-2025)');
  });
});

describe('recall-check data info', () => {
  it('version, date, age, counts and checksums', async () => {
    const m = manifest();
    const r = await runMain(['data', 'info'], { env: { RECALL_CHECK_NOW: '2027-01-01' } });
    expect(r.code).toBe(0);
    const age = Math.floor((Date.parse('2027-01-01') - Date.parse(m.generated)) / 86_400_000);
    expect(r.stdout).toContain(`dataset version  ${m.datasetVersion} (generated ${m.generated}, ${age} days old)`);
    expect(r.stdout).toMatch(new RegExp(`recalls +${m.files.length}, covering \\d+ models`, 'u'));
    for (const f of m.files) expect(r.stdout).toContain(`  ${f.sha256}  ${f.path}`);
  });

  it('--json', async () => {
    const info = JSON.parse((await runMain(['data', 'info', '--json'])).stdout);
    expect(info).toMatchObject({ datasetVersion: manifest().datasetVersion, recalls: manifest().files.length, schemaVersion: manifest().schemaVersion });
  });
});

describe('recall-check data validate', () => {
  it('the bundled data is valid', async () => {
    const r = await runMain(['data', 'validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/recall definitions valid/u);
  });

  it('lists every problem with its file and JSON path, not only the first', async () => {
    const dir = dataCopy((d) => {
      editJson(join(d, 'anker-r4-au-2024.json'), (doc) => {
        doc.products[0].scope.value.ranges.push({ first: 'ACCJRU1D16400900', last: 'ACCJRU1D16400999' });
        doc.references.push({ id: 'unused', url: 'https://example.com/x', title: 'x', publisher: 'x', official: false });
      });
      editJson(join(d, 'anker-r4-us-2024.json'), (doc) => {
        doc.id = 'anker-r4-au-2024';
        doc.hazard.confidence = 'low';
      });
      rehash(d);
    });
    const r = await runMain(['data', 'validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/data error: 3 problems/u);
    expect(r.stderr).toContain(`${join(dir, 'anker-r4-au-2024.json')} at $.products[0].scope.value.ranges[2]: range ACCJRU1D16400900 to ACCJRU1D16400999 overlaps ACCJRU1D16400841 to ACCJRU1D16400960`);
    expect(r.stderr).toContain(`${join(dir, 'anker-r4-au-2024.json')} at $.references[`);
    expect(r.stderr).toContain(`${join(dir, 'anker-r4-us-2024.json')} at $.hazard.confidence:`);
  });

  it('a definition saved with a byte-order mark is read, by data build and by data validate', async () => {
    const dir = dataCopy((d) => {
      const f = join(d, 'anker-r4-au-2024.json');
      writeFileSync(f, `\uFEFF${readFileSync(f, 'utf8')}`);
    });
    const build = await runMain(['data', 'build', dir]);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const r = await runMain(['data', 'validate', dir]);
    expect(r.stderr).not.toMatch(/not valid JSON/u);
    expect(r.code).toBe(0);
    expect((await runMain(['A3102', 'ACCJRU1D16400900', '--country', 'AU', '--data-dir', dir])).stdout).toMatch(/^AFFECTED/mu);
  });

  it('a definition newer than this tool says to upgrade', async () => {
    const dir = dataCopy((d) => {
      editJson(join(d, 'anker-r4-au-2024.json'), (doc) => {
        doc.schemaVersion = 3;
      });
      rehash(d);
    });
    const r = await runMain(['data', 'validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/anker-r4-au-2024\.json at \$\.schemaVersion: schemaVersion 3 is newer than this recall-check supports \(2\): upgrade recall-check/u);
  });

  it('data build rewrites the manifest of a directory; data validate then passes', async () => {
    const dir = dataCopy((d) => {
      const f = join(d, 'anker-r4-au-2024.json');
      writeFileSync(f, readFileSync(f, 'utf8').replace('"A replacement speaker."', '"A replacement speaker (edited)."'));
    });
    expect((await runMain(['data', 'validate', dir])).code).toBe(2);
    const build = await runMain(['data', 'build', dir]);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/manifest\.json: \d+ definitions, data \d{4}\.\d{2}\.\d{2}/u);
    expect((await runMain(['data', 'validate', dir])).code).toBe(0);
  });
});

describe('data age', () => {
  const generated = () => manifest().generated as string;
  const daysAfter = (n: number) => new Date(Date.parse(`${generated()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  it('no warning while the data is fresh', async () => {
    expect((await runMain(['A1263'], { env: { RECALL_CHECK_NOW: daysAfter(90) } })).stderr).toBe('');
  });

  it('one line on stderr, never stdout, when the data is older than 90 days', async () => {
    const r = await runMain(['A1263', '--json'], { env: { RECALL_CHECK_NOW: daysAfter(91) } });
    expect(r.stderr).toBe(`recall-check: note: the recall data is 91 days old (generated ${generated()}); newer recalls may exist. Update: in your recall-check clone, run git pull && npm install\n`);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('the threshold is an option, and batch warns too', async () => {
    expect((await runMain(['A1263', '--max-data-age', '10'], { env: { RECALL_CHECK_NOW: daysAfter(11) } })).stderr).toMatch(/11 days old/u);
    expect((await runMain(['batch', '-', '--max-data-age', '200'], { env: { RECALL_CHECK_NOW: daysAfter(150) }, input: 'model\nA9999\n' })).stderr).not.toMatch(/days old/u);
    expect((await runMain(['batch', '-'], { env: { RECALL_CHECK_NOW: daysAfter(150) }, input: 'model\nA9999\n' })).stderr).toMatch(/150 days old/u);
    const bad = await runMain(['A1263', '--max-data-age', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-data-age: "soon" is not a whole number of days/u);
  });
});

describe('data validate after an edit', () => {
  it('lists the edit\'s problems, not only the checksum mismatch', async () => {
    const dir = dataCopy((d) => {
      editJson(join(d, 'anker-r4-au-2024.json'), (doc) => {
        doc.colour = 'black';
      });
    });
    const r = await runMain(['data', 'validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('anker-r4-au-2024.json: checksum mismatch');
    expect(r.stderr).toMatch(/anker-r4-au-2024\.json at \$: Unrecognized key: "colour"/u);
  });
});
