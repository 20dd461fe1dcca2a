import { Readable } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { checkCsv } from '../../src/batch/run.js';
import { loadRecallData } from '../../src/recall-data.js';
import { tableHeader, tableRows } from '../../src/report/table.js';
import type { Style } from '../../src/report/style.js';
import type { RowResult } from '../../src/results/row-result.js';

const c = new Chalk({ level: 1 });
const COLOUR: Style = { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/gu;
/** Columns as a terminal shows them, counted here independently of the code under test. */
const columnsOf = (line: string) => [...line.replace(SGR, '')].reduce((n, ch) => n + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch) ? 2 : 1), 0);

async function rowsOf(csv: string): Promise<{ rows: RowResult[]; model: number | undefined; serial: number | undefined }> {
  const data = await loadRecallData();
  const batch = await checkCsv(data, Readable.from([Buffer.from(csv)]), { name: 'inv.csv' });
  const rows: RowResult[] = [];
  for await (const chunk of batch.results) rows.push(...chunk);
  return { rows, model: batch.columns.model, serial: batch.columns.serial };
}

// A1647 sold in the US is covered by three recalls; a seven-digit line number is past the LINE column.
const CSV = 'model,serial,country\nA1647,,US\nA3102,ACCJRU1D16400900,AU\nA1263,日本語のシリアル番号です,US\nA1263,A1B2C3D4E5F6G7H8,US\n';

describe('the batch table on a terminal', () => {
  it('keeps every line within the width by cutting the reason, never the line number or a recall id', async () => {
    const { rows, model, serial } = await rowsOf(CSV);
    const far = rows.map((r, i) => (i === 0 ? { ...r, line: 1234569 } : r));
    const out = tableRows(far, model, serial, { style: COLOUR, width: 120, all: false });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(columnsOf(l)).toBeLessThanOrEqual(120);
    const first = lines[0]!.replace(SGR, '');
    expect(first).toMatch(/^1234569 verify /u);
    expect(first).toContain('anker-r5-us-2024 anker-r7-us-2025 anker-r5-global-2024 ');
    expect(first).toMatch(/…$/u);
    // The reason is cut only on a terminal: without a width it is whole.
    const whole = tableRows(far, model, serial, { style: COLOUR, width: undefined, all: false }).split('\n')[0]!.replace(SGR, '');
    expect(whole.length).toBeGreaterThan(120);
    expect(whole).not.toContain('…');
  });

  it('aligns by visible width: colour and full-width text do not shift the columns', async () => {
    const { rows, model, serial } = await rowsOf(CSV);
    const plain = tableRows(rows, model, serial, { style: { bold: String, dim: String, red: String, yellow: String, green: String, cyan: String }, width: 120, all: false });
    const colour = tableRows(rows, model, serial, { style: COLOUR, width: 120, all: false });
    expect(colour).toMatch(SGR);
    expect(colour.replace(SGR, '')).toBe(plain);
    // Each RECALLS cell starts in the column where the header's RECALLS does.
    const at = (l: string) => [...l.replace(SGR, '')].slice(0, 200).reduce<{ cols: number; found: number }>(
      (acc, ch, i, all) => (acc.found >= 0 ? acc : all.slice(i).join('').startsWith('anker-') ? { ...acc, found: acc.cols } : { ...acc, cols: acc.cols + columnsOf(ch) }),
      { cols: 0, found: -1 },
    ).found;
    const header = tableHeader({ style: COLOUR, width: 120, all: false }).replace(SGR, '');
    const column = header.indexOf('RECALLS');
    for (const l of plain.trimEnd().split('\n')) expect(at(l)).toBe(column);
  });
});
