/** A UTF-8 inventory with Japanese headers, as a back-office export in Japan writes it: checked with no column flags. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runMain } from '../helpers/main.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-jp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('型番 / シリアル番号 / 販売国 are read as model, serial and country, and a recalled unit is affected', async () => {
  const path = join(dir, '在庫.csv');
  // Written byte-exactly: UTF-8 with the BOM Excel in Japan adds, CRLF line breaks.
  writeFileSync(path, Buffer.from('\ufeff商品名,型番,シリアル番号,販売国\r\nAnker PowerCore 10000,A1366,AH1234567890,JP\r\nその他,A9999,1,JP\r\n', 'utf8'));
  const r = await runMain(['batch', path, '-f', 'ndjson']);
  expect(r.code).toBe(1);
  const [file, ...rows] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(file.file.columns).toEqual({ model: '型番', serial: 'シリアル番号', country: '販売国' });
  expect(rows.filter((x) => x.type === 'row').map((x) => [x.line, x.status])).toEqual([[2, 'affected'], [3, 'no-recall']]);
  expect(r.stderr).not.toMatch(/no serial column/u);
});
