/**
 * Inventories that are not UTF-8, as Excel on Windows and Japanese back-office tools save them:
 * read with --encoding, named by the hint without it, their recalled rows found either way, and
 * written back byte for byte in the annotated CSV. Every fixture is written byte-exactly here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { projects, scratchFiles } from '../helpers/project.js';

const { dir, file: write } = scratchFiles('recall-check-enc-');

const ascii = (s: string) => Buffer.from(s, 'latin1');

// Windows-1252: ñ F1, € 80, ™ 99, é E9; none of them is valid UTF-8 on its own.
// A1366 is recalled whatever the serial; A3102 with this serial, sold in AU, is in a published range.
const W1252 = Buffer.concat([
  ascii('sku,title,model,serial number,country\r\n'),
  ascii('S1,"Se'), Buffer.from([0xf1]), ascii('or power bank '), Buffer.from([0x80]), ascii(' 10000 '), Buffer.from([0x99]), ascii('",A1366,,US\r\n'),
  ascii('S2,Caf'), Buffer.from([0xe9]), ascii(' speaker '), Buffer.from([0x99]), ascii(',A3102,ACCJRU1D16400900,AU\r\n'),
  ascii('S3,Se'), Buffer.from([0xf1]), ascii('or cable,A9999,1,US\r\n'),
]);

/** The annotated CSV with the appended columns taken off each line: the input's own bytes if nothing else changed. */
function originalColumns(out: Buffer, lineBreak = '\r\n'): Buffer {
  const text = out.toString('latin1');
  const lines = text.split(lineBreak);
  const stripped = lines.map((l) => l.replace(/,(?:recall_status|affected|verify|not-affected|no-recall|skipped|error),.*$/u, ''));
  return Buffer.from(stripped.join(lineBreak), 'latin1');
}

function ndjson(stdout: string) {
  const docs = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  return { file: docs[0].file, rows: docs.filter((d) => d.type === 'row'), summary: docs.at(-1) };
}

