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
  const byCode = new Map<string, CatalogEntry[]>();
  const add = (code: string, entry: CatalogEntry) => {
    const list = byCode.get(code);
    if (list) list.push(entry);
    else byCode.set(code, [entry]);
  };
  for (const recall of recalls) {
    for (const product of recall.products) {
      add(product.model, { recall, product });
      for (const sku of product.skus?.value ?? []) {
        if (sku !== product.model) add(sku, { recall, product, viaSku: sku });
      }
    }
  }
  const models = [...new Set(recalls.flatMap((r) => r.products.map((p) => p.model)))].sort();
  // Similar codes share at least their first three characters; most codes share them with no
  // recalled model, and this rejects those without scanning the list.
  const heads = new Set(models.map((m) => m.slice(0, 3)));
  return {
    recalls,
    lookup: (code) => byCode.get(code) ?? NONE,
    similar: (code) =>
      code.length < 3 || !heads.has(code.slice(0, 3)) ? [] : models.filter((m) => m !== code && (m.startsWith(code) || code.startsWith(m))),
  };
}
