/**
 * Workbooks whose XML is written here part by part (test/helpers/zip.ts), for what exceljs's
 * streaming reader got wrong: a Japanese reading (<rPh>) taken for the text, a rich string's last
 * run taken for the whole, a workbook without shared strings or with workbook.xml after its
 * sheets read as empty, rows and cells without `r`. Each is read through the CLI from stdin.
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main.js';
import { workbookZip } from '../helpers/zip.js';

const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
const inl = (ref: string, is: string) => `<c r="${ref}" t="inlineStr"><is>${is}</is></c>`;
const rowsOf = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((x) => x.type === 'row');
const check = (zip: Buffer, ...args: string[]) => runMain(['batch', '-', '-f', 'ndjson', ...args], { input: zip });

describe('strings are read as the cell shows them', () => {
  it('a phonetic reading (<rPh>) is not part of a shared string: headers 型番/国 and "A1366 黒" keep their text', async () => {
    const zip = workbookZip({
      sharedStrings: [
        '<si><t>型番</t><rPh sb="0" eb="2"><t>カタバン</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t>国</t><rPh sb="0" eb="1"><t>クニ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t>A1366 黒</t><rPh sb="6" eb="7"><t>クロ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t>US</t></si>',
        '<si><r><rPr><b/></rPr><t>A13</t></r><r><t>66</t></r><rPh sb="0" eb="1"><t>エー</t></rPh></si>',
      ],
      sheets: [['Inv', `<row r="1">${s('A1', 0)}${s('B1', 1)}</row><row r="2">${s('A2', 2)}${s('B2', 3)}</row><row r="3">${s('A3', 4)}${s('B3', 3)}</row>`]],
    });
    const r = await check(zip, '--model-column', '型番', '--country-column', '国');
    expect(r.stderr).not.toMatch(/input error/);
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => x.cells)).toEqual([['A1366 黒', 'US'], ['A1366', 'US']]);
    // The rich string's runs joined: A1366 is recalled.
    expect(rows[1].status).toBe('affected');
  });

  it('a rich inline string is its runs joined, without its reading', async () => {
    const zip = workbookZip({
      sheets: [['Inv', `<row r="1">${inl('A1', '<t>Model</t>')}${inl('B1', '<t>Country</t>')}</row><row r="2">${inl('A2', '<r><t>A13</t></r><r><rPr><b/></rPr><t>66</t></r><rPh sb="0" eb="1"><t>x</t></rPh>')}${inl('B2', '<t>US</t>')}</row>`]],
    });
    const rows = rowsOf((await check(zip)).stdout);
    expect(rows.map((x) => [x.cells, x.status])).toEqual([[['A1366', 'US'], 'affected']]);
  });

  it('a cell of a type no workbook writer uses is refused as unreadable, never checked as some text', async () => {
    const zip = workbookZip({ sheets: [['Inv', `<row r="1">${inl('A1', '<t>Model</t>')}</row><row r="2"><c r="A2" t="zz"><v>A9999</v></c></row>`]] });
    const r = await check(zip);
    const [row] = rowsOf(r.stdout);
    expect(row.status).toBe('error');
    expect(row.error.code).toBe('invalid-text');
    expect(row.error.column).toBe('Model');
    // A workbook has no bytes to blame: the message speaks of the cell, not of UTF-8.
    expect(row.error.message).toContain('holds a cell that could not be read as text');
    expect(row.error.message).not.toContain('UTF-8');
  });
});

describe('every valid arrangement of a workbook is read', () => {
  const two: [string, string][] = [
    ['Old', `<row r="1">${inl('A1', '<t>Model</t>')}</row><row r="2">${inl('A2', '<t>X1</t>')}</row>`],
    ['Stock', `<row r="1">${inl('A1', '<t>Model</t>')}</row><row r="2">${inl('A2', '<t>A1366</t>')}</row>`],
  ];
  it('no sharedStrings.xml (inline strings only): each sheet can be chosen', async () => {
    const zip = workbookZip({ sheets: two });
    expect(rowsOf((await check(zip)).stdout).map((x) => x.cells)).toEqual([['X1']]);
    const r = await check(zip, '--sheet', 'Stock');
    expect(r.code).toBe(1);
    expect(rowsOf(r.stdout).map((x) => [x.cells, x.status])).toEqual([[['A1366'], 'affected']]);
  });

  it('workbook.xml after the sheets in the zip: sheets keep their names', async () => {
    const zip = workbookZip({ sheets: two, sharedStrings: ['<si><t>unused</t></si>'], workbookLast: true });
    const r = await check(zip, '--sheet', 'Stock');
    expect(r.stderr).not.toMatch(/input error/);
    expect(JSON.parse(r.stdout.split('\n')[0]!).file.sheet).toBe('Stock');
    expect(rowsOf(r.stdout).map((x) => x.cells)).toEqual([['A1366']]);
  });

  it('rows and cells without an r attribute follow the one before', async () => {
    const zip = workbookZip({ sheets: [['Inv', `<row>${inl('', '<t>Model</t>').replace(' r=""', '')}<c t="inlineStr"><is><t>Country</t></is></c></row><row><c t="inlineStr"><is><t>A1366</t></is></c><c t="inlineStr"><is><t>US</t></is></c></row><row r="5"><c t="inlineStr"><is><t>A9999</t></is></c></row>`]] });
    const r = await check(zip);
    expect(r.stderr).not.toMatch(/undefined|empty/);
    expect(rowsOf(r.stdout).map((x) => [x.line, x.cells])).toEqual([[2, ['A1366', 'US']], [5, ['A9999', '']]]);
  });
});

describe('the first sheet without a model column', () => {
  it('names the workbook\'s other sheets and --sheet', async () => {
    const zip = workbookZip({ sheets: [['Cover', `<row r="1">${inl('A1', '<t>Title</t>')}</row><row r="2">${inl('A2', '<t>x</t>')}</row>`], ['Stock', `<row r="1">${inl('A1', '<t>Model</t>')}</row>`]] });
    const r = await check(zip);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no model column found.*sheet "Cover"; the workbook's other sheets: "Stock": name one with --sheet/s);
  });
});