describe('a Windows-1252 CSV from Excel (Señor, €, ™ in a title)', () => {
  const path = write('excel-windows.csv', W1252);

  it('without --encoding: both recalled rows are findings, the row naming no recall is an error, and the hint names windows-1252 and the flag', async () => {
    const r = await runMain(['batch', path, '-f', 'ndjson']);
    expect(r.code).toBe(2);
    const { rows, summary } = ndjson(r.stdout);
    expect(rows.map((x) => [x.line, x.status])).toEqual([[2, 'affected'], [3, 'affected'], [4, 'error']]);
    expect(rows[0].error).toMatchObject({ code: 'invalid-text', column: 'title' });
    expect(rows[1].matches.map((m: { recallId: string }) => m.recallId)).toContain('anker-r4-au-2024');
    expect(rows[2].error.message).toMatch(/not valid UTF-8; it looks like windows-1252: re-run with --encoding windows-1252$/u);
    expect(summary.byStatus.affected).toBe(2);
    expect(summary.errors).toMatchObject({ count: 3, findings: 2, lines: [2, 3, 4] });
    expect(r.stderr).toContain(`recall-check: note: ${path} is not UTF-8; it looks like windows-1252: re-run with --encoding windows-1252\n`);
    expect(r.stderr).toMatch(/affected\s+2\n/u);
  });

  it('the flag the note prints works: no errors, and the annotated CSV keeps every original byte', async () => {
    const hint = /re-run with (--encoding \S+)\n/u.exec((await runMain(['batch', path])).stderr)![1]!.split(' ');
    const out = join(dir, 'excel-windows.checked.csv');
    const r = await runMain(['batch', path, ...hint, '-f', 'csv', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/errors\s+0\n/u);
    expect(r.stderr).not.toMatch(/not UTF-8/u);
    const bytes = readFileSync(out);
    expect(originalColumns(bytes).equals(W1252)).toBe(true);
    expect(bytes.toString('latin1').split('\r\n').slice(1, 4).map((l) => /,(affected|no-recall|verify|error),/u.exec(l)?.[1])).toEqual(['affected', 'affected', 'no-recall']);
  });

  it('without --encoding, the annotated CSV still writes the undecodable rows back as their own bytes, not as U+FFFD', async () => {
    const out = join(dir, 'excel-windows.unnamed.csv');
    await runMain(['batch', path, '-f', 'csv', '-o', out]);
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from('\uFFFD', 'utf8'))).toBe(false);
    expect(originalColumns(bytes).equals(W1252)).toBe(true);
  });

  it('the encoding also comes from RECALL_CHECK_ENCODING, and the flag wins over it', async () => {
    expect((await runMain(['batch', path], { env: { RECALL_CHECK_ENCODING: 'windows-1252' } })).code).toBe(1);
    expect((await runMain(['batch', path, '--encoding', 'utf-8'], { env: { RECALL_CHECK_ENCODING: 'windows-1252' } })).code).toBe(2);
  });

  it('with --encoding utf-8 (named, so no guess): the rows are errors and findings, and still written back as their own bytes', async () => {
    const out = join(dir, 'excel-windows.as-utf8.csv');
    const r = await runMain(['batch', path, '--encoding', 'utf-8', '-f', 'csv', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/note: .* is not UTF-8/u);
    expect(r.stderr).toMatch(/not valid utf-8 \(or a U\+FFFD character\); check that --encoding utf-8 is the file's encoding/u);
    expect(originalColumns(readFileSync(out)).equals(W1252)).toBe(true);
  });

  it('spawned: the bin reads it with --encoding latin1 (a WHATWG label of windows-1252) and writes the same bytes to stdout', () => {
    const r = spawnSync(process.execPath, [BIN, 'batch', path, '--encoding', 'latin1', '-f', 'csv']);
    expect(r.status).toBe(1);
    expect(originalColumns(r.stdout).equals(W1252)).toBe(true);
  });
});

describe('an unreadable model, serial or country cell never clears a unit nor condemns it by its serial', () => {
  it('a serial that did not decode is checked as absent: a serial-dependent recall is verify, an all-units one stays affected', async () => {
    const path = write('bad-serial.csv', Buffer.concat([ascii('model,serial,country\nA3102,ACCJRU1D1640090'), Buffer.from([0xd8]), ascii(',AU\nA1366,X'), Buffer.from([0xd8]), ascii(',US\nA9999,'), Buffer.from([0xd8]), ascii(',US\n')]));
    const r = await runMain(['batch', path, '-f', 'ndjson']);
    const { rows } = ndjson(r.stdout);
    expect(rows.map((x) => [x.status, x.error?.column])).toEqual([['verify', 'serial'], ['affected', 'serial'], ['error', 'serial']]);
  });

  it('a model cell that did not decode but still shows a recalled code is verify, never affected', async () => {
    const path = write('bad-model.csv', Buffer.concat([ascii('model,serial\nA1366 '), Buffer.from([0xe9]), ascii(',1\n')]));
    const { rows } = ndjson((await runMain(['batch', path, '-f', 'ndjson'])).stdout);
    expect(rows.map((x) => [x.status, x.error?.column])).toEqual([['verify', 'model']]);
  });

  it('a country cell that did not decode is not replaced by --country: an in-range serial is verify, not affected', async () => {
    const path = write('bad-country.csv', Buffer.concat([ascii('model,serial,country\nA3102,ACCJRU1D16400900,Austr'), Buffer.from([0xe1]), ascii('lia\n')]));
    const { rows } = ndjson((await runMain(['batch', path, '--country', 'AU', '-f', 'ndjson'])).stdout);
    expect(rows.map((x) => [x.status, x.error?.column])).toEqual([['verify', 'country']]);
    expect(rows[0].matches.map((m: { status: string }) => m.status)).not.toContain('affected');
  });
});

describe('a Shift_JIS CSV with Japanese headers (Excel in Japan)', () => {
  const sjis = iconv.encode('型番,シリアル番号,製造番号\r\nA1366,AH1234567890,1\r\nA9999,1,2\r\n', 'shift_jis');
  const path = write('在庫-sjis.csv', sjis);

  it('with --encoding shift_jis: the Japanese headers are recognised and the recalled unit is affected', async () => {
    const r = await runMain(['batch', path, '--encoding', 'shift_jis', '--serial-column', 'シリアル番号', '-f', 'ndjson']);
    expect(r.code).toBe(1);
    const { file, rows } = ndjson(r.stdout);
    expect(file).toMatchObject({ encoding: 'shift_jis', columns: { model: '型番', serial: 'シリアル番号' } });
    expect(rows.map((x) => [x.line, x.status])).toEqual([[2, 'affected'], [3, 'no-recall']]);
  });

  it('without it: the header error says the header is not UTF-8, names shift_jis and the flag, and suggests no --model-column', async () => {
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:1: the header could not be read as UTF-8 \(columns found: .*\); it looks like shift_jis: re-run with --encoding shift_jis\. Nothing was checked\.\n/u);
    expect(r.stderr).not.toMatch(/--model-column/u);
  });

  it('sjis, its alias, also works, and the annotated CSV keeps every Shift_JIS byte of the input', async () => {
    const out = join(dir, 'sjis.checked.csv');
    await runMain(['batch', path, '--encoding', 'sjis', '--serial-column', 'シリアル番号', '-f', 'csv', '-o', out]);
    expect(originalColumns(readFileSync(out)).equals(sjis)).toBe(true);
  });
});

