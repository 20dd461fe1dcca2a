/**
 * An index built from a catalog's codes, once for the catalog in use. A run checks against one
 * catalog, so keeping the last one is enough, and costs a row one comparison.
 */
import type { Catalog } from './catalog.js';

export function perCatalog<T>(build: (catalog: Catalog) => T): (catalog: Catalog) => T {
  let last: Catalog | undefined;
  let value: T | undefined;
  return (catalog) => {
    if (catalog !== last) {
      value = build(catalog);
      last = catalog;
    }
    return value as T;
  };
}
