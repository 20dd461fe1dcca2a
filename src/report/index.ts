/**
 * The batch report formats, by name: the one list that the option table, the configuration schema
 * and `--help` read. Each is loaded only when chosen, so naming the list costs a single check nothing.
 */
import type { CreateReporter } from './reporter.js';

const REPORTERS = {
  table: async () => (await import('./table.js')).tableReporter,
  json: async () => (await import('./batch-json.js')).jsonReporter,
  ndjson: async () => (await import('./batch-json.js')).ndjsonReporter,
  csv: async () => (await import('./csv.js')).csvReporter,
  xlsx: async () => (await import('./xlsx.js')).xlsxReporter,
  github: async () => (await import('./github.js')).githubReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  sarif: async () => (await import('./sarif.js')).sarifReporter,
  html: async () => (await import('./html.js')).htmlReporter,
} as const satisfies Record<string, () => Promise<CreateReporter>>;

export type Format = keyof typeof REPORTERS;

export const FORMATS = Object.keys(REPORTERS) as readonly Format[];

export function reporterFor(format: Format): Promise<CreateReporter> {
  return REPORTERS[format]();
}

export type { CreateReporter, Reporter, ReportContext, Sink } from './reporter.js';
