import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { wrap } from '../../src/report/format.js';
import { visibleWidth } from '../../src/report/visible-width.js';

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/gu;

/** A single check as on a colour terminal of `columns` columns, in-process. */
async function checkOnTerminal(columns: number, ...args: string[]): Promise<string> {
  let out = '';
  const stream = (write: (s: string) => void) => ({ isTTY: true, columns, write: (s: string | Uint8Array) => (write(String(s)), true) });
  const io: Io = { stdin: (async function* () {})(), stdout: stream((s) => (out += s)), stderr: stream(() => {}), env: { FORCE_COLOR: '1' }, cwd: process.cwd() };
  await main(args, io);
  return out;
}

/** Columns as a terminal shows them, counted here independently of the code under test. */
function columnsOf(line: string): number {
  let n = 0;
  for (const c of line.replace(SGR, '')) n += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]/u.test(c) ? 2 : 1;
  return n;
}

describe('the single-check report wraps by what a terminal shows', () => {
  it('with colour on a 120-column terminal, lines use the width and none passes it', async () => {
    const out = await checkOnTerminal(120, 'A1263', 'A1B2C3D4E5F6G7H8');
    expect(out).toMatch(SGR);
    const lines = out.split('\n');
    // A URL is never broken, so a line that is one long word may pass the edge; no other may.
    const over = lines.filter((l) => columnsOf(l) > 120 && /\s\S+\s/u.test(l.replace(SGR, '').trim()));
    expect(over).toEqual([]);
    const wide = lines.filter((l) => columnsOf(l) > 100);
    expect(wide.length).toBeGreaterThanOrEqual(5);
  });

  it('colour does not change where lines break', async () => {
    const colour = (await checkOnTerminal(120, 'A1263', 'A1B2C3D4E5F6G7H8')).replace(SGR, '');
    let plain = '';
    const io: Io = { stdin: (async function* () {})(), stdout: { isTTY: true, columns: 120, write: (s) => ((plain += String(s)), true) }, stderr: { write: () => true }, env: { NO_COLOR: '1' }, cwd: process.cwd() };
    await main(['A1263', 'A1B2C3D4E5F6G7H8'], io);
    expect(colour).toBe(plain);
  });

  it('a full-width Japanese character takes two columns', () => {
    expect(visibleWidth('日本語のテキスト')).toBe(16);
    expect(visibleWidth('「異物」')).toBe(8);
    expect(visibleWidth('\u001b[1mA1263\u001b[22m')).toBe(5);
    // 10 words of 4 full-width characters (8 columns each) in 40 columns: 4 words a line, not 9.
    const text = Array.from({ length: 10 }, () => '自主回収').join(' ');
    const lines = wrap(text, 40, '');
    expect(lines.split('\n').map(columnsOf)).toEqual([35, 35, 17]);
  });
});
