/**
 * Files with a broken quote or mixed line breaks, written byte for byte by the tests: the rows
 * below a stray quote are still checked, every physical line has its own row and status in the
 * annotated CSV as a spreadsheet reads it, and no CR is left inside an output line.
 */
import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCsv, type RowResult } from '../../src/batch/run.js';
import { loadRecallData, type RecallData } from '../../src/recall-data.js';
import { runMain } from '../helpers/main.js';
import { configureProperties } from '../helpers/property.js';
import { scratchFiles } from '../helpers/project.js';

configureProperties(100);

const { file } = scratchFiles('recall-check-quotes-');

const ndjsonRows = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((d) => d.type === 'row');

/** The annotated CSV as a spreadsheet reads it: records, with quotes honoured. */
const spreadsheet = (csv: string, linebreak: '\n' | '\r\n' | '\r') => Papa.parse<string[]>(csv, { newline: linebreak, delimiter: ',', skipEmptyLines: false }).data.filter((r) => !(r.length === 1 && r[0] === ''));

// The issue's case: line 2 opens a quote that never closes; below it an all-units A1366 and an
// in-range A3102.
const ISSUE = 'Model,Serial,Country\nA1263,"A1B2C3D4E5F6G7H8,US\nA1366,X,AU\nA3102,ACCJRU1D16400900,AU\nA9999,1,US\n';

describe('a quote that never closes (the issue\'s case)', () => {
  it('refuses line 2 alone, naming its column; the all-units A1366 and the in-range A3102 below are found; exit 2 because an error wins', async () => {
    const r = await runMain(['batch', file('issue.csv', ISSUE), '-f', 'ndjson']);
    expect(r.code).toBe(2);
    const rows = ndjsonRows(r.stdout);
    expect(rows.map((x) => [x.line, x.status, x.error?.code ?? x.matches?.filter((m: { status: string }) => m.status === 'affected').map((m: { recallId: string }) => m.recallId).join(' ')])).toEqual([
      [2, 'error', 'unclosed-quote'],
      [3, 'affected', 'anker-r2-global-2023'],
      [4, 'affected', 'anker-r4-au-2024'],
      [5, 'no-recall', ''],
    ]);
    expect(rows[0].cells).toEqual(['A1263', '"A1B2C3D4E5F6G7H8,US']);
    expect(r.stderr).toContain('line 2: a quoted field in column "Serial" opens on this line and is not closed on it');
    expect(r.stderr).toMatch(/affected +2/u);
    const table = await runMain(['batch', file('issue.csv', ISSUE)]);
    expect(table.code).toBe(2);
    expect(table.stdout).toMatch(/^3 +affected +A1366 /mu);
    expect(table.stdout).toMatch(/^4 +affected +A3102 /mu);
  });

  it('the annotated CSV, read as a spreadsheet reads it, has every input line as its own row beside a status', async () => {
    const r = await runMain(['batch', file('issue.csv', ISSUE), '-f', 'csv']);
    const rows = spreadsheet(r.stdout, '\n');
    const lines = ISSUE.trimEnd().split('\n');
    expect(rows).toHaveLength(lines.length);
    const status = rows[0]!.indexOf('recall_status');
    expect(rows.slice(1).map((row) => [row[0], row[status]])).toEqual([['A1263', 'error'], ['A1366', 'affected'], ['A3102', 'affected'], ['A9999', 'no-recall']]);
    // The refused line keeps its text, the stray quote included, inside its own cell.
    expect(rows[1]!.slice(0, 3)).toEqual(['A1263', '"A1B2C3D4E5F6G7H8,US', '']);
    // The rows after it are written back exactly as they were.
    expect(r.stdout.split('\n').slice(2, 5).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(lines.slice(2));
  });
});

describe('a malformed quote', () => {
  const MALFORMED = 'Model,Serial\nA1263,"12"34\nA3102,ACCJRU1D16400900\nA3102,"X"\nA1366,1\n';

  it('refuses its line; the lines the parser ran over are checked; each has its own row in the annotated CSV', async () => {
    const path = file('malformed.csv', MALFORMED);
    const r = await runMain(['batch', path, '-f', 'ndjson', '--country', 'AU']);
    expect(r.code).toBe(2);
    expect(ndjsonRows(r.stdout).map((x) => [x.line, x.status, x.error?.code])).toEqual([[2, 'error', 'malformed-quote'], [3, 'affected', undefined], [4, 'verify', undefined], [5, 'affected', undefined]]);
    expect(r.stderr).toContain('line 2: a closing quote in column "Serial" is followed by other characters');
    const csv = await runMain(['batch', path, '-f', 'csv', '--country', 'AU']);
    const rows = spreadsheet(csv.stdout, '\n');
    expect(rows.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['Model', 'Serial', 'recall_status'], ['A1263', '"12"34', 'error'], ['A3102', 'ACCJRU1D16400900', 'affected'], ['A3102', 'X', 'verify'], ['A1366', '1', 'affected'],
    ]);
  });
});

