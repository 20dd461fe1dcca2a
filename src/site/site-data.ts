/**
 * What `recall-check site` embeds in the page: the recall definitions it loaded and verified
 * (checksums against the manifest for the bundled data, full validation for --data-dir and
 * --extra-data-dir), and what the page says about them. The browser never verifies checksums
 * itself: it has no node:crypto, and it is handed definitions that were verified when the page
 * was written.
 */
import type { RecallDefinition } from '../data/schema.js';

export interface SiteData {
  readonly recalls: readonly RecallDefinition[];
  readonly data: { readonly version: string; readonly generated: string; readonly bundled: boolean };
  readonly tool: { readonly version: string };
  /** The page warns, as the CLI does, when the data is older than this. */
  readonly maxDataAgeDays: number;
}

/** The id of the element that holds the data as JSON. */
export const DATA_ELEMENT_ID = 'recall-data';

/** JSON that can sit inside a <script> element: no "</script>" or "<!--" can end or change it. */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029');
}
