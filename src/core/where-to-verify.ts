import type { RecallDefinition } from '../data/schema.js';

export interface VerifyAt {
  url: string;
  /** The manufacturer's serial checker or claim form, or failing that the official notice. */
  kind: 'checker' | 'official-notice';
}

/** Where a user can settle a "verify": the checker when the data has one, else the official notice. */
export function whereToVerify(recall: RecallDefinition): VerifyAt | undefined {
  if (recall.checkerUrl) return { url: recall.checkerUrl.value, kind: 'checker' };
  const official = recall.references.find((r) => r.official);
  return official ? { url: official.url, kind: 'official-notice' } : undefined;
}
