/** Batch report formats; kept apart from the reporters so the option table and config schema can name them cheaply. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'github', 'markdown', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];
