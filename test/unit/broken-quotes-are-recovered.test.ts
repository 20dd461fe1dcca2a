/**
 * The reader and broken quotes: the line whose quote does not close properly is refused on its
 * own, and the lines it swallowed are read again as rows of their own, with their physical line
 * numbers; a quoted field that closes properly keeps its line breaks in one record.
 */
import { describe, expect, it } from 'vitest';
import { type CsvRecord, readCsv } from '../../src/batch/read.js';

async function* chunks(text: string, size = text.length): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string, opts: { size?: number; maxRecordChars?: number } = {}): Promise<CsvRecord[]> {
  const csv = await readCsv(chunks(text, opts.size), { name: 't.csv', ...(opts.maxRecordChars === undefined ? {} : { maxRecordChars: opts.maxRecordChars }) });
  const out: CsvRecord[] = [];
  for await (const batch of csv.records) out.push(...batch);
  return out;
}

/** line, cells, and the quote error when there is one. */
const brief = (records: CsvRecord[]) => records.map((r) => (r.quoteError ? [r.line, r.cells, r.quoteError, r.quoteColumn] : [r.line, r.cells]));

// The case: line 2 opens a quote that never closes.
const UNCLOSED = 'Model,Serial,Country\nA1263,"A1B2C3,US\nA1366,X,AU\nA3102,ACCJRU1D16400900,AU\nA9999,1,US\n';
const MALFORMED = 'Model,Serial\nA1263,"12"34\nA3102,ACCJRU1D16400900\nA3102,"X"\nA1366,1\n';
const TWICE = 'a,b\nA1,"x"y\nA2,"p"q\nA1366,1\nA3,"z\n';

describe('a quote that never closes', () => {
  it('refuses its line alone, with the stray quote kept in its cell, and reads the lines after it as rows', async () => {
    expect(brief(await read(UNCLOSED))).toEqual([
      [2, ['A1263', '"A1B2C3,US'], 'unclosed-quote', 1],
      [3, ['A1366', 'X', 'AU']],
      [4, ['A3102', 'ACCJRU1D16400900', 'AU']],
      [5, ['A9999', '1', 'US']],
    ]);
  });

  it.each([
    ['unclosed', UNCLOSED],
    ['malformed', MALFORMED],
    ['malformed twice', TWICE],
  ])('%s: the same records in any chunking, also split at every character', async (label, text) => {
    const whole = await read(text);
    for (const size of [1, 3, 7]) expect(await read(text, { size })).toEqual(whole);
    for (let at = 1; at < text.length; at++) {
      const csv = await readCsv((async function* () { yield text.slice(0, at); yield text.slice(at); })(), { name: 't.csv' });
      const got: CsvRecord[] = [];
      for await (const b of csv.records) got.push(...b);
      expect({ at, got }).toEqual({ at, got: whole });
    }
  });

  it('in a CRLF file: no CR is left in the refused line or the rows after it', async () => {
    const records = await read(UNCLOSED.replaceAll('\n', '\r\n'));
    expect(brief(records)).toEqual(brief(await read(UNCLOSED)));
    for (const r of records) expect(r.raw.includes('\r') || r.cells.some((c) => c.includes('\r'))).toBe(false);
  });

  it('on the last line: refused alone, with its column', async () => {
    expect(brief(await read('a,b\nA9999,1\nA1263,"x\n'))).toEqual([[2, ['A9999', '1']], [3, ['A1263', '"x'], 'unclosed-quote', 1]]);
  });

  it('past the record bound: recovered at the bound, every line after it still read', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `A${1000 + i},${i}`);
    const records = await read(`Model,Serial\nA1263,"open\n${rows.join('\n')}\n`, { size: 64, maxRecordChars: 4096 });
    expect(records[0]).toMatchObject({ line: 2, quoteError: 'unclosed-quote', quoteColumn: 1 });
    expect(records.slice(1).map((r) => [r.line, r.cells])).toEqual(rows.map((r, i) => [i + 3, r.split(',')]));
  });

  it('one line longer than the bound still stops the read (memory stays bounded)', async () => {
    await expect(read(`a,b\nA1263,"${'x'.repeat(10_000)}`, { maxRecordChars: 4096 })).rejects.toThrow(/t\.csv:2: a line longer than 4 KiB starts here/u);
  });

  it('an unclosed quote on every line of 20,000 is read in linear time, each line refused by itself', async () => {
    // Each line's quote runs to the end of the file; read again from each next line, the parser
    // would run over the rest of the file once per line.
    const n = 20_000;
    const started = performance.now();
    const records = await read(`Model,Serial\n${'A1366,"x\n'.repeat(n)}`);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(records).toHaveLength(n);
    expect(records.every((r, i) => r.line === i + 2 && r.quoteError === 'unclosed-quote' && r.quoteColumn === 1)).toBe(true);
  });

  it('a stray quote on every line of 100,000 is read in linear time, each line refused by itself', async () => {
    // Each `"Anker" …` field opens a quote that papaparse looks for a close of over the whole
    // file; re-reading from each next line would be quadratic.
    const n = 100_000;
    const text = `Title,Model\n${'"Anker" PowerCore,A1366\n'.repeat(n)}`;
    const started = performance.now();
    const records = await read(text);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(records).toHaveLength(n);
    expect(records.every((r, i) => r.line === i + 2 && r.quoteError === 'malformed-quote' && r.quoteColumn === 0)).toBe(true);
  });
});

