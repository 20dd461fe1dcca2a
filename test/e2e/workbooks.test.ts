/**
 * .xlsx workbooks as input and output, generated here with exceljs's writer: a recalled row, an
 * in-range serial stored as text, a serial stored as a number that has lost digits, a formula, a
 * date, leading zeros and an empty row in the middle. In-process through main(), except one run of
 * the built bin; .ods and .xls are refused with what to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { projects } from '../helpers/project.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const book = join(dir, 'stock.xlsx');

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  // The first sheet is the one read when --sheet is not given.
  const stock = wb.addWorksheet('Stock');
  stock.addRow(['SKU', 'Model', 'Serial', 'Country', 'Received']); //                      row 1: header
  stock.addRow(['k1', 'A1366', 'AH1234567890', 'JP', new Date(Date.UTC(2026, 2, 15))]); //   row 2: affected (all units)
  stock.addRow(['k2', 'A3102', 'ACCJRU1D16400900', 'AU', null]); //                         row 3: affected (in range, serial as text)
  // Row 4 is left empty: the rows below keep their sheet row numbers.
  stock.getRow(5).values = ['k3', 'A3102', 1234567890123456, 'AU']; //                    row 5: verify (a serial stored as a number)
  stock.getRow(6).values = ['k4', { formula: 'CONCATENATE("A","1366")', result: 'A1366' } as never, '1', 'JP']; // row 6: affected, via the formula's cached result
  stock.getRow(7).values = [42, 'A9999', '1', 'US']; //                                   row 7: no-recall; SKU 00042
  stock.getCell('E2').numFmt = 'yyyy-mm-dd';
  stock.getCell('A7').numFmt = '00000';
  wb.addWorksheet('Returns').addRow(['Model', 'Serial']).worksheet.addRow(['A9999', 'X']);
  await wb.xlsx.writeFile(book);
});

const rowsOf = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((x) => x.type === 'row');

describe('batch stock.xlsx', () => {
  it('checks the first sheet: verdicts at sheet row numbers, cells as the sheet shows them', async () => {
    const r = await runMain(['batch', book, '-f', 'ndjson']);
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout.split('\n')[0]!).file;
    expect(file.sheet).toBe('Stock');
    expect(file.columns).toEqual({ model: 'Model', serial: 'Serial', country: 'Country' });
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => [x.line, x.status])).toEqual([[2, 'affected'], [3, 'affected'], [5, 'verify'], [6, 'affected'], [7, 'no-recall']]);
    expect(rows[0].cells).toEqual(['k1', 'A1366', 'AH1234567890', 'JP', '2026-03-15']);
    // The serial stored as a number reads as Excel shows it, and is reported as a damaged serial, never checked as digits.
    expect(rows[2].cells[2]).toBe('1.23457E+15');
    expect(rows[2].reasons.map((x: { code: string }) => x.code)).toContain('serial-spreadsheet-mangled');
    expect(rows[3].cells[1]).toBe('A1366');
    expect(rows[4].cells[0]).toBe('00042');
  });

  it('--sheet picks another sheet, by option, environment or configuration', async () => {
    const project = projects('recall-check-xlsx-config-')({ '.recall-checkrc.json': '{"sheet":"Returns"}' });
    for (const r of [
      await runMain(['batch', book, '--sheet', 'Returns', '-f', 'ndjson']),
      await runMain(['batch', book, '-f', 'ndjson'], { env: { RECALL_CHECK_SHEET: 'Returns' } }),
      await runMain(['batch', book, '-f', 'ndjson'], { cwd: project }),
    ]) {
      expect(r.code).toBe(0);
      expect(rowsOf(r.stdout).map((x) => [x.line, x.status, x.cells])).toEqual([[2, 'no-recall', ['A9999', 'X']]]);
    }
  });

  it('an unknown --sheet is a usage error that lists the sheets', async () => {
    const r = await runMain(['batch', book, '--sheet', 'Stok']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no sheet "Stok". Its sheets: "Stock", "Returns"');
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });

  it('is told from its content, not its name, also on standard input', async () => {
    const renamed = join(dir, 'stock.csv');
    writeFileSync(renamed, readFileSync(book));
    for (const r of [await runMain(['batch', renamed, '-f', 'ndjson']), await runMain(['batch', '-', '-f', 'ndjson'], { input: readFileSync(book) })]) {
      expect(rowsOf(r.stdout).map((x) => x.status)).toEqual(['affected', 'affected', 'verify', 'affected', 'no-recall']);
    }
  });

  it('--format xlsx -o writes the sheet back with the verdict columns appended, each row at its own row number', async () => {
    const out = join(dir, 'checked.xlsx');
    const r = await runMain(['batch', book, '--format', 'xlsx', '-o', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Stock');
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['SKU', 'Model', 'Serial', 'Country', 'Received', 'recall_status', 'recall_ids', 'recall_reason', 'recall_action', 'recall_check_url']);
    expect(row(2).slice(0, 6)).toEqual(['k1', 'A1366', 'AH1234567890', 'JP', '2026-03-15', 'affected']);
    expect(row(4)).toEqual([]);
    expect([3, 5, 6, 7].map((n) => row(n)[5])).toEqual(['affected', 'verify', 'affected', 'no-recall']);
  });

  it('--format csv of a workbook: the cells serialised, with the verdict columns', async () => {
    const r = await runMain(['batch', book, '--format', 'csv']);
    const lines = r.stdout.replace(/^\uFEFF/u, '').split('\r\n');
    expect(lines[0]).toBe('SKU,Model,Serial,Country,Received,recall_status,recall_ids,recall_reason,recall_action,recall_check_url');
    expect(lines[1]).toMatch(/^k1,A1366,AH1234567890,JP,2026-03-15,affected,/u);
    expect(lines[3]).toMatch(/^k3,A3102,1\.23457E\+15,AU,,verify,/u);
  });

  /** How each format writes "sheet row 6 (the formula's A1366) is affected". */
  const ROW_6: Record<Exclude<(typeof FORMATS)[number], 'xlsx' | 'csv'>, RegExp> = {
    table: /^6\s+affected\s+A1366/mu,
    markdown: /^\| 6 \| A1366 \|/mu,
    html: /<tr><td>6<\/td><td>A1366<\/td>/u,
    sarif: /"startLine": 6\b/u,
    github: /^::error file=[^,]+,line=6,/mu,
    json: /\{"line":6,"row":4,"status":"affected"/u,
    ndjson: /\{"type":"row","line":6,"row":4,"status":"affected"/u,
  };
  it.each(Object.entries(ROW_6))('--format %s reports a workbook input by its sheet row numbers', async (format, row6) => {
    const r = await runMain(['batch', book, '--format', format]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(row6);
  });

  it('--format xlsx to standard output that is not a terminal (redirected to a file) is the workbook', async () => {
    const r = await runMain(['batch', book, '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout.slice(0, 4)).toBe('PK\x03\x04');
  });

  it('--format xlsx to a terminal is refused, with what to do', async () => {
    const r = await runMain(['batch', book, '--format', 'xlsx'], { tty: 120 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add -o checked.xlsx');
    expect(r.stdout).toBe('');
  });

  it('the built bin reads a workbook and writes one (spawned)', () => {
    const out = join(dir, 'bin-checked.xlsx');
    const r = runCli(['batch', book, '--format', 'xlsx', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/affected\s+3/u);
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });
});

describe('workbooks recall-check does not read say how to save them', () => {
  it('an OpenDocument spreadsheet (.ods): a zip whose first entry is its mimetype', async () => {
    const name = Buffer.from('mimetype');
    const type = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(type.length, 18);
    local.writeUInt32LE(type.length, 22);
    local.writeUInt16LE(name.length, 26);
    const path = join(dir, 'stock.ods');
    writeFileSync(path, Buffer.concat([local, name, type, Buffer.alloc(64)]));
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OpenDocument file (.ods)');
    expect(r.stderr).toContain('Save it as an Excel Workbook (.xlsx) or as "CSV UTF-8');
  });

  it('an Excel 97–2003 workbook (.xls): an OLE compound file', async () => {
    const path = join(dir, 'stock.xls');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Excel 97–2003 workbook (.xls)');
    expect(r.stderr).toContain('Save it as an Excel Workbook (.xlsx) or as "CSV UTF-8');
  });

  it('a password-protected .xlsx: an OLE file holding EncryptionInfo and EncryptedPackage streams', async () => {
    const path = join(dir, 'locked.xlsx');
    // The directory entries (128 bytes each, names in UTF-16LE) of an encrypted workbook, in the sector after the header.
    const entry = (name: string) => Buffer.concat([Buffer.from(name, 'utf16le'), Buffer.alloc(128 - name.length * 2)]);
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), entry('Root Entry'), entry('EncryptionInfo'), entry('EncryptedPackage'), Buffer.alloc(4096)]));
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this workbook is encrypted (saved with a password)');
    expect(r.stderr).toContain('remove the password');
    expect(r.stderr).not.toContain('.xls)');
  });

  it('a zip that is not a workbook', async () => {
    const path = join(dir, 'photos.zip');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(5, 26);
    writeFileSync(path, Buffer.concat([local, Buffer.from('a.txt'), Buffer.alloc(200)]));
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/photos\.zip: (?:is a zip file but not an Excel workbook|cannot be read as an Excel workbook)/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });
});
