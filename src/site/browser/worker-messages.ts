/** What the page and its file-checking worker say to each other. */
import type { RecallDefinition } from '../../data/schema.js';
import type { Finding } from '../../report/findings.js';
import type { Summary } from '../../results/summary.js';

export type ToWorker =
  | { type: 'data'; recalls: readonly RecallDefinition[] }
  /** encoding: a WHATWG label, or undefined for the CLI's default (no --encoding). */
  /** modelColumn: a header name, as --model-column takes it, or undefined to find it as the CLI does. */
  | { type: 'check'; file: File; country: string; encoding: string | undefined; modelColumn: string | undefined };

export type FromWorker =
  | { type: 'progress'; bytes: number; total: number; rows: number }
  | {
      type: 'done';
      name: string;
      summary: Summary;
      findings: Finding[];
      /** Findings past the cap, counted but not listed. */
      dropped: number;
      /** The country applied to rows that name none, normalised, if one was given. */
      country: string | undefined;
      /** Notes the CLI writes to stderr for the same file. */
      notes: string[];
      /**
       * Set when the file was read as UTF-8 and was not: the likely encoding, if one is likely (the
       * page words its own advice; the core's names the --encoding flag).
       */
      notUtf8: { encoding: string | undefined } | undefined;
      /** The annotated CSV, as `recall-check batch --format csv` writes it. */
      csv: Blob;
    }
  /** columns: the header's names, when the file was refused for want of a model column the page can choose. */
  | { type: 'error'; message: string; columns?: string[] };
