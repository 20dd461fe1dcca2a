/**
 * A recalled model code that appears in a row, in any spelling people or marketplaces write it, is
 * never answered no-recall or not-affected: the commands of the "never miss a recalled unit"
 * issue, end to end through the built bin.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flat, ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { scratchFiles } from '../helpers/project.js';

const { dir, file } = scratchFiles('recall-check-text-');
const json = async (args: string[], opts = {}) => {
  const r = await runMain([...args, '--json'], opts);
  return { ...r, doc: r.stdout ? JSON.parse(r.stdout) : undefined };
};
const ndjsonRows = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((d) => d.type === 'row');

describe('single check: what people type', () => {
  it('"Anker A1263": verify, naming the code found in the text', async () => {
    const { code, doc } = await json(['Anker A1263', 'AHJ5K7M9P2Q4R6T8']);
    expect(code).toBe(3);
    expect(doc.results[0].status).toBe('verify');
    expect(doc.results[0].reasons[0]).toMatchObject({ code: 'model-extra-text', read: 'A1263' });
  });

  it('A1263011, an SKU form no definition declares: verify (possible-sku), never no-recall or affected', async () => {
    const { code, doc } = await json(['A1263011', 'AHJ5K7M9P2Q4R6T8']);
    expect(code).toBe(3);
    expect(doc.results[0].reasons[0]).toMatchObject({ code: 'possible-sku', sku: 'A1263011', model: 'A1263' });
  });

  it('two serials joined, the first in a published range: verify, never not-affected', async () => {
    const r = await runMain(['A3102', 'ACCJRU1D16400900ACCJRU1D16400901', '--country', 'AU']);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('NOT AFFECTED');
    expect(flat(r.stdout)).toContain('32 characters; this recall\'s serials have 16: 2 serials joined?');
  });

  it('"A1263 (black)" sold in the US: the Japanese recall does not apply and is not printed as a finding', async () => {
    const { doc } = await json(['A1263 (black)', 'X', '--country', 'US']);
    const res = doc.results[0];
    expect(res.status).toBe('verify');
    expect(res.matches.map((m: { recallId: string; status: string }) => [m.recallId, m.status])).toEqual([['anker-a1263-us-2025', 'verify'], ['anker-r8-jp-2025', 'not-affected']]);
    const text = (await runMain(['A1263 (black)', 'X', '--country', 'US'])).stdout;
    expect(text).not.toContain('── Anker PowerCore 10000 (A1263) · anker-r8-jp-2025');
  });

  it.each([['A1366BK'], ['AK-A1366'], ['a1366-blk'], ['Anker PowerCore (A1366)'], ['Ａ１３６６']])('%s: a recalled-whole model in text is verify, never no-recall', async (model) => {
    const { code, doc } = await json([model]);
    expect(doc.results[0].status, model).not.toBe('no-recall');
    expect([1, 3]).toContain(code);
  });

  it('A12630 and A126 are not A1263, but keep the similar-model hint, in check and in show', async () => {
    for (const model of ['A12630', 'A126']) {
      const r = await runMain([model]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Recalled models with similar codes: A1263');
      const shown = await runMain(['show', model]);
      expect(shown.code).toBe(2);
      expect(shown.stderr).toContain('Recalled models with similar codes: A1263');
    }
  });

  it.each(['N/A', '-', 'none', 'n/a'])('a serial %j reads as missing, and says so', async (serial) => {
    const r = await runMain(['A1263', serial, '--country', 'US']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`"${serial}" means no serial: read as missing`);
    expect(r.stdout).toContain('No serial number given');
  });
});

describe('countries as people write them: flags, environment, configuration, rows', () => {
  it.each([['us'], ['USA'], ['U.S.'], ['United States'], ['usa'], ['united states of america']])('--country %j is the US', async (country) => {
    expect((await json(['A3102', 'ACCJRU1D16400900', '--country', country])).doc.results[0].country).toBe('US');
  });
  it.each([['UK', 'GB'], ['United Kingdom', 'GB'], ['GBR', 'GB'], ['Deutschland', 'DE'], ['日本', 'JP'], ['JPN', 'JP'], ['au', 'AU'], ['Australia', 'AU']])('--country %j is %s', async (country, code) => {
    expect((await json(['A3102', 'ACCJRU1D16400900', '--country', country])).doc.results[0].country).toBe(code);
  });
  it('A3102 in range, sold in "au": affected, as in batch', async () => {
    expect((await runMain(['A3102', 'ACCJRU1D16400900', '--country', 'au'])).code).toBe(1);
  });
  it('from the environment and from a configuration file', async () => {
    expect((await json(['A1263'], { env: { RECALL_CHECK_COUNTRY: 'Deutschland' } })).doc.results[0].country).toBe('DE');
    const project = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(project, 'package.json'), '{}');
    writeFileSync(join(project, '.recall-checkrc.json'), '{"country": "United Kingdom"}');
    expect((await json(['A1263'], { cwd: project })).doc.results[0].country).toBe('GB');
  });
  it.each(['ZZ', 'Narnia'])('--country %s is refused, naming it, exit 2', async (country) => {
    const r = await runMain(['A1263', '--country', country]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--country: "${country}" is not a country`);
  });
});

describe('mistyped commands', () => {
  it.each([['btach', 'batch'], ['lsit', 'list'], ['shwo', 'show'], ['Batch', 'batch'], ['dat', 'data']])('%s: "did you mean %s?", exit 2, nothing checked', async (typo, meant) => {
    const r = await runMain([typo, 'f.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`"${typo}" is not a command: did you mean \`recall-check ${meant}\`?`);
  });
  it('a word far from every command, or one with digits, is still checked as a model', async () => {
    expect((await runMain(['PowerCore'])).code).toBe(0);
    expect((await runMain(['B4TCH'])).code).toBe(0);
  });
});

describe('batch: codes in text, descriptive columns, joined lines', () => {
  it('model cells as marketplaces write them are never no-recall', async () => {
    const cells = ['Anker PowerCore 10000 (A1263)', 'Anker 321 Power Bank (PowerCore 5K) A1112', 'A3102011', 'A1366BK', 'AK-A1366', 'A9999'];
    const path = file('models.csv', `model,serial\n${cells.map((c) => `"${c}",`).join('\n')}\n`);
    const r = await runMain(['batch', path, '-f', 'ndjson']);
    expect(ndjsonRows(r.stdout).map((x) => [x.cells[0], x.status])).toEqual([...cells.slice(0, 5).map((c) => [c, 'verify']), ['A9999', 'no-recall']]);
  });

  it('a title naming a recalled code beside a model cell that names none: verify, naming the column', async () => {
    const path = file('titles.csv', 'Title,Model,Serial\nAnker PowerCore 10000 A1263 used,PC10K,\nUSB cable,A9999,\n');
    const rows = ndjsonRows((await runMain(['batch', path, '-f', 'ndjson'])).stdout);
    expect(rows.map((x) => x.status)).toEqual(['verify', 'no-recall']);
    expect(rows[0].reasons[0]).toMatchObject({ code: 'model-in-column', read: 'A1263', column: 'Title' });
    expect(rows[0].reasons[0].message).toContain('Column "Title" names the recalled model A1263');
  });

  it('an Amazon listings report: refused without a model column, with the --scan-columns to use', async () => {
    const listings = join(ROOT, 'test/fixtures/exports/amazon-listings-titles.txt');
    const r = await runMain(['batch', listings]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no model column found');
    expect(r.stderr).toContain('--scan-columns "item-name,item-description,seller-sku"');
  });

  it('an Amazon listings report with --scan-columns item-name,seller-sku: every recalled code found, the rest say what was searched', async () => {
    const listings = join(ROOT, 'test/fixtures/exports/amazon-listings-titles.txt');
    const r = await runMain(['batch', listings, '--scan-columns', 'item-name,seller-sku', '-f', 'ndjson']);
    expect(r.code).toBe(3);
    const rows = ndjsonRows(r.stdout);
    expect(rows.map((x) => [x.line, x.status, x.reasons[0].code, x.reasons[0].read ?? x.reasons[0].sku ?? null])).toEqual([
      [2, 'verify', 'model-in-column', 'A1263'],
      [3, 'verify', 'model-in-column', 'A1112'],
      [4, 'verify', 'possible-sku', 'A3102011'],
      [5, 'verify', 'model-in-column', 'A1366'],
      [6, 'no-recall', 'model-not-in-columns', null],
      [7, 'no-recall', 'model-not-in-columns', null],
    ]);
    expect(rows[4].reasons[0].message).toContain('only "item-name", "seller-sku" were searched');
    const table = (await runMain(['batch', listings, '--scan-columns', 'item-name,seller-sku'])).stdout;
    expect(table).toMatch(/^2 +verify +A1263 /mu);
  });

  it('mixed line breaks: a CRLF file with a stray LF line reads every physical line as a row', async () => {
    const r = await runMain(['batch', '-', '-f', 'ndjson'], { input: 'Model\r\nA9999\r\nA9999\nA1366\r\n' });
    expect(r.code).toBe(1);
    expect(ndjsonRows(r.stdout).map((x) => [x.line, x.cells, x.status])).toEqual([[2, ['A9999'], 'no-recall'], [3, ['A9999'], 'no-recall'], [4, ['A1366'], 'affected']]);
  });

  it('mixed line breaks: an LF file with CRLF lines, quoted line breaks kept inside their cell, no CR left in a cell or mid-line', async () => {
    const input = 'model,note\nA9999,a\r\nA1366,"two\r\nlines"\r\nA1263,"x\ny"\n';
    const rows = ndjsonRows((await runMain(['batch', '-', '-f', 'ndjson'], { input })).stdout);
    expect(rows.map((x) => [x.line, x.cells])).toEqual([[2, ['A9999', 'a']], [3, ['A1366', 'two\r\nlines']], [5, ['A1263', 'x\ny']]]);
    const csv = (await runMain(['batch', '-', '-f', 'csv'], { input })).stdout;
    expect(csv.split('\n')[1]).toBe('A9999,a,no-recall,,none on file; not a safety clearance,,');
  });

  it('a similar-model hint shows in the table, the CSV reason and the HTML report', async () => {
    const path = file('similar.csv', 'model\nA9999\nA12630\nA9998\n');
    expect((await runMain(['batch', path])).stdout).toMatch(/^3 +no-recall +A12630 .*similar codes: A1263/mu);
    const csv = (await runMain(['batch', path, '-f', 'csv'])).stdout.split('\n');
    expect(csv[1]).toBe('A9999,no-recall,,none on file; not a safety clearance,,');
    expect(csv[2]).toContain('A12630,no-recall,,none on file; not a safety clearance. Recalled models with similar codes: A1263.');
    expect(csv[3]).toBe('A9998,no-recall,,none on file; not a safety clearance,,');
    expect((await runMain(['batch', path, '-f', 'html'])).stdout).toContain('close to a recalled model');
  });

  it('recall_ids lists only the recalls that apply to the row\'s country', async () => {
    const path = file('ids.csv', 'model,serial,country\nA1263 (black),X,US\n');
    const out = (await runMain(['batch', path, '-f', 'csv'])).stdout.split('\n')[1]!;
    expect(out).toContain(',verify,anker-a1263-us-2025,');
    expect(out).not.toContain('anker-r8-jp-2025');
  });
});

describe('show and acknowledgements', () => {
  it('"also recalled in" names only recalls that cover the model shown', async () => {
    const also = flat((await runMain(['show', 'A1257'])).stdout).match(/Also recalled in [^]*?\)(?:; [^;]*?\))*/gu) ?? [];
    expect(also.length).toBeGreaterThan(0);
    for (const line of also) expect(line).not.toMatch(/anker-r5-/u);
  });

  it('an acknowledgement naming a recall id that does not exist is refused when the configuration is read', async () => {
    const project = mkdtempSync(join(dir, 'ack-'));
    writeFileSync(join(project, 'package.json'), '{}');
    writeFileSync(join(project, '.recall-checkrc.json'), JSON.stringify({ acknowledgements: [{ recall: 'anker-r4-au-2042', reason: 'returned' }] }));
    const r = await runMain(['A3102'], { cwd: project });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('.recall-checkrc.json at $.acknowledgements[0].recall: no recall "anker-r4-au-2042" in the data: did you mean "anker-r4-au-2024"');
    const b = await runMain(['batch', file('ack.csv', 'model\nA3102\n')], { cwd: project });
    expect(b.code).toBe(2);
  });
});