describe('UTF-16BE', () => {
  const text = 'model\tserial\r\nA1366\t\r\nA9999\t1\r\n';
  const be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it.each([
    ['with a BOM, which is skipped', Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)])],
    ['without a BOM', be(text)],
  ])('--encoding utf-16be %s: checked, and written back as UTF-16BE', async (_label, bytes) => {
    const path = write(`u16be-${bytes.length}.txt`, bytes);
    const out = join(dir, `u16be-${bytes.length}.checked.txt`);
    const r = await runMain(['batch', path, '--encoding', 'utf-16be', '-f', 'csv', '-o', out]);
    expect(r.code).toBe(1);
    const { file } = ndjson((await runMain(['batch', path, '--encoding', 'utf-16be', '-f', 'ndjson'])).stdout);
    expect(file).toMatchObject({ encoding: 'utf-16be', bom: bytes[0] === 0xfe, header: ['model', 'serial'] });
    const written = readFileSync(out);
    const back = Buffer.from(written).swap16().toString('utf16le');
    expect(back.split('\r\n').map((l) => l.split('\t')[0])).toEqual([...(bytes[0] === 0xfe ? ['\uFEFFmodel'] : ['model']), 'A1366', 'A9999', '']);
    expect(back.split('\r\n')[1]).toMatch(/^A1366\t\taffected\t/u);
  });
});

