import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSI, BIN, copyOfData, editJson, flat, rehash } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const SERIAL = 'A1B2C3D4E5F6G7H8';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function brokenData(breakIt: (dir: string) => void): string {
  const { dir, cleanup } = copyOfData();
  cleanups.push(cleanup);
  breakIt(dir);
  return dir;
}

describe('recall-check <model> [serial]', () => {
  it('A1263 with a serial: verify, with the checker, remedy, proof and disposal; exit 3', async () => {
    const r = await runMain(['A1263', SERIAL]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^A1263 · serial A1B2C3D4E5F6G7H8\nVERIFY: this model is recalled/u);
    expect(r.stdout).toContain('Check at    https://www.anker.com/a1263-recall');
    expect(r.stdout).toContain('anker-a1263-us-2025');
    expect(r.stdout).toContain('anker-r8-jp-2025');
    expect(r.stdout).toContain('Gift card: A $30 gift card for Anker.com');
    expect(r.stdout).toMatch(/"recalled" written on the unit in permanent marker/u);
    expect(r.stdout).toContain('Wait for Anker\'s confirmation email');
    expect(r.stdout).toContain('Never put it in the trash, curbside recycling or store battery drop-off boxes.');
    expect(r.stdout).toContain('800-988-7973');
    expect(r.stdout).toContain('https://www.cpsc.gov/Recalls/2025/');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('A1263 without a serial: verify because the recall depends on it', async () => {
    const r = await runMain(['A1263']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('A1263 · no serial');
    expect(r.stdout).toContain('No serial number given, and the recall depends on it.');
  });

  it('shows how typed input was normalised', async () => {
    const r = await runMain(['a-1263', 'SN: a1b2 c3d4 e5f6 g7h8']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('model "a-1263" read as A1263 (upper-cased, removed dashes)');
    expect(flat(r.stdout)).toContain('serial "SN: a1b2 c3d4 e5f6 g7h8" read as A1B2C3D4E5F6G7H8 (upper-cased, removed "SN:", removed spaces)');
  });

  it('a model with no recall on file: no-recall, exit 0, and says it is not a clearance', async () => {
    const r = await runMain(['A9999', '123']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NO RECALL ON FILE for this model');
    expect(r.stdout).toMatch(/This is not a safety\s+clearance/u);
  });

  it('no prefix matching, but a hint', async () => {
    const r = await runMain(['A12630']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NO RECALL ON FILE');
    expect(r.stdout).toContain('Recalled models with similar codes: A1263.');
  });

  it('a serial in a published range: affected, exit 1', async () => {
    const r = await runMain(['A3102', 'ACCJRU1D16400900', '--country', 'AU']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/AFFECTED: this unit is under a safety recall/u);
    expect(r.stdout).toContain('The serial is in the published range ACCJRU1D16400841 to ACCJRU1D16400960.');
  });

  it('a serial longer than the stated length: verify with the official wording, never not-affected', async () => {
    const r = await runMain(['A3102', 'ACCJRU1D164009001', '--country', 'US']);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('NOT AFFECTED');
    expect(flat(r.stdout)).toContain('a unit whose serial is not 16 characters long is not in this recall');
  });

  it('two serials joined, the first in a published range: verify, "two serials joined?"', async () => {
    const r = await runMain(['A3102', 'ACCJRU1D16400900ACCJRU1D16400901', '--country', 'AU']);
    expect(r.code).toBe(3);
    expect(flat(r.stdout)).toContain("The serial has 32 characters; this recall's serials have 16: 2 serials joined?");
  });

  it('O or I in the serial: verify with the probable reading', async () => {
    const r = await runMain(['A1263', 'A1B2C3D4E5F6G7HO', '--country', 'US']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('did you mean A1B2C3D4E5F6G7H0?');
  });

  it('a spreadsheet-mangled serial: verify, never not-affected', async () => {
    const r = await runMain(['A3102', '1.23457E+15', '--country', 'AU']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/scientific notation/u);
  });

  it('--country narrows to recalls for units sold there', async () => {
    const us = await runMain(['A1263', SERIAL, '--country', 'us']);
    expect(us.code).toBe(3);
    expect(us.stdout).toContain('sold in US');
    expect(flat(us.stdout)).toMatch(/anker-r8-jp-2025 \(JP, 21 Oct 2025\): This recall covers units sold in JP, not US/u);
    expect(flat(us.stdout)).toContain('Also recalled in JP (21 Oct 2025, anker-r8-jp-2025)');
    const de = await runMain(['A1263', SERIAL, '--country', 'DE']);
    expect(de.code).toBe(3);
    expect(de.stdout).toContain('VERIFY');
    expect(flat(de.stdout)).toContain('This model is recalled for units sold in US, JP; no recall on file covers units sold in DE.');
    expect(flat(de.stdout)).toMatch(/anker-a1263-us-2025 \(US, 12 Jun 2025\): This recall covers units sold in US, not DE/u);
  });
});

describe('text beside a model or serial is never cleared', () => {
  it('two serials in one cell, or a serial and a note, are not joined into a cleared serial', async () => {
    for (const serial of ['ACCJRU1D16400900 ACCJRU1D16400901', 'ACCJRU1D16400900 refurb', 'ACCJRU1D-16400900-X']) {
      const r = await runMain(['A3102', serial, '--country', 'AU']);
      expect(r.code, serial).toBe(3);
      expect(r.stdout).not.toContain('NOT AFFECTED');
    }
    // Typed alone, the serial is in the published range.
    expect((await runMain(['A3102', 'ACCJRU1D16400900', '--country', 'AU'])).code).toBe(1);
  });

  it('a model followed by more text is read as the model and gives verify', async () => {
    for (const model of ['A1263 (black)', 'A1263.', 'a1263 PowerCore 10000']) {
      const r = await runMain([model, 'A1B2C3D4E5F6G7H8', '--country', 'US', '--json']);
      expect(r.code, model).toBe(3);
      expect(JSON.parse(r.stdout).results[0].reasons[0]).toMatchObject({ code: 'model-extra-text', read: 'A1263' });
    }
  });
});

describe('--json', () => {
  it('a model with no recall keeps the country of sale it was given, and no serial', async () => {
    const doc = JSON.parse((await runMain(['XYZ999', 'S1', '--country', 'United States', '--json'])).stdout);
    expect(doc.results[0]).toMatchObject({ status: 'no-recall', country: 'US' });
    expect(doc.results[0].serial).toBeUndefined();
  });

  it('prints one document with schemaVersion, data version and results', async () => {
    const r = await runMain(['A1263', SERIAL, '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8'));
    expect(doc.schemaVersion).toBe(2);
    expect(doc.tool).toEqual({ name: 'recall-check', version: JSON.parse(readFileSync('package.json', 'utf8')).version });
    expect(doc.data).toEqual({ version: manifest.datasetVersion, generated: manifest.generated, schemaVersion: manifest.schemaVersion });
    expect(doc.results).toHaveLength(1);
    const [res] = doc.results;
    expect(res.model).toMatchObject({ input: 'A1263', value: 'A1263' });
    expect(res.status).toBe('verify');
    expect(res.reasons[0]).toMatchObject({ code: 'serial-rules-unpublished' });
    expect(typeof res.reasons[0].message).toBe('string');
    expect(res.matches.map((m: { recallId: string }) => m.recallId)).toEqual(['anker-a1263-us-2025', 'anker-r8-jp-2025']);
    expect(res.matches[0].verifyAt).toEqual({ url: 'https://www.anker.com/a1263-recall', kind: 'checker' });
    expect(res.matches[0].recall.hazard.refs.length).toBeGreaterThan(0);
    expect(res.matches[0].recall.references[0].url).toMatch(/^https:/u);
  });
});

describe('exit code 2: usage and data errors, one message, no stack trace', () => {
  const expectUserError = (r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/u);
  };

  it('a bad --country', async () => expectUserError(await runMain(['A1263', '--country', 'Narnia']), /--country: "Narnia" is not a country: give an ISO 3166 code or a country name/u));
  it('a two-letter code that is no country', async () => expectUserError(await runMain(['A1263', '--country', 'ZZ']), /--country: "ZZ" is not a country/u));
  it('an unknown option', async () => expectUserError(await runMain(['A1263', '--frobnicate']), /unknown option '--frobnicate'/u));
  it('no model', async () => expectUserError(await runMain(['check']), /missing required argument 'model'/u));
  it('an empty model', async () => expectUserError(await runMain(['  ']), /the model number is empty/u));

  it('--data-dir that does not exist', async () => {
    const r = await runMain(['A1263', '--data-dir', '/nonexistent/recalls']);
    expectUserError(r, /data error: \/nonexistent\/recalls: no such data directory: check the path given with --data-dir, --extra-data-dir or dataDirs\n$/u);
  });

  it('--data-dir with a file changed after its manifest was built', async () => {
    const dir = brokenData((d) => writeFileSync(join(d, 'anker-r4-au-2024.json'), readFileSync(join(d, 'anker-r4-au-2024.json'), 'utf8').replace('ACCJRU1D16400841', 'ACCJRU1D16400001')));
    const r = await runMain(['A1263', SERIAL, '--data-dir', dir]);
    expectUserError(r, /anker-r4-au-2024\.json: checksum mismatch: the file changed after the manifest was built/u);
    expect(r.stderr).toMatch(/rebuild the manifest: recall-check data build/u);
  });

  it('--data-dir with bad JSON names line and column', async () => {
    const dir = brokenData((d) => {
      writeFileSync(join(d, 'anker-r4-au-2024.json'), '{\n  "id": "x",\n}\n');
      rehash(d);
    });
    expectUserError(await runMain(['A1263', '--data-dir', dir]), /anker-r4-au-2024\.json:3:1: not valid JSON/u);
  });

  it('--data-dir with a schema error names the JSON path', async () => {
    const dir = brokenData((d) => {
      editJson(join(d, 'anker-r4-au-2024.json'), (doc) => {
        doc.hazard.refs = [];
      });
      // `data build` would refuse the broken file, so plant it behind its checksum.
      rehash(d);
    });
    expectUserError(await runMain(['A1263', '--data-dir', dir]), /anker-r4-au-2024\.json at \$\.hazard\.refs: a fact needs at least one reference/u);
  });

  it('--data-dir whose schemaVersion is newer than supported', async () => {
    const dir = brokenData((d) => editJson(join(d, 'manifest.json'), (m) => {
      m.schemaVersion = 99;
    }));
    expectUserError(await runMain(['A1263', '--data-dir', dir]), /schemaVersion 99 is newer than this recall-check supports \(2\): upgrade recall-check/u);
  });

  it('--data-dir with an empty data set', async () => {
    const dir = brokenData((d) => editJson(join(d, 'manifest.json'), (m) => {
      m.files = [];
    }));
    expectUserError(await runMain(['A1263', '--data-dir', dir]), /the data set is empty/u);
  });

  it('a tampered bundled file is refused before any verdict', async () => {
    const dir = brokenData((d) => rmSync(join(d, 'anker-a1263-us-2025.json')));
    expectUserError(await runMain(['A1263', '--data-dir', dir]), /anker-a1263-us-2025\.json: listed in manifest\.json but missing/u);
  });
});

describe('--data-dir with a valid directory', () => {
  it('loads it with the same checks and answers from it', async () => {
    const dir = brokenData((d) => rmSync(join(d, 'anker-r8-jp-2025.json')));
    expect((await runMain(['data', 'build', dir])).code).toBe(0);
    const r = await runMain(['A1263', SERIAL, '--json', '--data-dir', dir]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).results[0].matches.map((m: { recallId: string }) => m.recallId)).toEqual(['anker-a1263-us-2025']);
  });
});

describe('colour', () => {
  it('is off when stdout is not a terminal', async () => {
    expect((await runMain(['A1263', SERIAL])).stdout).not.toMatch(ANSI);
  });
  it('FORCE_COLOR turns it on, even with NO_COLOR', async () => {
    expect((await runMain(['A1263', SERIAL], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runMain(['A1263', SERIAL], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runMain(['A1263', SERIAL], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ANSI);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  const onTty = (env: string) =>
    spawnSync('script', ['-qec', `env -u FORCE_COLOR ${env} ${process.execPath} ${BIN} A1263 ${SERIAL}`, '/dev/null'], { encoding: 'utf8' }).stdout;
  it.skipIf(!hasScript)('is on for a terminal, and NO_COLOR turns it off', () => {
    expect(onTty('-u NO_COLOR')).toMatch(ANSI);
    expect(onTty('NO_COLOR=1')).not.toMatch(ANSI);
  });
});

describe('--version and --help', () => {
  it('--version prints the tool and data versions', async () => {
    const r = await runMain(['--version']);
    const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`recall-check ${JSON.parse(readFileSync('package.json', 'utf8')).version}\ndata ${manifest.datasetVersion} (generated ${manifest.generated}, schema ${manifest.schemaVersion})\n`);
  });
  it('--help shows examples and exit codes', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ recall-check A1263 A1B2C3D4E5F6G7H8');
    expect(r.stdout).toMatch(/3 +nothing affected, but at least one unit to verify/u);
  });

  it('help piped to a reader that stops early ends quietly', async () => {
    for (const args of [['--help'], ['batch', '--help']]) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} | head -n 1`], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
    }
  });
});

describe('the recalls of the fact sheet', () => {
  it('A1647 sold in Canada: the Canadian 2025 recall with Health Canada\'s facts', async () => {
    const r = await runMain(['A1647', 'AB12CD34EF56GH78', '--country', 'CA', '--json']);
    expect(r.code).toBe(3);
    const [res] = JSON.parse(r.stdout).results;
    const ca = res.matches.find((m: { recallId: string }) => m.recallId === 'anker-r7-ca-2025');
    expect(ca.status).toBe('verify');
    expect(ca.recall.authority.value).toMatch(/Health Canada/u);
    expect(ca.recall.units.value).toBe(11985);
    // Recalls for other countries are listed as not applying, never as the verdict.
    expect(res.matches.filter((m: { status: string }) => m.status === 'not-affected').every((m: { reasons: { code: string }[] }) => m.reasons[0]!.code === 'outside-jurisdiction')).toBe(true);
  });

  it('A8185011: the 2016 cable recall, every unit', async () => {
    const r = await runMain(['A8185011']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('AFFECTED: this unit is under a safety recall');
    expect(r.stdout).toContain('Every unit of this model is recalled; the serial number does not matter.');
    expect(r.stdout).toContain('anker-r1-a8185011-2016');
  });

  it('A1681 sold in a country no recall on file covers: verify, not a clearance', async () => {
    const r = await runMain(['A1681', 'AB12CD34EF56GH78', '--country', 'GB']);
    expect(r.code).toBe(3);
    expect(flat(r.stdout)).toMatch(/no recall on file covers units sold in GB\. Our data may not cover every country/u);
  });
});
