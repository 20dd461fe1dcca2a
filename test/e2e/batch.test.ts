import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, BIN } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { scratchFiles } from '../helpers/project.js';

const { dir, file } = scratchFiles('recall-check-batch-');

/** Every stderr must be free of stack traces, whatever happened. */
function noStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/u);
}

const INVENTORY = [
  'SKU,Model Number,Serial,Country,Notes',
  'k1,A3102,ACCJRU1D16400900,AU,in the published range', // line 2: affected
  'k2,A1263,A1B2C3D4E5F6G7H8,US,rules unpublished', //        line 3: verify
  'k3,A9999,123,US,no recall', //                               line 4: no-recall
  'k4,A3102,ACCJRU1D164009001,AU,too long for A3102', //        line 5: verify (never cleared by length)
  'k5,,,,continuation row', //                                  line 6: skipped (empty model)
  '', //                                                        line 7: skipped (blank)
  'k7,B0000,A1B2,US', //                                        line 8: error (4 fields, names no recall)
  'k8,"A1263","SN: a1b2 c3d4\ne5f6 g7h8",US,"quoted, with a line break"', // lines 9-10: verify
  'k9,a-1263,,,no serial', //                                   line 11: verify
].join('\n');

describe('recall-check batch: a mixed inventory', () => {
  const path = file('inventory.csv', INVENTORY + '\n');

  it('table on stdout lists rows that need a look; summary on stderr adds up; exit 2 because of the bad row', async () => {
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LINE +STATUS +MODEL +SERIAL +RECALLS +REASON$/u);
    const rows = lines.slice(1).map((l) => l.split(/ +/u).slice(0, 2));
    expect(rows).toEqual([
      ['2', 'affected'],
      ['3', 'verify'],
      ['5', 'verify'],
      ['8', 'error'],
      ['9', 'verify'],
      ['11', 'verify'],
    ]);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toContain(`${path}: 9 data rows`);
    expect(r.stderr).toMatch(/affected +1\n/u);
    expect(r.stderr).toMatch(/verify +4\n/u);
    expect(r.stderr).toMatch(/not-affected +0\n/u);
    expect(r.stderr).toMatch(/no-recall +1\n/u);
    expect(r.stderr).toMatch(/skipped +2 +empty model cell: line 6; blank: line 7\n/u);
    expect(r.stderr).toMatch(/errors +1 +line 8\n/u);
    expect(r.stderr).toContain('line 8: expected 5 fields, got 4');
  });

  it('--all lists every row', async () => {
    const r = await runMain(['batch', path, '--all']);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(10);
  });

  it('csv returns every input row in order, untouched, with the verdict columns appended', async () => {
    const r = await runMain(['batch', path, '--format', 'csv']);
    expect(r.code).toBe(2);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('SKU,Model Number,Serial,Country,Notes,recall_status,recall_ids,recall_reason,recall_action,recall_check_url');
    const input = INVENTORY.split('\n');
    // Each output record starts with the input record's text, byte for byte.
    expect(out[1]!.startsWith(`${input[1]},affected,anker-r4-au-2024,`)).toBe(true);
    expect(out[2]!.startsWith(`${input[2]},verify,anker-a1263-us-2025,`)).toBe(true);
    expect(out[2]).toContain('https://www.anker.com/a1263-recall');
    expect(out[3]).toBe(`${input[3]},no-recall,,none on file; not a safety clearance,,`);
    expect(out[4]!.startsWith(`${input[4]},verify,`)).toBe(true);
    expect(out[5]).toBe(`${input[5]},skipped,,skipped: the model cell is empty,,`);
    expect(out[6]).toBe(',,,,,skipped,,skipped: blank line,,');
    expect(out[7]).toBe(`${input[7]},,error,,"line 8: expected 5 fields, got 4",Fix this row and check it again,`);
    expect(`${out[8]}\n${out[9]}`.startsWith(`${input[8]}\n${input[9]},verify,`)).toBe(true);
    expect(out[10]!.startsWith(`${input[10]},verify,`)).toBe(true);
    expect(out[11]).toBe('');
    expect(out).toHaveLength(12);
  });

  it('ndjson: a file line, one line per data row, a summary whose counts add up', async () => {
    const r = await runMain(['batch', path, '--format', 'ndjson']);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(docs[0]).toMatchObject({ type: 'file', schemaVersion: 2, file: { delimiter: ',', columns: { model: 'Model Number', serial: 'Serial', country: 'Country' } } });
    const rows = docs.filter((d) => d.type === 'row');
    expect(rows.map((d) => [d.line, d.status])).toEqual([
      [2, 'affected'], [3, 'verify'], [4, 'no-recall'], [5, 'verify'], [6, 'skipped'],
      [7, 'skipped'], [8, 'error'], [9, 'verify'], [11, 'verify'],
    ]);
    expect(rows[7].cells[2]).toBe('SN: a1b2 c3d4\ne5f6 g7h8');
    expect(rows[7].serial.value).toBe('A1B2C3D4E5F6G7H8');
    const summary = docs.at(-1);
    expect(summary.type).toBe('summary');
    const { byStatus, skipped, errors, rows: total } = summary;
    expect(total).toBe(9);
    expect(Object.values(byStatus as Record<string, number>).reduce((a, b) => a + b, 0) + skipped.count + errors.count - errors.findings).toBe(total);
    expect(skipped.byReason).toEqual({ 'empty-model': [6], 'blank-line': [7] });
    expect(errors.lines).toEqual([8]);
  });

  it('json: one document with the rows and the summary', async () => {
    const r = await runMain(['batch', path, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.file.header).toEqual(['SKU', 'Model Number', 'Serial', 'Country', 'Notes']);
    expect(doc.rows).toHaveLength(9);
    expect(doc.summary.rows).toBe(9);
  });

  it('recalled-elsewhere rows name their recalls', async () => {
    const r = await runMain(['batch', file('elsewhere.csv', 'Model,Serial,Country\nA1263,A1B2C3D4E5F6G7H8,AU\n'), '-f', 'csv']);
    expect(r.stdout.split('\n')[1]).toMatch(/,verify,anker-a1263-us-2025 anker-r8-jp-2025,/u);
  });
});

