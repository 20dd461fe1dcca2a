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
  /** Set when the code matched a listing alias: a code the product was sold under, not printed on it. */
  viaAlias?: string;
}

export interface Catalog {
  readonly recalls: readonly RecallDefinition[];
  lookup(code: string): readonly CatalogEntry[];
  /** Recalled models that the code extends or abbreviates, for a "did you mean" hint. */
  similar(code: string): readonly string[];
  /** The lengths of every code `lookup` knows, shortest first: what a search in free text tries. */
  readonly codeLengths: readonly number[];
  /** False when no code starts as `text` does from `at` (its three characters there): most text is turned away here. */
  mayStartCode(text: string, at?: number): boolean;
  /** Every code `lookup` knows: models, declared SKUs, aliases. */
  readonly codes: readonly string[];
}

const NONE: readonly CatalogEntry[] = Object.freeze([]);
const NO_SIMILAR: readonly string[] = Object.freeze([]);

export function buildCatalog(recalls: readonly RecallDefinition[]): Catalog {
  const byModel = new Map<string, CatalogEntry[]>();
  // A declared SKU names a variant of its model, so it finds every recall of that model, not only
  // the definition that declared it: a US A1263 unit typed as its Japanese SKU A1263016 must still
  // meet the US recall.
  const skuOf = new Map<string, string>();
  const aliasOf = new Map<string, string>();
  for (const recall of recalls) {
    for (const product of recall.products) {
      const list = byModel.get(product.model);
      if (list) list.push({ recall, product });
      else byModel.set(product.model, [{ recall, product }]);
      for (const sku of product.skus?.value ?? []) if (sku !== product.model) skuOf.set(sku, product.model);
      for (const alias of product.aliases?.value ?? []) aliasOf.set(alias, product.model);
    }
  }
  const bySku = new Map<string, CatalogEntry[]>();
  for (const [sku, model] of skuOf) {
    if (!byModel.has(sku)) bySku.set(sku, byModel.get(model)!.map((e) => ({ ...e, viaSku: sku })));
  }
  // Like a SKU, an alias stands for its model in every recall of that model.
  const byAlias = new Map<string, CatalogEntry[]>();
  for (const [alias, model] of aliasOf) {
    if (!byModel.has(alias) && !bySku.has(alias)) byAlias.set(alias, byModel.get(model)!.map((e) => ({ ...e, viaAlias: alias })));
  }
  const codes = [...byModel.keys(), ...bySku.keys(), ...byAlias.keys()];
  const known = headsOf(codes);
  return {
    recalls,
    lookup: (code) => (known(code) ? (byModel.get(code) ?? bySku.get(code) ?? byAlias.get(code) ?? NONE) : NONE),
    similar: similarTo([...byModel.keys()]),
    codeLengths: lengthsOf(codes),
    mayStartCode: known,
    codes: Object.freeze(codes),
  };
}

/**
 * A catalog that parses definitions only when a lookup needs them. `codes[i]` maps every model, SKU
 * and alias code of definition i to its model. A lookup parses the definitions that mention the code's
 * model, which are all the recalls it can match: a single check parses one or two definitions
 * instead of all of them.
 */
export function lazyCatalog(codes: readonly Record<string, string>[], load: (i: number) => RecallDefinition): Catalog {
  const loaded = new Map<number, RecallDefinition>();
  const get = (i: number) => {
    let r = loaded.get(i);
    if (!r) loaded.set(i, (r = load(i)));
    return r;
  };
  let full: Catalog | undefined;
  const all = () => (full ??= buildCatalog(codes.map((_, i) => get(i))));
  const modelOf = new Map<string, string>();
  for (const c of codes) for (const [code, model] of Object.entries(c)) if (!modelOf.has(code) || code === model) modelOf.set(code, model);
  const cache = new Map<string, readonly CatalogEntry[]>();
  const known = headsOf([...modelOf.keys()]);
  return {
    get recalls() {
      return all().recalls;
    },
    lookup(code) {
      if (full) return full.lookup(code);
      if (!known(code)) return NONE;
      const model = modelOf.get(code);
      if (model === undefined) return NONE;
      let hit = cache.get(code);
      if (!hit) {
        const subset = codes.flatMap((c, i) => (Object.values(c).includes(model) ? [get(i)] : []));
        hit = buildCatalog(subset).lookup(code);
        cache.set(code, hit);
      }
      return hit;
    },
    similar: similarTo([...new Set(codes.flatMap((c) => Object.values(c)))]),
    codeLengths: lengthsOf([...modelOf.keys()]),
    mayStartCode: known,
    codes: Object.freeze([...modelOf.keys()]),
  };
}

function lengthsOf(codes: readonly string[]): readonly number[] {
  return Object.freeze([...new Set(codes.map((c) => c.length))].sort((a, b) => a - b));
}

/**
 * Recalled models that a code extends or abbreviates: such codes share at least their first three
 * characters.
 */
function similarTo(recalled: readonly string[]): (code: string) => readonly string[] {
  const models = [...recalled].sort();
  const near = headsOf(models.filter((m) => m.length >= 3));
  return (code) => (code.length < 3 || !near(code) ? NO_SIMILAR : models.filter((m) => m !== code && (m.startsWith(code) || code.startsWith(m))));
}

/**
 * Whether a code may be one of `codes`, judged by its first three characters (from `at`) taken as
 * one number, ASCII letters in either case: no string is hashed or allocated, and most codes in an
 * inventory are turned away here. A code shorter than three characters is never turned away.
 */
function headsOf(codes: readonly string[]): (code: string, at?: number) => boolean {
  // ASCII letters compare upper-cased, so that free text is turned away before it is upper-cased.
  const up = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
  const key = (code: string, at: number) => up(code.charCodeAt(at)) * 961 + up(code.charCodeAt(at + 1)) * 31 + up(code.charCodeAt(at + 2));
  // A bitmap over every head of three ASCII characters: one array read, no hashing. A head with a
  // non-ASCII character falls outside it and is left to the exact look-up.
  const heads = new Uint8Array(128 * 961 + 1);
  for (const c of codes) if (c.length >= 3) heads[key(c, 0)] = 1;
  const short = codes.some((c) => c.length < 3);
  return (code, at = 0) => {
    if (code.length - at < 3) return short;
    const h = key(code, at);
    return h >= heads.length || heads[h] === 1;
  };
}
