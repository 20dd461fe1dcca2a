import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecallCheckError } from '../../src/core/errors.js';
import { loadDataset } from '../../src/data/load.js';
import { buildManifest } from '../../src/data/manifest.js';
import { definition } from '../helpers/definitions.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data directory with a manifest built over the given files' text. */
function dataDir(files: Record<string, string>, manifestOverride?: (m: object) => object): string {
  const dir = mkdtempSync(join(tmpdir(), 'recall-data-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const manifest = buildManifest(Object.entries(files).map(([path, text]) => ({ path, bytes: Buffer.from(text) })), undefined, '2026-01-02');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestOverride ? manifestOverride(manifest) : manifest, null, 2));
  return dir;
}

async function problems(dir: string, validate = true): Promise<string[]> {
  try {
    await loadDataset(dir, { validate });
  } catch (e) {
    if (e instanceof RecallCheckError) return e.problems.map((p) => `${p.file?.replace(dir, '<dir>')}|${p.line ?? ''}:${p.column ?? ''}|${p.path ?? ''}|${p.message}`);
    throw e;
  }
  return [];
}

const good = JSON.stringify(definition(), null, 2);

describe('loadDataset', () => {
  it('loads a valid directory', async () => {
    const dir = dataDir({ 'a.json': good });
    const ds = await loadDataset(dir, { validate: true });
    expect(ds.recalls.map((r) => r.id)).toEqual(['test-recall']);
    expect(ds.manifest.datasetVersion).toBe('2026.01.02');
  });

  it('refuses a file changed after the manifest was built', async () => {
    const dir = dataDir({ 'a.json': good });
    writeFileSync(join(dir, 'a.json'), good.replace('Can overheat.', 'Safe.'));
    expect(await problems(dir, false)).toEqual(['<dir>/a.json|:||checksum mismatch: the file changed after the manifest was built']);
  });

  it('reads a definition saved with a UTF-8 byte-order mark, validated or not', async () => {
    const dir = dataDir({ 'a.json': `\uFEFF${good}` });
    expect((await loadDataset(dir, { validate: true })).recalls.map((r) => r.id)).toEqual(['test-recall']);
    expect((await loadDataset(dir)).recalls.map((r) => r.id)).toEqual(['test-recall']);
  });

  it('names the line and column of bad JSON', async () => {
    const dir = dataDir({ 'a.json': '{\n  "id": "x",\n  "oops"\n}' });
    expect(await problems(dir, false)).toEqual(["<dir>/a.json|4:1||not valid JSON: Unexpected token '}'"]);
  });

  it('names the JSON path of a schema error, in every broken file at once', async () => {
    const broken = JSON.stringify({ ...definition(), hazard: { value: '', refs: ['notice'], confidence: 'high' } });
    const dir = dataDir({ 'a.json': broken, 'b.json': JSON.stringify({ ...definition({ id: 'b' }), extra: 1 }) });
    const found = await problems(dir);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^<dir>\/a\.json\|:\|\$\.hazard\.value\|Too small/u);
    expect(found[1]).toMatch(/^<dir>\/b\.json\|:\|\$\|Unrecognized key: "extra"/u);
  });

  it('refuses duplicate ids across files', async () => {
    const dir = dataDir({ 'a.json': good, 'b.json': good });
    expect(await problems(dir)).toEqual([`<dir>/b.json|:|$.id|duplicate recall id "test-recall", also used by ${dir}/a.json`]);
  });

  it('refuses a schemaVersion newer than supported, saying to upgrade', async () => {
    const dir = dataDir({ 'a.json': JSON.stringify({ ...definition(), schemaVersion: 9 }) });
    expect((await problems(dir, false)).join()).toMatch(/\$\.schemaVersion\|schemaVersion 9 is newer than this recall-check supports \(2\): upgrade recall-check/u);
    const newerManifest = dataDir({ 'a.json': good }, (m) => ({ ...m, schemaVersion: 3 }));
    expect((await problems(newerManifest, false)).join()).toMatch(/manifest\.json.*upgrade recall-check/u);
  });

  it('refuses an empty data set', async () => {
    const dir = dataDir({ 'a.json': good }, (m) => ({ ...m, files: [] }));
    expect((await problems(dir, false)).join()).toMatch(/the data set is empty/u);
    expect((await problems(dir, true)).join()).toMatch(/the data set is empty/u);
  });

  it('refuses a definition that the manifest does not list', async () => {
    const dir = dataDir({ 'a.json': good });
    writeFileSync(join(dir, 'new.json'), good);
    expect(await problems(dir, false)).toEqual(['<dir>/new.json|:||this definition is not listed in manifest.json, so it was never validated']);
  });

  it('refuses a directory without a manifest', async () => {
    const dir = dataDir({ 'a.json': good });
    rmSync(join(dir, 'manifest.json'));
    expect((await problems(dir)).join()).toMatch(/manifest\.json\|:\|\|no manifest\.json/u);
  });

  it('the bundled data matches its manifest: the same files, checksums and code index', async () => {
    // The manifest rebuilt from the definitions on disk is the committed one: a definition added,
    // edited or removed without rebuilding it, or a stale code index (which the lazy catalog
    // trusts), shows here.
    const committed = JSON.parse(readFileSync('data/manifest.json', 'utf8'));
    const files = readdirSync('data').filter((f) => f.endsWith('.json') && f !== 'manifest.json').map((path) => {
      const bytes = readFileSync(join('data', path));
      return { path, bytes, recall: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/u, '')) };
    });
    expect(buildManifest(files, committed, committed.generated)).toEqual(committed);
    // And the loader reads every one of them, in the manifest's order.
    const ds = await loadDataset();
    expect(ds.recalls.map((r) => r.id)).toEqual(committed.files.map((f: { path: string }) => files.find((x) => x.path === f.path)!.recall.id));
  });
});

describe('a tampered manifest', () => {
  it('an entry without a path is refused, not a crash', async () => {
    const dir = dataDir({ 'a.json': good }, (m) => ({ ...m, files: [{ sha256: 'x' }] }));
    expect((await problems(dir, false)).join()).toMatch(/\$\.files\[0\]\|each entry needs a file name/u);
  });
});

describe('the lazily parsed bundled catalog', () => {
  it('answers every lookup exactly as the fully built catalog does', async () => {
    const { loadRecallData } = await import('../../src/recall-data.js');
    const { buildCatalog } = await import('../../src/core/catalog.js');
    const lazy = await loadRecallData();
    const ds = await loadDataset();
    expect(ds.lazy).toBeDefined();
    const eager = buildCatalog(ds.recalls);
    const codes = new Set(ds.recalls.flatMap((r) => r.products.flatMap((p) => [p.model, ...(p.skus?.value ?? [])])));
    const ids = (entries: readonly { recall: { id: string }; product: { model: string }; viaSku?: string }[]) =>
      entries.map((e) => `${e.recall.id}/${e.product.model}/${e.viaSku ?? ''}`).sort();
    for (const code of [...codes, 'A9999', 'A126', 'A12630', 'B1']) {
      expect(ids(lazy.lookup(code)), code).toEqual(ids(eager.lookup(code)));
      expect(lazy.similar(code), code).toEqual(eager.similar(code));
    }
    expect(lazy.recalls.map((r) => r.id).sort()).toEqual(ds.recalls.map((r) => r.id).sort());
  });
});
