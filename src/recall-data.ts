/**
 * Recall data ready for checking: a verified data set and its catalog, built once per process.
 */
import { buildCatalog, type Catalog } from './core/catalog.js';
import { BUNDLED_DATA_DIR, loadDataset } from './data/load.js';
import type { Manifest } from './data/schema.js';

export interface RecallData extends Catalog {
  readonly dir: string;
  readonly manifest: Manifest;
  /** True for the data shipped with recall-check. */
  readonly bundled: boolean;
}

export interface LoadRecallDataOptions {
  /** Another data directory; it is validated in full, not only checked against its manifest. */
  dataDir?: string | undefined;
}

export async function loadRecallData(options: LoadRecallDataOptions = {}): Promise<RecallData> {
  const bundled = options.dataDir === undefined;
  const dataset = await loadDataset(options.dataDir ?? BUNDLED_DATA_DIR, { validate: !bundled });
  return { ...buildCatalog(dataset.recalls), dir: dataset.dir, manifest: dataset.manifest, bundled };
}
