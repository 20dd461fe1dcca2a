/**
 * Every batch format, in-process, against a golden file: one fixture batch with every status, an
 * acknowledged finding, a similar-model hint, skipped and refused rows, a formula-like cell and
 * non-ASCII text. After an intended change to a report, update them all with
 * `npm run golden:update` and review the diff.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCsv } from '../../src/batch/run.js';
import { acknowledger } from '../../src/core/acknowledge.js';
import { buildCatalog } from '../../src/core/catalog.js';
import { FORMATS, type Format, reporterFor } from '../../src/report/index.js';
import type { ReportContext } from '../../src/report/reporter.js';
import { PLAIN, type Style } from '../../src/report/style.js';
import { definition, product, publishedRange, sourced } from '../helpers/definitions.js';

const catalog = buildCatalog([
  definition({ id: 'us-unpublished', products: [product({ serialRules: [sourced({ rule: 'never-contains' as const, characters: ['O', 'I'] })] })] }),
  publishedRange('au-ranges'),
  definition({ id: 'cable', jurisdictions: sourced(['WORLDWIDE']), products: [product({ model: 'A8185011', scope: sourced({ kind: 'all-units' as const }) })] }),
]);

export const INVENTORY = [
  'SKU,Model,Serial,Country,Title',
  'k1,A3102,ACCJRU1D16400841,AU,Power bank 10000', //         2 affected
  'k2,A3102,ACCJRU1D16400961,AU,Power bank 10000', //         3 not-affected
  'k3,A1263,A1B2C3D4E5F6G7H8,US,Señor ™ café édition', //     4 verify, non-ASCII text
  'k4,A8185011,X1,US,USB-C cable', //                        5 affected, acknowledged
  'k5,B9999,123,US,日本語のタイトル', //                        6 no-recall
  'k6,A12630,A1B2C3D4E5F6G7H8,US,near a recalled model', //   7 no-recall with a hint
  'k7,,,,continuation row', //                                8 skipped
  'k8,A1263,A1', //                                           9 refused: 3 fields
  'k9,A1263,A1B2C3D4E5F6G7H8,Narnia,x', //                    10 refused: country
  'k10,A9999,=1+1,US,"=HYPERLINK(""http://x"")"', //          11 no-recall, formula-like cells
  'k11,,,US,Anker A8185011 braided cable', //                12 affected, found in the title
].join('\n') + '\n';

const RUN = { tool: { name: 'recall-check', version: '0.0.0-test' }, data: { version: 'test', generated: '2026-01-01', schemaVersion: 2 } };
/** Colour made visible, to see that it wraps the status and never moves a column. */
const MARKED: Style = { bold: (s) => `<b>${s}</b>`, dim: (s) => s, red: (s) => `<r>${s}</r>`, yellow: (s) => `<y>${s}</y>`, green: (s) => `<g>${s}</g>`, cyan: (s) => s };
/** A workbook is a zip with the time it was written in it: its content is read back in test/e2e/workbooks.test.ts instead. */
type TextFormat = Exclude<Format, 'xlsx'>;
const TEXT_FORMATS = FORMATS.filter((f): f is TextFormat => f !== 'xlsx');
const EXT: Record<TextFormat, string> = { table: 'txt', json: 'json', ndjson: 'ndjson', csv: 'csv', github: 'txt', markdown: 'md', sarif: 'sarif', html: 'html' };

const dir = mkdtempSync(join(tmpdir(), 'recall-check-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(format: Format, over: Partial<ReportContext> = {}): Promise<string> {
  const acks = acknowledger([{ model: 'A8185011', reason: 'returned to supplier, RMA 42' }], '2026-06-01');
  const batch = await checkCsv(catalog, Readable.from([Buffer.from(INVENTORY)]), { name: 'inventory.csv', annotate: (r) => acks.apply(r) });
  const { results, summary, ...file } = batch;
  const chunks: Buffer[] = [];
  const sink = { write: async (c: string | Uint8Array) => void chunks.push(Buffer.from(c)) };
  const reporter = (await reporterFor(format))({ file, run: RUN, style: PLAIN, width: undefined, env: {}, all: false, summary: false, ...over }, sink);
  await reporter.start();
  for await (const rows of results) await reporter.rows(rows);
  await reporter.end(summary);
  return Buffer.concat(chunks).toString('utf8');
}

const golden = (name: string) => join(import.meta.dirname, '../fixtures/golden', name);

describe('every batch format matches its golden file', () => {
  it.each(TEXT_FORMATS.map((f) => [f]))('%s', async (format) => {
    await expect(await report(format)).toMatchFileSnapshot(golden(`report.${format}.${EXT[format]}`));
  });

  it('table with --all, every row', async () => {
    await expect(await report('table', { all: true })).toMatchFileSnapshot(golden('report.table-all.txt'));
  });

  it('table in colour: the same columns, with the status wrapped in its colour', async () => {
    const coloured = await report('table', { style: MARKED });
    await expect(coloured).toMatchFileSnapshot(golden('report.table-colour.txt'));
    expect(coloured.replace(/<\/?[bryg]>/gu, '')).toBe(await report('table'));
  });

  it('github: the job summary, when the job has one, is the Markdown report', async () => {
    const path = join(dir, 'step-summary.md');
    await report('github', { env: { GITHUB_STEP_SUMMARY: path } });
    expect(readFileSync(path, 'utf8')).toBe(await report('markdown'));
  });
});
