/**
 * --format xlsx writes what Excel opens as it was read: formula-like text neutralised with the
 * annotated CSV's leading ', characters XML cannot hold kept as Excel's _xHHHH_ escapes, and what
 * Excel cannot hold (a cell over 32,767 characters, a row past 1,048,576) refused with exit 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/batch/workbook.js';
import { runMain } from '../helpers/main.js';
import { workbookZip } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-xlsx-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inl = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
const sheetOf = (rows: string[][], first = 1) =>
  rows.map((cells, i) => `<row r="${first + i}">${cells.map((c, j) => inl(`${String.fromCharCode(65 + j)}${first + i}`, c)).join('')}</row>`).join('');

/** The written workbook read back through the reader. */
async function readBack(path: string) {
  const bytes = readFileSync(path);
  const book = await readWorkbook((async function* () { yield bytes; })(), { name: path });
  const rows = [book.header.cells];
  for await (const batch of book.records) for (const r of batch) rows.push(r.cells);
  return rows;
}

describe('--format xlsx', () => {
  it('formula-like text gets a leading \' as in the annotated CSV; other text is unchanged', async () => {
    const zip = workbookZip({ sheets: [['Inv', sheetOf([['Model', 'Note'], ['A1366', '=HYPERLINK("http://x","y")'], ['A1366', '+1+2'], ['A1366', '@SUM(1)'], ['A1366', '-5'], ['A1366', ' =1'], ['A1366', 'a=b']])]] });
    const out = join(dir, 'formula.xlsx');
    const r = await runMain(['batch', '-', '--format', 'xlsx', '-o', out], { input: zip });
    expect(r.code).toBe(1);
    const notes = (await readBack(out)).slice(1).map((row) => row[1]);
    expect(notes).toEqual(['\'=HYPERLINK("http://x","y")', "'+1+2", "'@SUM(1)", "'-5", "' =1", 'a=b']);
  });

  it('control characters are kept (as _xHHHH_), and a literal "_x0041_" stays literal', async () => {
    const zip = workbookZip({ sheets: [['Inv', sheetOf([['Model', 'Note'], ['A1366', 'bell_x0007_ and cr_x000D_ and _x005F_x0041_']])]] });
    const out = join(dir, 'controls.xlsx');
    await runMain(['batch', '-', '--format', 'xlsx', '-o', out], { input: zip });
    expect((await readBack(out))[1]![1]).toBe('bell\u0007 and cr\r and _x0041_');
  });

  it('a cell over 32,767 characters is refused (exit 2), naming the row', async () => {
    const zip = workbookZip({ sheets: [['Inv', sheetOf([['Model', 'Note'], ['A1366', 'x'.repeat(32_767)], ['A1366', 'x'.repeat(32_768)]])]] });
    const r = await runMain(['batch', '-', '--format', 'xlsx', '-o', join(dir, 'long.xlsx')], { input: zip });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:3: --format xlsx cannot write a cell of 32,768 characters \(column 2\): an Excel cell holds at most 32,767/);
  });

  it('a row past 1,048,576 is refused (exit 2)', async () => {
    const zip = workbookZip({ sheets: [['Inv', sheetOf([['Model']]) + sheetOf([['A1366']], 1_048_577)]] });
    const r = await runMain(['batch', '-', '--format', 'xlsx', '-o', join(dir, 'rows.xlsx')], { input: zip });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write row 1048577: an Excel sheet holds at most 1,048,576 rows/);
  });
});