describe('a quoted field that closes properly', () => {
  it('a Shopify Body HTML over several lines stays one record, written back untouched', async () => {
    const body = '"<p>Compact, light</p>\n<p>Say ""hi""</p>\n\n<ul><li>10,000 mAh</li></ul>"';
    const input = `Handle,Body (HTML),Variant SKU\nbank,${body},A1366\nnext,plain,A9999\n`;
    const path = file('shopify.csv', input);
    const r = await runMain(['batch', path, '-f', 'ndjson', '--model-column', 'Variant SKU']);
    expect(r.code).toBe(1);
    expect(ndjsonRows(r.stdout).map((x) => [x.line, x.status])).toEqual([[2, 'affected'], [6, 'no-recall']]);
    const csv = (await runMain(['batch', path, '-f', 'csv', '--model-column', 'Variant SKU'])).stdout;
    expect(csv).toContain(`\nbank,${body},A1366,affected,`);
    expect(spreadsheet(csv, '\n').map((row) => row[0])).toEqual(['Handle', 'bank', 'next']);
  });
});

describe('mixed line breaks in the annotated CSV', () => {
  /** No CR or LF in the output other than the line break chosen for it; every input line is a row with a status. */
  async function expectClean(name: string, input: string, linebreak: string, statuses: string[]) {
    const r = await runMain(['batch', file(name, input), '-f', 'csv', '--country', 'AU']);
    const out = r.stdout;
    expect(out.endsWith(linebreak)).toBe(true);
    const lines = out.slice(0, -linebreak.length).split(linebreak);
    for (const l of lines) expect({ line: l, stray: /[\r\n]/u.test(l) }).toEqual({ line: l, stray: false });
    expect(lines).toHaveLength(statuses.length + 1);
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(statuses);
  }

  it('an LF header with CRLF rows: LF throughout, no CR', async () => {
    await expectClean('lf-crlf.csv', 'Model,Serial\nA1366,x\r\nA3102,ACCJRU1D16400900\r\nA9999,1\r\n', '\n', ['affected', 'affected', 'no-recall']);
  });

  it('a CRLF header with LF rows: CRLF throughout', async () => {
    await expectClean('crlf-lf.csv', 'Model,Serial\r\nA1366,x\nA3102,ACCJRU1D16400900\nA9999,1\n', '\r\n', ['affected', 'affected', 'no-recall']);
  });

  it('a quoted last cell followed by CRLF in an LF file: read as a closed quote, not a malformed one', async () => {
    await expectClean('quoted-crlf.csv', 'Model,Serial\nA1366,"x"\r\nA3102,"ACCJRU1D16400900"\r\nA9999,"1"\n', '\n', ['affected', 'affected', 'no-recall']);
  });

  it('a CR-only (old Mac) file: CR throughout', async () => {
    await expectClean('cr.csv', 'Model,Serial\rA1366,x\rA3102,ACCJRU1D16400900\rA9999,1\r', '\r', ['affected', 'affected', 'no-recall']);
  });

  it('a broken quote in a CRLF file: the refused line and the rows after it end in CRLF, no stray CR', async () => {
    await expectClean('crlf-quote.csv', 'Model,Serial\r\nA1263,"A1B2\r\nA1366,x\r\nA3102,ACCJRU1D16400900\r\n', '\r\n', ['error', 'affected', 'affected']);
  });
});

