/** Real export shapes (see test/fixtures/exports/SOURCE.md), end to end through the bin. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const fixture = (name: string) => join(ROOT, 'test/fixtures/exports', name);
const rows = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l));

describe('marketplace exports', () => {
  it.each([
    ['amazon-all-listings.txt', 'seller-sku', '\t', 3, [[2, 'A1263', 'verify'], [3, 'A3102016', 'verify'], [4, 'CBL-USBC-1M', 'no-recall']]],
    ['ebay-file-exchange.csv', 'CustomLabel', ',', 3, [[2, 'A1263', 'verify'], [3, 'A3102', 'verify'], [4, 'CASE-01', 'no-recall']]],
    // A1642 and A1647: every unit sold in Japan is recalled (2025), so with no country, affected.
    ['ebay-orders-report.csv', 'Custom Label', ',', 1, [[2, 'A1642', 'affected'], [3, 'MOUSE-7', 'no-recall']]],
    ['shopware-export.csv', 'product_number', ';', 1, [[2, 'A1263', 'verify'], [3, 'A1647', 'affected'], [4, 'SW-TEE-01', 'no-recall']]],
  ] as const)('%s', async (name, column, delimiter, code, expected) => {
    const r = await runMain(['batch', fixture(name), '--model-column', column, '-f', 'ndjson']);
    expect(r.code).toBe(code);
    // None of these exports has a serial column; that is said once.
    expect(r.stderr.match(/has no serial column/gu)).toHaveLength(1);
    const docs = rows(r.stdout);
    expect(docs[0].file.delimiter).toBe(delimiter);
    const data = docs.filter((d) => d.type === 'row');
    expect(data.map((d) => [d.line, d.model.input, d.status])).toEqual(expected);
    const summary = docs.at(-1);
    expect(summary.rows).toBe(expected.length);
    expect(summary.errors.count).toBe(0);
  });

  it('keeps Amazon\'s leading and trailing empty fields in the CSV output', async () => {
    const r = await runMain(['batch', fixture('amazon-all-listings.txt'), '--model-column', 'seller-sku', '-f', 'csv']);
    const out = r.stdout.split('\r\n');
    expect(out[2]!.startsWith('\t\t0101AC\tA3102016\t')).toBe(true);
    expect(out[2]!.split('\t')).toHaveLength(29 + 5);
  });

  it('without --model-column, an export with no model column is refused, listing its columns', async () => {
    const r = await runMain(['batch', fixture('ebay-file-exchange.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no model column found. Columns found: "*Action(SiteID=US|Country=US|Currency=USD|Version=1193)", "*Category"');
  });
});
