/**
 * The recall definitions indexed by every code that identifies a product: its model and the SKU
 * forms a definition declares. Lookup is exact: A12630 and A126 are not A1263.
 */
import type { Product, RecallDefinition } from '../data/schema.js';

export interface CatalogEntry {
  recall: RecallDefinition;
  product: Product;
  /** Set when the code matched a declared SKU form rather than the model itself. */
  viaSku?: string;
}

export interface Catalog {
  readonly recalls: readonly RecallDefinition[];
  lookup(code: string): readonly CatalogEntry[];
  /** Recalled models that the code extends or abbreviates, for a "did you mean" hint. */
  similar(code: string): string[];
}

const NONE: readonly CatalogEntry[] = [];

export function buildCatalog(recalls: readonly RecallDefinition[]): Catalog {
  const byModel = new Map<string, CatalogEntry[]>();
  // A declared SKU names a variant of its model, so it finds every recall of that model, not only
  // the definition that declared it: a US A1263 unit typed as its Japanese SKU A1263016 must still
  // meet the US recall.
  const skuOf = new Map<string, string>();
  for (const recall of recalls) {
    for (const product of recall.products) {
      const list = byModel.get(product.model);
      if (list) list.push({ recall, product });
      else byModel.set(product.model, [{ recall, product }]);
      for (const sku of product.skus?.value ?? []) if (sku !== product.model) skuOf.set(sku, product.model);
    }
  }
  const bySku = new Map<string, CatalogEntry[]>();
  for (const [sku, model] of skuOf) {
    if (!byModel.has(sku)) bySku.set(sku, byModel.get(model)!.map((e) => ({ ...e, viaSku: sku })));
  }
  const models = [...byModel.keys()].sort();
  // Similar codes share at least their first three characters; most codes share them with no
  // recalled model, and this rejects those without scanning the list.
  const heads = new Set(models.map((m) => m.slice(0, 3)));
  return {
    recalls,
    lookup: (code) => byModel.get(code) ?? bySku.get(code) ?? NONE,
    similar: (code) =>
      code.length < 3 || !heads.has(code.slice(0, 3)) ? [] : models.filter((m) => m !== code && (m.startsWith(code) || code.startsWith(m))),
  };
}
