/**
 * The result model: what a check returns, as data. Reporters, the exit code and the library API all
 * read this; nothing here knows how it will be shown.
 */
import type { Product, RecallDefinition } from '../data/schema.js';
import type { Normalised } from './normalise.js';

/** The closed set of verdicts, from most to least severe. */
export const STATUSES = ['affected', 'verify', 'not-affected', 'no-recall'] as const;
export type Status = (typeof STATUSES)[number];

/** Machine-readable reasons, as written; `Reason` is the read-only form results carry. Their wording lives in messages.ts. */
type ReasonFields =
  | { code: 'all-units' }
  | { code: 'serial-in-published-range'; first: string; last: string }
  | { code: 'serial-outside-published-ranges'; ranges: readonly { readonly first: string; readonly last: string }[] }
  | { code: 'serial-rules-unpublished' }
  | { code: 'serial-missing' }
  | { code: 'serial-excluded-characters'; characters: readonly string[]; suggestion?: string }
  | { code: 'serial-non-ascii'; characters: readonly string[]; suggestion?: string }
  | { code: 'serial-spreadsheet-mangled'; detail: string }
  | { code: 'serial-invalid-characters'; characters: readonly string[] }
  | { code: 'serial-too-short'; expected: number; actual: number }
  | { code: 'serial-wrong-length'; expected: number; actual: number; excludes: boolean }
  | { code: 'serial-wrong-prefix'; expected: string; excludes: boolean }
  | { code: 'outside-jurisdiction'; country: string; jurisdictions: readonly string[] }
  | { code: 'recalled-elsewhere'; country: string; jurisdictions: readonly string[] }
  | { code: 'model-non-ascii'; characters: readonly string[]; suggestion: string }
  | { code: 'model-misread'; read: string; model: string }
  | { code: 'model-extra-text'; read: string }
  | { code: 'model-in-column'; read: string; column: string }
  | { code: 'possible-sku'; sku: string; model: string; column?: string }
  | { code: 'model-not-in-columns'; columns: readonly string[] }
  | { code: 'model-matched-sku'; sku: string; model: string }
  | { code: 'model-not-in-data' }
  | { code: 'similar-models'; models: readonly string[] }
  // The unit-scope kinds beyond ranges (scope.ts).
  | { code: 'read-label'; field: string; where?: string; unmarked?: 'recalled' | 'not-recalled' | 'unstated' }
  | { code: 'serial-matches-prefix'; prefix: string; length?: number }
  | { code: 'serial-listed'; serial: string }
  | { code: 'serial-not-listed'; count: number; excludes: boolean }
  | { code: 'serial-near-listed'; serial: string; listed: string }
  | { code: 'serial-unlisted-length'; lengths: readonly number[]; actual: number }
  | { code: 'marking-listed'; marking: string; value: string }
  | { code: 'marking-absent'; marking: string; unmarked: 'recalled' | 'not-recalled' | 'unstated' }
  | { code: 'marking-not-listed'; marking: string; value: string; excludes: boolean }
  | { code: 'serial-last-character'; character: string; recalled: readonly string[]; inScope: boolean; excludes: boolean }
  | { code: 'batch-and-date-unreadable'; batches: readonly string[]; made: readonly { readonly from: string; readonly to: string }[]; serialGiven: boolean }
  | { code: 'model-listing-alias'; alias: string; model: string }
  | { code: 'colours-excluded'; colours: readonly string[] }
  | { code: 'warning-no-recall'; authority: string };

/**
 * Read-only: most rows of an inventory carry the same frozen reasons, matches and
 * normalised model, so nothing that holds one may change it (see freeze.ts).
 */
export type Reason = Readonly<ReasonFields>;

export type ReasonCode = Reason['code'];

/** A model or serial as given and as compared, with what normalisation changed or doubted. */
export type NormalisedField = Normalised;

/** One recall that covers the model, and what it says about this unit. */
export interface RecallMatch {
  readonly recallId: string;
  readonly status: Exclude<Status, 'no-recall'>;
  readonly reasons: readonly Reason[];
  /** The product entry the model matched, and the whole definition with its facts and references (frozen with the catalog). */
  readonly product: Product;
  readonly recall: RecallDefinition;
}

/** A verdict, read-only: the parts it shares with other results are frozen (see freeze.ts). */
export interface CheckResult {
  readonly model: NormalisedField;
  readonly serial?: NormalisedField;
  readonly country?: string;
  readonly status: Status;
  /** Why the overall status is what it is: the reasons of the matches that decided it. */
  readonly reasons: readonly Reason[];
  readonly matches: readonly RecallMatch[];
  /** Set when a configured acknowledgement covers this finding: reported, but not failing the run. */
  readonly acknowledged?: { readonly reason: string; readonly expires?: string };
}

const RANK: Record<Status, number> = { affected: 0, verify: 1, 'not-affected': 2, 'no-recall': 3 };

/** The more severe of two statuses: a unit affected by any recall is affected. */
export function worse(a: Status, b: Status): Status {
  return RANK[a] <= RANK[b] ? a : b;
}
