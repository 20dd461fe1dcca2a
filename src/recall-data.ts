/**
 * Recall data ready for checking: a verified data set and its catalog, built once per process.
 */
import { buildCatalog, type Catalog, lazyCatalog } from './core/catalog.js';
import { RecallCheckError } from './core/errors.js';
import { BUNDLED_DATA_DIR, loadDataset } from './data/load.js';
import type { Manifest } from './data/schema.js';

export interface RecallData extends Catalog {
  readonly dir: string;
  readonly manifest: Manifest;
  /** True for the data shipped with recall-check. */
  readonly bundled: boolean;
}

export interface LoadRecallDataOptions {
  /** Another data directory instead of the bundled one; it is validated in full. */
  dataDir?: string | undefined;
  /** Directories of definitions to use as well (an organisation's own), validated in full. */
  extraDirs?: readonly string[] | undefined;
}

export async function loadRecallData(options: LoadRecallDataOptions = {}): Promise<RecallData> {
  const bundled = options.dataDir === undefined;
  const main = await loadDataset(options.dataDir ?? BUNDLED_DATA_DIR, { validate: !bundled });
  if (main.lazy && (options.extraDirs ?? []).length === 0) {
    const catalog = lazyCatalog(main.lazy.codes, main.lazy.load);
    // Not spread: that would read `recalls` and parse every definition.
    return {
      get recalls() {
        return catalog.recalls;
      },
      lookup: catalog.lookup,
      similar: catalog.similar,
      codeLengths: catalog.codeLengths,
      mayStartCode: catalog.mayStartCode,
      codes: catalog.codes,
      dir: main.dir,
      manifest: main.manifest,
      bundled,
    };
  }
  const recalls = [...main.recalls];
  const seen = new Map(recalls.map((r) => [r.id, main.dir]));
  for (const dir of options.extraDirs ?? []) {
    const extra = await loadDataset(dir, { validate: true });
    for (const r of extra.recalls) {
      const other = seen.get(r.id);
      if (other) throw new RecallCheckError('data', [{ file: dir, message: `recall id "${r.id}" is also defined in ${other}: ids must be unique across data directories` }]);
      seen.set(r.id, dir);
      recalls.push(r);
    }
  }
  return { ...buildCatalog(recalls), dir: main.dir, manifest: main.manifest, bundled };
}