describe('exit codes', () => {
  it('1 when any row is affected', async () => {
    expect((await runMain(['batch', file('a.csv', 'model,serial,country\nA3102,ACCJRU1D16400900,AU\nA9999,1,US\n')])).code).toBe(1);
  });
  it('3 when nothing is affected but something must be verified', async () => {
    expect((await runMain(['batch', file('v.csv', 'model,serial\nA1263,A1B2C3D4E5F6G7H8\nA9999,1\n')])).code).toBe(3);
  });
  it('0 when nothing is affected or to verify', async () => {
    const r = await runMain(['batch', file('z.csv', 'model,serial\nA9999,1\nB1,2\n')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^LINE +STATUS +MODEL +SERIAL +RECALLS +REASON\n$/u);
  });
  it('2 when a row is refused, even with affected rows (the run is incomplete)', async () => {
    expect((await runMain(['batch', file('e.csv', 'model,serial,country\nA3102,ACCJRU1D16400900,AU\nA1263\n')])).code).toBe(2);
  });
});

describe('columns', () => {
  it('named with --model-column and --serial-column, case- and space-insensitively', async () => {
    const path = file('named.csv', 'Handle,Variant SKU,SN,Qty\nh1,A3102016,ACCJRU1D16400900,1\n');
    const r = await runMain(['batch', path, '--model-column', 'variant sku', '--serial-column', 'SN', '--country', 'US', '--format', 'ndjson']);
    expect(r.code).toBe(3);
    const row = JSON.parse(r.stdout.split('\n')[1]!);
    expect(row.status).toBe('verify');
    // The SKU finds every recall of its model A3102, not only the US notice that declares it.
    expect(row.matches.filter((x: { status: string }) => x.status === 'verify').map((x: { recallId: string }) => x.recallId).sort()).toEqual(['anker-r4-global-2024', 'anker-r4-us-2024']);
    expect(row.reasons.map((x: { code: string }) => x.code)).toContain('model-matched-sku');
  });

  it('no model column: an error naming the file and listing the columns, never "0 affected"', async () => {
    const path = file('nomodel.csv', 'Code,Colour,Qty\nh,red,1\n');
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`recall-check: input error: ${path}:1: no model column found. Columns found: "Code", "Colour", "Qty". Name it with --model-column "<column>".\n`);
    const shopify = file('nomodel-shopify.csv', 'Handle,Title,Qty\nh,Shirt,1\n');
    expect((await runMain(['batch', shopify])).stderr).toContain('The columns "Handle", "Title" may name models: search them for recalled model codes with --scan-columns "Handle,Title"');
  });

  it('a --model-column that does not exist', async () => {
    const r = await runMain(['batch', file('m.csv', 'model,serial\nA1,1\n'), '--model-column', 'Part']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--model-column "Part" is not a column of this file\. Columns found: "model", "serial"/u);
  });

  it('duplicate header names of a column in use: an error naming both columns', async () => {
    const r = await runMain(['batch', file('dup.csv', 'model,serial,serial\nA1263,A1,A2\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several columns could hold the serial: "serial" \(column 2\), "serial" \(column 3\)/u);
  });

  it('two candidate model columns: an error asking which one', async () => {
    const r = await runMain(['batch', file('two.csv', 'Model,Model Number,Serial\nA1,A1263,1\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several columns could hold the model: "Model" \(column 1\), "Model Number" \(column 2\)\. Name the right one with --model-column/u);
  });

  it('no serial column: said once on stderr; serial-dependent recalls give verify, all-units ones still work', async () => {
    const r = await runMain(['batch', file('noserial.csv', 'model,qty\nA1263,1\nA1263,2\n'), '--format', 'ndjson']);
    expect(r.code).toBe(3);
    expect(r.stderr.match(/has no serial column/gu)).toHaveLength(1);
    const rows = r.stdout.trimEnd().split('\n').slice(1, -1).map((l) => JSON.parse(l));
    expect(rows.map((x) => x.reasons[0].code)).toEqual(['serial-missing', 'serial-missing']);
  });

  it('country cells as people write them; one that is no country refuses that row only', async () => {
    const cells = ['United States', 'us', 'USA', 'U.S.', 'United Kingdom', 'Deutschland', '日本', 'GBR', 'jpn', 'Narnia', 'ZZ'];
    const csv = `model,serial,country\n${cells.map((c) => `A1263,A1B2C3D4E5F6G7H8,${c}`).join('\n')}\n`;
    const r = await runMain(['batch', file('country.csv', csv), '--format', 'ndjson']);
    expect(r.code).toBe(2);
    const rows = r.stdout.trimEnd().split('\n').slice(1, -1).map((l) => JSON.parse(l));
    expect(rows.map((x) => x.country ?? x.status)).toEqual(['US', 'US', 'US', 'US', 'GB', 'DE', 'JP', 'GB', 'JP', 'error', 'error']);
    expect(rows[9].error.message).toMatch(/column "country": "Narnia" is not a country/u);
    expect(rows[10].error.message).toMatch(/"ZZ" is not a country/u);
  });

  it('one column cannot be both model and serial', async () => {
    const r = await runMain(['batch', file('same.csv', 'Model,Serial\nA1263,1\n'), '--serial-column', 'Model']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column "Model" cannot be both the model and the serial/u);
  });

  it('a header that is one cell holding a delimiter suggests --delimiter', async () => {
    const r = await runMain(['batch', '-', '--delimiter', ','], { input: 'model;serial\nA1263;A1\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Columns found: "model;serial"\. The header is one cell holding a delimiter: set the right one with --delimiter\./u);
  });
});

describe('what real files look like', () => {
  const verdicts = (stdout: string) => stdout.trimEnd().split('\n').slice(1, -1).map((l) => JSON.parse(l)).map((x) => [x.line, x.status]);

  it('UTF-8 with a BOM', async () => {
    const r = await runMain(['batch', file('bom.csv', '\uFEFFmodel,serial\nA1263,A1B2C3D4E5F6G7H8\n'), '-f', 'ndjson']);
    expect(verdicts(r.stdout)).toEqual([[2, 'verify']]);
    expect(JSON.parse(r.stdout.split('\n')[0]!).file).toMatchObject({ bom: true, header: ['model', 'serial'] });
  });

  it('the BOM is kept in CSV output, for Excel', async () => {
    const r = spawnSync(process.execPath, [BIN, 'batch', file('bom2.csv', '\uFEFFmodel\nA9999\n'), '-f', 'csv']);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('UTF-16LE "Unicode Text" from Excel: tab-delimited, CRLF', async () => {
    const text = '\uFEFFmodel\tserial\r\nA1263\tA1B2C3D4E5F6G7H8\r\nA9999\t1\r\n';
    const r = await runMain(['batch', file('unicode.txt', Buffer.from(text, 'utf16le')), '-f', 'ndjson']);
    expect(verdicts(r.stdout)).toEqual([[2, 'verify'], [3, 'no-recall']]);
    expect(JSON.parse(r.stdout.split('\n')[0]!).file).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
  });

  it('UTF-16 without a BOM: a one-line error saying how to re-save', async () => {
    const r = await runMain(['batch', file('nobom16.txt', Buffer.from('model\tserial\r\nA1263\t1\r\n', 'utf16le'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/contains NUL bytes: UTF-16 text without a byte-order mark \(re-run with --encoding utf-16le or --encoding utf-16be\), or not text at all\. In Excel, use File › Save As › "CSV UTF-8 \(Comma delimited\)"\.\n$/u);
  });

  it('a zip under a .csv name is read as a workbook, and a damaged one is named as such', async () => {
    const r = await runMain(['batch', file('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/book\.csv: cannot be read as an Excel workbook \(\.xlsx\)/u);
  });

  it('bytes that are not UTF-8 in a serial: the row is an error naming the line and column, and still a finding (verify: the serial is unread); the others are checked', async () => {
    const bytes = Buffer.concat([Buffer.from('model,serial,notes\nA1263,A1B2C3D4E5F6G7H8,ok\nA1263,A1B2C3D4E5F6G7H'), Buffer.from([0xd8]), Buffer.from(',caf'), Buffer.from([0xe9]), Buffer.from('\nA9999,1,x\n')]);
    const r = await runMain(['batch', file('latin1.csv', bytes), '-f', 'ndjson']);
    expect(r.code).toBe(2);
    expect(verdicts(r.stdout)).toEqual([[2, 'verify'], [3, 'verify'], [4, 'no-recall']]);
    expect(JSON.parse(r.stdout.split('\n')[2]!)).toMatchObject({ error: { code: 'invalid-text', column: 'serial' }, reasons: [{ code: 'serial-missing' }] });
    expect(r.stderr).toMatch(/line 3: column "serial" has bytes that are not valid UTF-8/u);
  });

  it.each([
    ['semicolon', 'model;serial;price\nA1263;A1B2C3D4E5F6G7H8;12,50\n', ';'],
    ['tab', 'model\tserial\nA1263\tA1B2C3D4E5F6G7H8\n', '\t'],
    ['pipe', 'model|serial\nA1263|A1B2C3D4E5F6G7H8\n', '|'],
    ['Excel sep= line', 'sep=;\nmodel;serial\nA1263;A1B2C3D4E5F6G7H8\n', ';'],
  ])('%s delimiter', async (_, content, delimiter) => {
    const r = await runMain(['batch', file(`delim-${delimiter.charCodeAt(0)}-${content.length}.csv`, content), '-f', 'ndjson']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout.split('\n')[0]!).file.delimiter).toBe(delimiter);
    const line = content.startsWith('sep=') ? 3 : 2;
    expect(verdicts(r.stdout)).toEqual([[line, 'verify']]);
  });

  it('CRLF without a final newline, and trailing empty columns', async () => {
    const r = await runMain(['batch', file('crlf.csv', 'model,serial,,\r\nA1263,A1B2C3D4E5F6G7H8,,\r\nA9999,1,,,'), '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout.split('\r\n')).toEqual([
      'model,serial,,,recall_status,recall_ids,recall_reason,recall_action,recall_check_url',
      expect.stringMatching(/^A1263,A1B2C3D4E5F6G7H8,,,verify,/u),
      'A9999,1,,,no-recall,,none on file; not a safety clearance,,',
      '',
    ]);
  });

  it('empty file and header-only file: a distinct "no rows" error, not a pass', async () => {
    const empty = await runMain(['batch', file('empty.csv', '')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no rows: the file is empty/u);
    const header = await runMain(['batch', file('header.csv', 'model,serial\n')]);
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(/no rows: the file has a header but no data rows/u);
  });

  it('an unclosed quote names the line and column where it opened; the line after it is still checked', async () => {
    const r = await runMain(['batch', file('quote.csv', 'model,serial\nA1263,A1B2C3D4E5F6G7H8\nA1263,"A1B2\nA9999,1\n'), '-f', 'ndjson']);
    expect(r.code).toBe(2);
    expect(verdicts(r.stdout)).toEqual([[2, 'verify'], [3, 'error'], [4, 'no-recall']]);
    expect(r.stderr).toMatch(/line 3: a quoted field in column "serial" opens on this line and is not closed on it; .* The lines after it are read as rows of their own, not into this field\./u);
  });

  it('a huge field: bounded memory, an error naming the line, no output file', async () => {
    const path = file('huge.csv', `model,serial\nA1263,A1B2\nA1263,"${'x'.repeat(3 << 20)}`);
    const out = join(dir, 'huge-out.csv');
    const r = await runMain(['batch', path, '-f', 'csv', '-o', out]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(r.stderr).toMatch(/huge\.csv:3: a line longer than 1024 KiB starts here/u);
    expect(existsSync(out)).toBe(false);
  });

  it('a malformed quote names the lines it swallowed, which are read again', async () => {
    const r = await runMain(['batch', file('q.csv', 'Model,Serial\nA1263,"12"34\nA3102,ACCJRU1D16400900\nA3102,"X"\nA1366,1\n'), '--country', 'AU', '-f', 'ndjson']);
    expect(r.code).toBe(2);
    expect(verdicts(r.stdout)).toEqual([[2, 'error'], [3, 'affected'], [4, 'verify'], [5, 'affected']]);
    expect(r.stderr).toMatch(/line 2: a closing quote in column "Serial" .* The lines after it are read as rows of their own/u);
  });

  it('the sep= line is kept in CSV output, so Excel splits the annotated file too', async () => {
    const r = await runMain(['batch', file('sep.csv', 'sep=;\r\nModel;Serial\r\nA9999;1\r\n'), '-f', 'csv']);
    expect(r.stdout.split('\r\n').slice(0, 2)).toEqual(['sep=;', 'Model;Serial;recall_status;recall_ids;recall_reason;recall_action;recall_check_url']);
  });

  it('rows without the header\'s trailing empty columns are accepted', async () => {
    const r = await runMain(['batch', file('trail.csv', 'Model,Serial,,\nA9999,1\n'), '-f', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toContain('"status":"no-recall"');
  });
});

describe('formula and terminal injection', () => {
  const path = file('inject.csv', ['model,serial,notes', 'A9999,1,=HYPERLINK("http://x")', 'A9999,2,  +1', 'A9999,3,@SUM(A1)', 'A9999,4,-2', 'A9999,5,\tx', 'A9999,6,ok=fine', 'A1263,"\u001b[31mRED",note'].join('\n') + '\n');

  it('csv neutralises formula cells with a leading single quote, and leaves the rest alone', async () => {
    const r = await runMain(['batch', path, '-f', 'csv']);
    const out = r.stdout.split('\n');
    expect(out[1]!.startsWith(`A9999,1,"'=HYPERLINK(""http://x"")",no-recall`)).toBe(true);
    expect(out[2]!.startsWith(`A9999,2,"'  +1",`)).toBe(true);
    expect(out[3]!.startsWith(`A9999,3,"'@SUM(A1)",`)).toBe(true);
    expect(out[4]!.startsWith(`A9999,4,"'-2",`)).toBe(true);
    expect(out[5]!.startsWith(`A9999,5,"'\tx",`)).toBe(true);
    expect(out[6]!.startsWith('A9999,6,ok=fine,no-recall')).toBe(true);
  });

  it('json keeps the original text', async () => {
    const r = await runMain(['batch', path, '-f', 'ndjson']);
    const rows = r.stdout.trimEnd().split('\n').slice(1, -1).map((l) => JSON.parse(l));
    expect(rows[0].cells[2]).toBe('=HYPERLINK("http://x")');
    expect(rows[6].cells[1]).toBe('\u001b[31mRED');
  });

  it('the table strips terminal control characters', async () => {
    const r = await runMain(['batch', path]);
    expect(r.stdout).toContain('[31mRED');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('a formula after any Unicode space is neutralised (U+1680)', async () => {
    const r = await runMain(['batch', file('ogham.csv', 'Model,Serial,Note\nA9999,1,\u1680=HYPERLINK("http://x")\n'), '-f', 'csv']);
    expect(r.stdout).toContain(`"'\u1680=HYPERLINK(""http://x"")"`);
  });
});

describe('input and output', () => {
  const path = file('io.csv', 'model,serial\nA1263,A1B2C3D4E5F6G7H8\n');

  it('reads standard input with -', async () => {
    const r = await runMain(['batch', '-', '-f', 'ndjson'], { input: readFileSync(path) });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout.split('\n')[0]!).file.name).toBe('stdin');
  });

  it('-o writes the file and nothing to stdout; the summary still goes to stderr', async () => {
    const out = join(dir, 'checked.csv');
    const r = await runMain(['batch', path, '-f', 'csv', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 data row');
    expect(readFileSync(out, 'utf8').split('\n')[1]).toMatch(/^A1263,A1B2C3D4E5F6G7H8,verify,/u);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('-o never overwrites the input', async () => {
    const r = await runMain(['batch', path, '-f', 'csv', '-o', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the input file: recall-check never overwrites its input/u);
    expect(readFileSync(path, 'utf8')).toBe('model,serial\nA1263,A1B2C3D4E5F6G7H8\n');
  });

  it('a failed run leaves no file under the final name', async () => {
    const out = join(dir, 'never.csv');
    const r = await runMain(['batch', file('bad.csv', 'a,b\n1,2\n'), '-f', 'csv', '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a missing input file', async () => {
    const r = await runMain(['batch', join(dir, 'nope.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.csv: no such file/u);
  });

  it('an unknown --format', async () => {
    const r = await runMain(['batch', path, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format: "xml" is not one of table, json, ndjson, csv/u);
  });

  it('ends quietly when the reader goes away (| head)', async () => {
    const rows = ['model,serial', ...Array.from({ length: 200_000 }, (_, i) => `A1263,A1B2C3D4E5F6${String(i).padStart(4, '0')}`)].join('\n');
    const big = file('big.csv', rows);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" batch "${big}" --all | head -n 3`], { encoding: 'utf8' });
    expect(r.stdout.split('\n')).toHaveLength(4);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /u);
  });

  it('a closed pipe ends quietly but never with a passing exit code', async () => {
    const rows = ['model,serial', ...Array.from({ length: 100_000 }, () => 'A9999,1'), 'A1366,1'].join('\n');
    const big = file('tail.csv', rows);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" batch "${big}" -f csv | head -n 1 >/dev/null; echo "code=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('code=2');
    expect(r.stderr).toBe('');
  });

  it('-o naming a directory, or a missing directory, is a usage error before the run', async () => {
    const csv = file('one.csv', 'model\nA9999\n');
    const asDir = await runMain(['batch', csv, '-o', dir]);
    expect(asDir.code).toBe(2);
    expect(asDir.stderr).toMatch(/is a directory: give -o a file name/u);
    const missing = await runMain(['batch', csv, '-o', join(dir, 'nope/out.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such directory for the output file/u);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('-o - writes to standard output', async () => {
    const r = await runMain(['batch', file('dash.csv', 'model\nA9999\n'), '-f', 'csv', '-o', '-']);
    expect(r.stdout.split('\n')[1]).toMatch(/^A9999,no-recall/u);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});