describe('a stray quote never hides a recalled row on another line (property)', () => {
  let data: RecallData;
  beforeAll(async () => {
    data = await loadRecallData();
  });

  async function results(text: string): Promise<RowResult[]> {
    const batch = await checkCsv(data, Readable.from([Buffer.from(text)]), { name: 'p.csv' });
    const out: RowResult[] = [];
    for await (const b of batch.results) out.push(...b);
    return out;
  }

  // Valid rows: unquoted or quoted cells, with commas and doubled quotes inside the quotes. What
  // the property does not cover, and the reader does not recover (README, "Broken quotes"): a
  // stray quote that pairs with the quotes of a later row into a file that reads as valid, with
  // that row inside a cell. That takes a quoted cell that starts with a delimiter or a doubled
  // quote (`","`, `""",x"`) or one that spans lines; the generated ones start with a letter,
  // a digit or a space, and stay on their line.
  const plain = fc.stringMatching(/^[A-Za-z0-9 ]{0,8}$/u);
  const quoted = fc.tuple(fc.constantFrom('a', 'B', ' ', '1'), fc.array(fc.constantFrom('a', 'B', ' ', ',', '""', '1'), { maxLength: 6 }))
    .map(([first, rest]) => `"${first}${rest.join('')}"`);
  const note = fc.oneof(plain, quoted);
  const row = fc.record({ recalled: fc.boolean(), serial: plain, note, quotedModel: fc.boolean() }).map(({ recalled, serial, note, quotedModel }) => {
    const model = recalled ? 'A1366' : 'A9999';
    return { recalled, text: `${quotedModel ? `"${model}"` : model},${serial},${note}` };
  });
  const file = fc.array(row, { minLength: 2, maxLength: 12 }).chain((rows) => fc.record({
    rows: fc.constant(rows),
    linebreak: fc.constantFrom('\n', '\r\n'),
    at: fc.nat({ max: rows.length - 1 }),
    offset: fc.nat({ max: 40 }),
  }));

  test.prop([file])('every recalled row not on the damaged line is its own row, affected', async ({ rows, linebreak, at, offset }) => {
    const lines = rows.map((_, i) => i + 2);
    const damaged = rows.map((r) => r.text);
    const target = damaged[at]!;
    const cut = offset % (target.length + 1);
    damaged[at] = `${target.slice(0, cut)}"${target.slice(cut)}`;
    const text = `Model,Serial,Note${linebreak}${damaged.join(linebreak)}${linebreak}`;
    const got = await results(text);
    const byLine = new Map(got.map((r) => [r.line, r]));
    rows.forEach((r, i) => {
      if (!r.recalled || i === at) return;
      const result = byLine.get(lines[i]!);
      expect({ line: lines[i], status: result?.kind === 'checked' ? result.result.status : result?.kind, text }).toEqual({ line: lines[i], status: 'affected', text });
    });
  });
});

describe('a header whose quote never closes', () => {
  it('stops with one message naming line 1 and the header, not "no rows" with the recalled rows inside a header cell', async () => {
    const r = await runMain(['batch', file('header-quote.csv', 'model,"serial,country\nA1366,,US\nA3102,ACCJRU1D16400900,AU\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('header-quote.csv:1: the header opens a quote that is never closed');
    expect(r.stderr).not.toContain('no rows');
  });

  it('a header cell with a quoted line break that closes is still a header', async () => {
    const r = await runMain(['batch', file('header-break.csv', 'model,"serial\nnumber",country\nA1366,,US\n'), '-f', 'ndjson']);
    expect(r.code).toBe(1);
    expect(ndjsonRows(r.stdout).map((row) => [row.line, row.status])).toEqual([[3, 'affected']]);
  });
});
