/**
 * The one contract every batch format implements. A reporter is made for one run, with the same
 * context for every format, and writes what it has to a sink it is given: the header when the
 * input's shape is known, each batch of rows as it is checked, and the rest at the end. The
 * registry in ./index.ts holds one per format.
 */
import type { InputFile } from '../results/input-file.js';
import type { RowResult } from '../results/row-result.js';
import type { RunMeta } from '../results/run-meta.js';
import type { Summary } from '../results/summary.js';
import type { Style } from './style.js';

/** Where a report goes: standard output or a file. Strings are written as UTF-8. */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
}

export interface ReportContext {
  readonly file: InputFile;
  readonly run: RunMeta;
  /** Colour, or none: decided by the caller from the terminal and NO_COLOR / FORCE_COLOR. */
  readonly style: Style;
  /** The terminal's width, or undefined when the report does not go to a terminal. */
  readonly width: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** List every row, not only those that need a look (formats that list a selection). */
  readonly all: boolean;
  /** Counts and the most frequent reasons instead of one line a row (the table, for a big file). */
  readonly summary: boolean;
}

export interface Reporter {
  start(): Promise<void>;
  rows(rows: readonly RowResult[]): Promise<void>;
  end(summary: Summary): Promise<void>;
}

export type CreateReporter = (ctx: ReportContext, sink: Sink) => Reporter;