describe('codes in a row\'s other columns: glued, hidden, or in a title beside a model', () => {
  it('a code glued after letters or digits, or with an invisible character inside, is found', async () => {
    for (const model of ['AnkerA1263', 'AKA1366BLK', 'SKUA1263', '10000A1263', 'A\u00AD1263', 'A\u200B1263', 'A–1263']) {
      expect((await json([model])).doc.results[0].status, model).not.toBe('no-recall');
    }
  });

  it('an empty model cell whose title names a recalled code is checked, not skipped', async () => {
    const rows = ndjsonRows((await runMain(['batch', '-', '-f', 'ndjson'], { input: 'Model,Title\n,Anker A1366\n,plain\n' })).stdout);
    expect(rows.map((x) => x.status)).toEqual(['verify', 'skipped']);
  });

  it('every column of a name given to --scan-columns is searched', async () => {
    const rows = ndjsonRows((await runMain(['batch', '-', '--scan-columns', 'Title', '-f', 'ndjson'], { input: 'Title,Title\nfoo,Anker A1263\n' })).stdout);
    expect(rows.map((x) => x.status)).toEqual(['verify']);
  });

  it('--scan-columns naming only the serial column is refused: nothing would be searched', async () => {
    const r = await runMain(['batch', '-', '--scan-columns', 'Serial'], { input: 'Title,Serial\nAnker A1263,AHJ5K7M9P2Q4R6T8\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--scan-columns names only the columns read as the model, serial or country');
  });

  it.each([[['--country', 'US', 'batch', 'inv.csv'], 'batch'], [['--no-config', 'lsit'], 'list'], [['--country=US', 'show', 'A1263'], 'show']])('%j: a command after the options is refused, exit 2', async (args, command) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`put the command first, e.g. \`recall-check ${command} `);
  });

  it('a title naming another recalled model than the cell\'s is reported too', async () => {
    const out = (await runMain(['batch', '-', '-f', 'csv'], { input: 'Model,Title,Country\nA1263,Anker A1366 slim,DE\n' })).stdout.split('\n')[1]!;
    expect(out).toContain(',verify,anker-r2-de-2023 anker-r2-global-2023,');
    expect(out).toContain('Column ""Title"" names the recalled model A1366');
  });

  it('a no-model-column row where nothing is found says so once, without repeating "not a clearance"', async () => {
    const listings = join(ROOT, 'test/fixtures/exports/amazon-listings-titles.txt');
    const csv = (await runMain(['batch', listings, '--scan-columns', 'item-name,seller-sku', '-f', 'csv'])).stdout;
    const row = csv.split('\r\n').find((l) => l.includes('CBL-USBC-1M'))!;
    expect(row.match(/not a safety clearance/gu)).toHaveLength(1);
  });
});