describe('--encoding itself', () => {
  const project = projects('recall-check-enc-config-');

  it('the configuration key encoding is read, and an unknown label there names the file and key', async () => {
    const cwd = project({ '.recall-checkrc.json': '{"encoding":"windows-1252"}', 'stock.csv': '' });
    writeFileSync(join(cwd, 'stock.csv'), W1252);
    expect((await runMain(['batch', 'stock.csv'], { cwd })).code).toBe(1);
    const bad = project({ '.recall-checkrc.json': '{"encoding":"klingon"}', 'stock.csv': 'model\nA1366\n' });
    const r = await runMain(['batch', 'stock.csv'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.recall-checkrc\.json.*\$\.encoding.*"klingon" is not an encoding label/u);
  });

  it('a weak guess names no single encoding but gives examples of the flag', async () => {
    const path = write('weak.csv', Buffer.concat([ascii('model,title\nA1366,x'), Buffer.from([0xff]), ascii('\n')]));
    const { rows } = ndjson((await runMain(['batch', path, '-f', 'ndjson'])).stdout);
    expect(rows[0]).toMatchObject({ status: 'affected', error: { code: 'invalid-text' } });
    expect(rows[0].error.message).toMatch(/not valid UTF-8; its encoding is not clear: re-run with it named, for example --encoding windows-1252 or --encoding shift_jis$/u);
  });

  it('spawned: the encoding detector is loaded only when UTF-8 fails, and iconv-lite only for a legacy encoding', () => {
    // A module hook that reports every resolution of the two libraries on stderr.
    const hook = `data:text/javascript,${encodeURIComponent("export async function resolve(s, c, n) { const r = await n(s, c); if (/chardet|iconv-lite/.test(r.url)) process.stderr.write('LOADED ' + s + '\\n'); return r; }")}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', register, BIN, ...args], { encoding: 'utf8' });
      return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).sort();
    };
    const utf8 = write('valid.csv', Buffer.from('model,title\nA1366,café\n', 'utf8'));
    expect(loaded(['batch', utf8, '-f', 'csv'])).toEqual([]);
    expect(loaded(['batch', write('cp.csv', W1252), '-f', 'csv'])).toEqual(['LOADED chardet']);
    expect(loaded(['batch', write('cp2.csv', W1252), '--encoding', 'windows-1252', '-f', 'csv'])).toEqual(['LOADED iconv-lite']);
  });

  it('an unknown label is a usage error naming the flag and valid labels', async () => {
    const r = await runMain(['batch', write('any.csv', ascii('model\nA1366\n')), '--encoding', 'windows-9999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage error: --encoding: "windows-9999" is not an encoding label \(WHATWG labels, e\.g\. windows-1252, shift_jis/u);
  });

  it('a file that fails UTF-8 late (after the first 64 KiB, in a quoted multi-line cell) is still written back byte for byte', async () => {
    const lines = ['sku,title,model'];
    for (let i = 0; i < 3000; i++) lines.push(`S${i},Plain cable number ${i},ZX${i}`);
    const bytes = Buffer.concat([ascii(`${lines.join('\n')}\nX1,"two\nlines Se`), Buffer.from([0xf1]), ascii('or",A1366\nS,caf\u00c3\u00a9 ok,ZX1\n')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const path = write('late.csv', bytes);
    const out = join(dir, 'late.checked.csv');
    const r = await runMain(['batch', path, '-f', 'csv', '-o', out]);
    expect(r.code).toBe(2);
    const written = readFileSync(out);
    expect(originalColumns(written, '\n').equals(bytes)).toBe(true);
    expect(written.toString('latin1')).toMatch(/\nX1,"two\nlines Se\u00f1or",A1366,affected,/u);
  });
});

describe('without --encoding, rows that are re-serialised keep their own bytes', () => {
  it('a formula-like cell in Windows-1252 is escaped, and its bytes (ñ F1, é E9, € 80) are written back, not U+FFFD', async () => {
    const path = write('formula-1252.csv', Buffer.concat([ascii('model,serial,country,title\n'), ascii('A1366,,US,=Se\xf1or caf\xe9 \x80\n')]));
    const out = join(dir, 'formula-1252.checked.csv');
    await runMain(['batch', path, '-f', 'csv', '-o', out]);
    const row = readFileSync(out).toString('latin1').split('\n')[1]!;
    expect(row).toMatch(/^A1366,,US,"'=Se\xf1or caf\xe9 \x80",affected,/u);
  });

  it('a line refused for a broken quote is written with its own bytes, its cells cut as the record reader cuts them', async () => {
    const path = write('quote-1252.csv', Buffer.concat([ascii('model;serial;country;title\r\n'), ascii('A1263;"A1B2;US;Se\xf1or \x80\r\n'), ascii('A1366;;US;caf\xe9\r\n')]));
    const out = join(dir, 'quote-1252.checked.csv');
    await runMain(['batch', path, '-f', 'csv', '-o', out]);
    const lines = readFileSync(out).toString('latin1').split('\r\n');
    expect(lines[1]).toMatch(/^A1263;"""A1B2;US;Se\xf1or \x80";;;error;;/u);
    expect(lines[2]).toMatch(/^A1366;;US;caf\xe9;affected;/u);
  });
});

describe('a byte-order mark overrides a named encoding (the WHATWG decode algorithm)', () => {
  it('a UTF-8 file with a BOM, read with --encoding windows-1252: read as UTF-8 (ñ C3 B1 stays one character), said once on stderr', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('model,serial,country,title\nA1366,,US,Se\xc3\xb1or\n')]);
    const path = write('bom-utf8.csv', bytes);
    const out = join(dir, 'bom-utf8.checked.csv');
    const r = await runMain(['batch', path, '--encoding', 'windows-1252', '-f', 'csv', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.split(`recall-check: note: ${path} starts with a UTF-8 byte-order mark: read as utf-8, not as the named windows-1252 (a byte-order mark overrides the encoding named)\n`)).toHaveLength(2);
    expect(originalColumns(readFileSync(out), '\n').equals(bytes)).toBe(true);
  });

  it('a UTF-16LE file with its BOM, read with --encoding windows-1252, is read as UTF-16LE, not refused for its NUL bytes', async () => {
    const path = write('bom-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('model\tserial\tcountry\r\nA1366\t\tUS\r\n', 'utf16le')]));
    const r = await runMain(['batch', path, '--encoding', 'windows-1252', '-f', 'ndjson']);
    expect(r.code).toBe(1);
    expect(ndjson(r.stdout).rows.map((x) => [x.line, x.status])).toEqual([[2, 'affected']]);
    expect(r.stderr).toContain(`${path} starts with a UTF-16LE byte-order mark: read as utf-16le, not as the named windows-1252`);
  });
});

describe('a literal U+FFFD (valid UTF-8 EF BF BD) is not a decoding failure', () => {
  it('no "not UTF-8" note and no guess: the row says its cell holds a U+FFFD, the file probably damaged before', async () => {
    const path = write('literal-fffd.csv', Buffer.concat([ascii('model,serial,country,title\n'), ascii('A3102,ACCJRU1D16400900,AU,caf\xc3\xa9 \xef\xbf\xbd \xc3\xa9\xc3\xa9\n'), ascii('X1,S,US,plain \xef\xbf\xbd\n')]));
    const r = await runMain(['batch', path, '-f', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/not UTF-8|not valid|--encoding/u);
    const { rows } = ndjson(r.stdout);
    expect(rows.map((x) => [x.line, x.status])).toEqual([[2, 'affected'], [3, 'error']]);
    expect(rows[1].error).toMatchObject({ code: 'invalid-text', column: 'title', message: 'column "title" holds a U+FFFD replacement character (valid UTF-8, not a decoding failure): the file was probably damaged before it was saved; check the value against the unit\'s label' });
  });

  it('a literal U+FFFD does not hide a real invalid byte after it: that one is still called not UTF-8', async () => {
    const path = write('literal-then-bad.csv', Buffer.concat([ascii('model,serial,country,title\n'), ascii('X1,S,US,a \xef\xbf\xbd\n'), ascii('X2,S,US,caf\xe9 Se\xf1or \xe9t\xe9 \xe9\n')]));
    const r = await runMain(['batch', path, '-f', 'ndjson']);
    expect(r.stderr).toMatch(/is not UTF-8; /u);
    expect(ndjson(r.stdout).rows[1].error.message).toMatch(/^column "title" has bytes that are not valid UTF-8; /u);
  });
});

describe('the hint between Latin code pages names windows-1252, the guess after it', () => {
  it('German "Größe" (F6 DF), which chardet scores as Baltic windows-1257 with no Western guess near it: windows-1252 is named, or windows-1257', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `X${i},S${i},US,Gr\xf6\xdfe\n`).join('');
    const path = write('grosse-1252.csv', ascii(`model,serial,country,title\n${lines}`));
    const r = await runMain(['batch', path]);
    expect(r.stderr).toContain(`recall-check: note: ${path} is not UTF-8; it looks like windows-1252 (or windows-1257): re-run with --encoding windows-1252\n`);
  });

  it('a Cyrillic (windows-1251) title is not Latin: it is named as guessed', async () => {
    const ru = iconv.encode('Портативный аккумулятор для телефона, черный. Быстрая зарядка ', 'win1251');
    const path = write('cyrillic-1251.csv', Buffer.concat([ascii('model,serial,country,title\n'), ...Array.from({ length: 5 }, (_, i) => Buffer.concat([ascii(`X${i},S,US,`), ru, ascii('\n')]))]));
    const r = await runMain(['batch', path]);
    expect(r.stderr).toContain('is not UTF-8; it looks like windows-1251: re-run with --encoding windows-1251\n');
  });
});

describe('a header that did not decode: the encoding in which it maps is named, as proven', () => {
  it('a short EUC-JP header (品番, 製造番号, 国), which chardet calls windows-1252: euc-jp is named, and no --model-column', async () => {
    const path = write('short-euc.csv', iconv.encode('品番\t製造番号\t国\r\nA1366\t\tJP\r\nA3102\tACCJRU1D16400900\tAU\r\n', 'euc-jp'));
    const r = await runMain(['batch', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:1: the header could not be read as UTF-8 \(columns found: .*\); its header reads as euc-jp: re-run with --encoding euc-jp\. Nothing was checked\.\n$/u);
    expect(r.stderr).not.toMatch(/--model-column/u);
    expect((await runMain(['batch', path, '--encoding', 'euc-jp', '-f', 'ndjson'])).code).toBe(1);
  });

  it('a short Big5 header (型號, 序號, 國家): big5 is named', async () => {
    const path = write('short-big5.csv', iconv.encode('型號,序號,國家\r\nA1366,,US\r\n', 'big5'));
    const r = await runMain(['batch', path]);
    expect(r.stderr).toMatch(/its header reads as big5: re-run with --encoding big5\. Nothing was checked\.\n$/u);
  });

  it('a serial column whose name did not decode (Numéro de série in Windows-1252): the note names the encoding and its flag before the column flag', async () => {
    const path = write('serie-1252.csv', ascii('model,Num\xe9ro de s\xe9rie,country,title\nA3102,ACCJRU1D16400900,AU,x\n'));
    const r = await runMain(['batch', path]);
    const unreadable = r.stderr.indexOf(`recall-check: note: ${path}: the header cell "Num\uFFFDro de s\uFFFDrie" could not be read, so its serial column may be there but unreadable; its header reads as windows-1252: re-run with --encoding windows-1252.\n`);
    expect(unreadable).not.toBe(-1);
    expect(unreadable).toBeLessThan(r.stderr.indexOf('--serial-column'));
  });
});
