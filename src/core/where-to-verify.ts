import type { Product, RecallDefinition } from '../data/schema.js';

export interface VerifyAt {
  url: string;
  /** The manufacturer's serial checker or claim form, or failing that the official notice. */
  kind: 'checker' | 'official-notice';
}

/**
 * Where a user can settle a "verify": the product's own checker, else the recall's, else the
 * official notice of this recall (an official page cited for its title or authority). Undefined
 * when the sources name none: then only the manufacturer's contacts can settle it.
 */
export function whereToVerify(recall: RecallDefinition, product?: Product): VerifyAt | undefined {
  if (product?.checkerUrl) return { url: product.checkerUrl.value, kind: 'checker' };
  if (recall.checkerUrl) return { url: recall.checkerUrl.value, kind: 'checker' };
  const cited = new Set([...recall.title.refs, ...recall.authority.refs]);
  const notice = recall.references.find((r) => r.official && cited.has(r.id));
  return notice ? { url: notice.url, kind: 'official-notice' } : undefined;
}