describe('a malformed quote (a closing quote followed by other characters)', () => {
  it('refuses its line, and reads again the lines the parser ran over', async () => {
    expect(brief(await read(MALFORMED))).toEqual([
      [2, ['A1263', '"12"34'], 'malformed-quote', 1],
      [3, ['A3102', 'ACCJRU1D16400900']],
      [4, ['A3102', 'X']],
      [5, ['A1366', '1']],
    ]);
  });

  it('closed later on its own line: one record, refused, its cells as the parser read them', async () => {
    expect(brief(await read('a,b,c\nA1263,"12"34",x\nA1366,1,2\n'))).toEqual([[2, ['A1263', '12"34', 'x'], 'malformed-quote', 1], [3, ['A1366', '1', '2']]]);
  });

  it('a second broken quote among the lines read again is refused the same way', async () => {
    expect(brief(await read(TWICE))).toEqual([
      [2, ['A1', '"x"y'], 'malformed-quote', 1],
      [3, ['A2', '"p"q'], 'malformed-quote', 1],
      [4, ['A1366', '1']],
      [5, ['A3', '"z'], 'unclosed-quote', 1],
    ]);
  });
});

describe('a quote closed by a lone quote many lines later', () => {
  it('a record of the wrong width is taken apart', async () => {
    // Closed by the quote ending line 3: a record of 2 fields where the header has 3.
    expect(brief(await read('Model,Serial,Country\nA1263,"x\nA1366,1"\nA9999,2,US\n'))).toEqual([
      [2, ['A1263', '"x'], 'unclosed-quote', 1],
      [3, ['A1366', '1"']],
      [4, ['A9999', '2', 'US']],
    ]);
  });

  it('a record whose last line reads as a row opening a quoted field is taken apart', async () => {
    // The quote opened on line 2 is "closed" by the quote ending line 4: one record of 2 fields.
    expect(brief(await read('Model,Serial,Country\nA1263,"x\nA1366,1,AU\nA3102,ACCJRU1D16400900,"\n'))).toEqual([
      [2, ['A1263', '"x'], 'unclosed-quote', 1],
      [3, ['A1366', '1', 'AU']],
      [4, ['A3102', 'ACCJRU1D16400900', '"'], 'unclosed-quote', 2],
    ]);
  });

  it('a record of the right width whose lines read as rows by themselves is taken apart', async () => {
    expect(brief(await read('Model,Serial\nA1263,"x\nA1366,1\nA3102,ACCJRU1D16400900"\n'))).toEqual([
      [2, ['A1263', '"x'], 'unclosed-quote', 1],
      [3, ['A1366', '1']],
      [4, ['A3102', 'ACCJRU1D16400900"']],
    ]);
  });
});

describe('quoted fields that close properly', () => {
  it('a Shopify Body HTML over several lines, commas and doubled quotes included, stays one record', async () => {
    const body = '"<p>Compact, light, fast</p>\n<p>Say ""hi""</p>\n\n<ul><li>10,000 mAh</li></ul>"';
    const text = `Handle,Body (HTML),Variant SKU,Model\nbank,${body},SKU-1,A1366\nnext,plain,SKU-2,A9999\n`;
    expect(brief(await read(text))).toEqual([
      [2, ['bank', '<p>Compact, light, fast</p>\n<p>Say "hi"</p>\n\n<ul><li>10,000 mAh</li></ul>', 'SKU-1', 'A1366']],
      [6, ['next', 'plain', 'SKU-2', 'A9999']],
    ]);
  });

  it('a quoted last cell before a CRLF in an LF file is read cleanly, without a CR or a quote error', async () => {
    const records = await read('Model,Serial\nA1366,"x"\r\nA3102,"ACCJRU1D16400900"\r\nA9999,1\n');
    expect(brief(records)).toEqual([[2, ['A1366', 'x']], [3, ['A3102', 'ACCJRU1D16400900']], [4, ['A9999', '1']]]);
    expect(records.map((r) => r.raw)).toEqual(['A1366,"x"', 'A3102,"ACCJRU1D16400900"', 'A9999,1']);
  });
});
