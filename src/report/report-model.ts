/**
 * The single-check report and the recall page as data: every sentence, in order, with the places
 * where a terminal colours a link or a status marked as such. The terminal reporters (text.ts,
 * recall-page.ts) and the web page (src/site) both render this, so the page cannot word a verdict,
 * a step or a source differently from the CLI.
 */
import type { Status } from '../core/result.js';

/** A piece of a sentence: plain text, a link, or a status word shown in its colour. */
export type Part = string | { readonly url: string } | { readonly status: Exclude<Status, 'no-recall'> };

/** A labelled line ("Hazard  …"); an empty label continues the field above. */
export interface Field {
  readonly kind: 'field';
  readonly label: string;
  readonly parts: readonly Part[];
  /** Shown under a product heading of a page that lists several products. */
  readonly indented?: boolean;
}

/** A sub-heading inside the facts: one product of a recall with several. */
export interface ProductHeading {
  readonly kind: 'product';
  readonly text: string;
}

/** A numbered (or bulleted) step; `sub` steps are the remedies or proof items under it. */
export interface Step {
  readonly marker: string;
  readonly text: string;
  readonly sub?: boolean;
}

export interface Source {
  readonly publisher: string;
  readonly official: boolean;
  readonly title: string;
  readonly url: string;
}

export interface RecallSection {
  readonly id: string;
  readonly heading: string;
  readonly facts: readonly (Field | ProductHeading)[];
  readonly todo: readonly Step[];
  readonly disposal: readonly Step[];
  readonly never: string | undefined;
  readonly contacts: Field | undefined;
  /** Official sources first. */
  readonly sources: readonly Source[];
}

export const SOURCES_HEADING = 'Sources';
export const MEDIUM_CONFIDENCE_NOTE = '(* marks a medium-confidence fact: one or two secondary sources)';
export const TODO_HEADING = 'What to do now';
export const DISPOSAL_HEADING = 'How to dispose of it';

/** The text of parts with no styling: what a reader sees. */
export function plain(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : 'url' in p ? p.url : p.status)).join('');
}
