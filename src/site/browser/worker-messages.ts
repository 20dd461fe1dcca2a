/** What the page and its file-checking worker say to each other. */
import type { RecallDefinition } from '../../data/schema.js';
import type { Finding } from '../../report/findings.js';
import type { Summary } from '../../results/summary.js';

export type ToWorker =
  | { type: 'data'; recalls: readonly RecallDefinition[] }
  | { type: 'check'; file: File; country: string };

export type FromWorker =
  | { type: 'progress'; bytes: number; total: number; rows: number }
  | {
      type: 'done';
      name: string;
      summary: Summary;
      findings: Finding[];
      /** Findings past the cap, counted but not listed. */
      dropped: number;
      /** Notes the CLI writes to stderr for the same file. */
      notes: string[];
      /** The annotated CSV, as `recall-check batch --format csv` writes it. */
      csv: Blob;
    }
  | { type: 'error'; message: string };
