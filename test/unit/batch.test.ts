import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { headerKey, mapColumns } from '../../src/batch/columns.js';
import { decode } from '../../src/batch/decode.js';
import { sniffDelimiter } from '../../src/batch/read.js';
import { checkCsv, checkRows, type RowResult, rowStatus } from '../../src/batch/run.js';
import { buildCatalog } from '../../src/core/catalog.js';
import { RecallCheckError } from '../../src/core/errors.js';
import { progress } from '../../src/cli/progress.js';
import { csvHeader, csvWriter, FORMULA } from '../../src/report/csv.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const catalog = buildCatalog([
  definition({ id: 'u', products: [product({ model: 'A1263' })] }),
  definition({ id: 'all', jurisdictions: sourced(['WORLDWIDE']), products: [product({ model: 'A8185011', scope: sourced({ kind: 'all-units' as const }) })] }),
]);

async function collect<T>(gen: AsyncGenerator<T[], void, undefined>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

describe('mapColumns', () => {
  it('finds columns by synonym, ignoring case, spaces and punctuation', () => {
    expect(mapColumns(['SKU', 'Model No.', 'S/N', 'Country of sale'], {}, 'f')).toEqual({ model: 1, serial: 2, country: 3, scan: [0] });
    expect(mapColumns(['*MPN', 'Serial Number'], {}, 'f')).toEqual({ model: 0, serial: 1, country: undefined, scan: [] });
  });
  it('finds the descriptive columns to search, or takes those named with --scan-columns', () => {
    const header = ['Handle', 'Title', 'Model', 'Serial', 'Variant SKU', 'Body (HTML)', 'Qty', 'Notes'];
    expect(mapColumns(header, {}, 'f').scan).toEqual([0, 1, 4, 5]);
    expect(mapColumns(header, { scanColumns: ['notes', 'Title'] }, 'f').scan).toEqual([7, 1]);
    expect(() => mapColumns(header, { scanColumns: ['Nope'] }, 'f')).toThrow(/--scan-columns "Nope" is not a column of this file/u);
  });
  it('with no model column, suggests --scan-columns naming the descriptive columns; with it, checks by them alone', () => {
    const amazon = ['item-name', 'item-description', 'listing-id', 'seller-sku', 'price'];
    expect(() => mapColumns(amazon, {}, 'listings.txt')).toThrow(/no model column found\. .*--scan-columns "item-name,item-description,seller-sku" \(only those columns are searched\)/u);
    expect(mapColumns(amazon, { scanColumns: ['item-name', 'seller-sku'] }, 'f')).toEqual({ model: undefined, serial: undefined, country: undefined, scan: [0, 3] });
  });
  it('does not take a product name for a model code', () => {
    expect(() => mapColumns(['Model Name', 'Serial'], {}, 'inv.csv')).toThrow(/no model column found\. Columns found: "Model Name", "Serial"/u);
  });
  it('prefers an explicit column, matched loosely', () => {
    expect(mapColumns(['Variant SKU', 'Model'], { modelColumn: 'variant-sku' }, 'f').model).toBe(0);
  });
  it('headerKey', () => {
    expect(headerKey(' Serial  No. ')).toBe('serialno');
    expect(headerKey('*Action(SiteID=US|Country=US)')).toBe('actionsiteiduscountryus');
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1;2', ','],
    ['a;b;c\n', ';'],
    ['a\tb\n', '\t'],
    ['a|b|c', '|'],
    ['"a,b";c;d\n', ';'],
    ['single\n', ','],
  ])('%j → %j', (text, d) => expect(sniffDelimiter(text)).toBe(d));
});

describe('checkRows (library API over any iterable of rows)', () => {
  it('gives one result per row, in order, and a summary that adds up', async () => {
    async function* rows() {
      yield { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8' };
      yield { model: '' };
      yield { model: 'A8185011', country: 'JP' };
      yield { model: 'A1263', country: 'Narnia' };
      yield { model: 'B1' };
    }
    const gen = checkRows(catalog, rows());
    const results: RowResult[] = [];
    let next = await gen.next();
    while (!next.done) {
      results.push(next.value);
      next = await gen.next();
    }
    expect(results.map(rowStatus)).toEqual(['verify', 'skipped', 'affected', 'error', 'no-recall']);
    expect(results.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    const summary = next.value;
    expect(summary.rows).toBe(5);
    expect(summary.byStatus).toEqual({ affected: 1, verify: 1, 'not-affected': 0, 'no-recall': 1 });
    expect(summary.skipped.byReason['empty-model']).toEqual([2]);
    expect(summary.errors.lines).toEqual([4]);
  });

  it('gives the same verdict as the single check, through the same matcher', async () => {
    const { check } = await import('../../src/core/match.js');
    const inputs = [{ model: 'a-1263', serial: 'SN: ao1b' }, { model: 'A8185011' }, { model: 'A12630' }, { model: '\u04101263', serial: 'X' }];
    for await (const r of checkRows(catalog, inputs)) {
      const single = check(catalog, inputs[r.row - 1]!);
      expect(r.kind === 'checked' && r.result).toEqual(single);
    }
  });
});

describe('checkCsv', () => {
  it('a row of only Unicode spaces is a blank line; a model after a no-break space is still checked', async () => {
    const text = 'model,serial\n\u00A0\n\uFEFF,\u3000\n\u00A0A1263,A1B2C3D4E5F6G7H8\nА1263,A1B2C3D4E5F6G7H8\n';
    const batch = await checkCsv(catalog, Readable.from([Buffer.from(text)]), { name: 'spaces' });
    const rows = await collect(batch.results);
    expect(rows.map((r) => [r.line, rowStatus(r), r.kind === 'skipped' ? r.reason : undefined])).toEqual([
      [2, 'skipped', 'blank-line'],
      [3, 'skipped', 'blank-line'],
      [4, 'verify', undefined],
      [5, 'verify', undefined],
    ]);
    expect(batch.summary.skipped.byReason).toEqual({ 'empty-model': [], 'blank-line': [2, 3] });
  });

  it('reads a stream, in chunks that split lines and multi-byte characters anywhere', async () => {
    const text = 'model,serial,note\nA1263,A1B2C3D4E5F6G7H8,"süß, ""quoted""\nline"\nB1,2,€\n';
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => bytes.subarray(i * 3, i * 3 + 3));
    const batch = await checkCsv(catalog, Readable.from(chunks), { name: 'chunks' });
    const rows = await collect(batch.results);
    expect(rows.map((r) => [r.line, rowStatus(r), r.cells[2]])).toEqual([
      [2, 'verify', 'süß, "quoted"\nline'],
      [4, 'no-recall', '€'],
    ]);
    expect(rows[0]!.raw).toBe('A1263,A1B2C3D4E5F6G7H8,"süß, ""quoted""\nline"');
  });

  it('refuses a file with no model column before reading rows', async () => {
    await expect(checkCsv(catalog, Readable.from([Buffer.from('a,b\n1,2\n')]), { name: 'x.csv' })).rejects.toThrow(RecallCheckError);
  });
});

describe('CSV output', () => {
  it.each([
    ['=1+1', true], ['+1', true], ['-1', true], ['@SUM(A1)', true], ['\tx', true], ['\rx', true], ['\nx', true],
    ['  =1', true], ['\u00A0+1', true], ['a=1', false], ['1-2', false], ['', false], ['email@x', false],
  ])('FORMULA %j → %s', (cell, risky) => expect(FORMULA.test(cell)).toBe(risky));

  it('writes raw rows back unchanged, and re-serialises only rows with a formula cell', async () => {
    const input = 'model;note\nB1;"a;b"\nB2;=cmd\n';
    const batch = await checkCsv(catalog, Readable.from([Buffer.from(input)]), { name: 'x' });
    const write = csvWriter(batch.header.length, batch).rows;
    const out = csvHeader(batch.header, batch.headerRaw, batch) + write(await collect(batch.results));
    expect(out.split('\n')).toEqual([
      'model;note;recall_status;recall_ids;recall_reason;recall_action;recall_check_url',
      'B1;"a;b";no-recall;;"none on file; not a safety clearance";;',
      'B2;"\'=cmd";no-recall;;"none on file; not a safety clearance";;',
      '',
    ]);
  });
});

describe('progress', () => {
  it('shows nothing off a terminal', () => {
    const writes: (string | Uint8Array)[] = [];
    const p = progress({ write: (s) => writes.push(s) > 0, isTTY: false }, 100);
    p.update(10, 10);
    p.done();
    expect(writes).toEqual([]);
  });
  it('on a terminal: nothing in the first second, then rows, rate and percent, erased at the end', () => {
    const writes: (string | Uint8Array)[] = [];
    let t = 0;
    const p = progress({ write: (s) => writes.push(s) > 0, isTTY: true }, 1000, () => t);
    t = 500;
    p.update(100, 100);
    expect(writes).toEqual([]);
    t = 2000;
    p.update(4000, 500);
    expect(writes).toEqual(['\r\u001b[2K  4,000 rows · 2,000 rows/s · 50%']);
    p.done();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('decode', () => {
  const bytes = (...parts: (string | number[])[]) => parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const text = async (...chunks: Uint8Array[]) => {
    const d = await decode(Readable.from(chunks), 'f');
    let out = '';
    for await (const t of d.chunks) out += t;
    return { bom: d.bom, encoding: d.encoding, out };
  };

  it('an ASCII chunk after one that ends inside a character goes through the decoder, in order', async () => {
    // "a,é" cut after the first byte of "é", then plain ASCII.
    expect((await text(...bytes('a,', [0xc3, 0xa9, 0x2c, 0xc3], 'b\n'))).out).toBe('a,é,\uFFFDb\n');
    expect((await text(...bytes('model,serial\n', [0xc3], [0xa9], 'x\n'))).out).toBe('model,serial\néx\n');
  });

  it('drops the byte-order mark at the start, and keeps a U+FEFF anywhere else', async () => {
    expect(await text(...bytes([0xef, 0xbb, 0xbf], 'a\n'))).toEqual({ bom: true, encoding: 'utf-8', out: 'a\n' });
    expect((await text(...bytes('a\n', [0xef, 0xbb, 0xbf], 'b\n'))).out).toBe('a\n\uFEFFb\n');
    expect(await text(...bytes([0xff, 0xfe, 0x61, 0x00, 0xff, 0xfe]))).toEqual({ bom: true, encoding: 'utf-16le', out: 'a\uFEFF' });
  });

  it('an unfinished character at the end of the input becomes U+FFFD, so the row is refused', async () => {
    expect((await text(...bytes('ab,', [0xe2, 0x82]))).out).toBe('ab,\uFFFD');
  });
});
