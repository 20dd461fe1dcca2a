/** Batch report formats; kept apart from the batch command so --help does not load it. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'github', 'markdown', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];
