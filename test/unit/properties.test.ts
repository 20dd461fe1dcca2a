/**
 * Properties that must hold for every input, not only the examples we thought of: a wrong
 * "not affected" must be impossible to provoke by typing, by a spreadsheet, or by a look-alike.
 */
import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import Papa from 'papaparse';
import { beforeAll, describe, expect } from 'vitest';
import { checkCsv } from '../../src/batch/run.js';
import { check } from '../../src/core/match.js';
import { normaliseModel, normaliseSerial } from '../../src/core/normalise.js';
import { inRange } from '../../src/core/serial-range.js';
import { loadRecallData, type RecallData } from '../../src/recall-data.js';
import { csvHeader, csvWriter, FORMULA } from '../../src/report/csv.js';
import { configureProperties } from '../helpers/property.js';

configureProperties();

let data: RecallData;
beforeAll(async () => {
  data = await loadRecallData();
});

const SERIAL_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('');
const cleanSerial = fc.array(fc.constantFrom(...SERIAL_CHARS), { minLength: 15, maxLength: 15 }).map((cs) => `A${cs.join('')}`);
const recalledModel = fc.constantFrom('A1263', 'A3102', 'A3302', 'A1112', 'A1647', 'A1642', 'A1652', 'A1257', 'A1681', 'A1689', 'A1366', 'A3117');
const country = fc.option(fc.constantFrom('US', 'CA', 'JP', 'AU', 'GB', 'DE', 'CN', 'FR'), { nil: undefined });

const FULLWIDTH = (s: string) => [...s].map((c) => (/[A-Za-z0-9]/u.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
const LOOKALIKE: Record<string, string> = { A: '\u0410', C: '\u0421', E: '\u0415', H: '\u041d', K: '\u041a', M: '\u041c', P: '\u0420', T: '\u0422', X: '\u0425', B: '\u0392' };

/**
 * Characters that are taken for one another in a model code: Cyrillic and Greek capitals that look
 * like Latin ones (normalise.ts folds them), and the letters and digits misread on a label
 * (misread-codes.ts folds them). Written out here, not imported, so the test does not share the
 * code's mistakes.
 */
const CONFUSABLE: Record<string, string[]> = {
  A: ['\u0410', '\u0391'], B: ['\u0412', '\u0392', '8'], C: ['\u0421'], E: ['\u0415', '\u0395'], H: ['\u041d', '\u0397'], K: ['\u041a', '\u039a'],
  M: ['\u041c', '\u039c'], P: ['\u0420', '\u03a1'], T: ['\u0422', '\u03a4'], X: ['\u0425', '\u03a7'], Y: ['\u0423', '\u03a5'], I: ['\u0406', '\u0399', '1'],
  O: ['\u041e', '\u039f', '0'], S: ['\u0405', '5'], Z: ['\u0396', '2'], D: ['0'], G: ['6'], L: ['1'], Q: ['0'],
  '0': ['O', 'D', 'Q'], '1': ['I', 'L'], '2': ['Z'], '5': ['S'], '6': ['G'], '8': ['B'],
};
/** A recalled model, and the same model with one of its characters swapped for a confusable: always a look-alike. */
const lookalikeModel = fc.oneof(recalledModel, fc.constantFrom('BPD005', 'PB2030MI', 'MMA008', 'E33A', 'ZHXPB22', '2G505B', 'VT103', 'PS1000', 'CY5092PBCHE')).chain((model) => {
  const at = [...model].flatMap((c, i) => (CONFUSABLE[c] ? [i] : []));
  return fc.constantFrom(...at).chain((i) => fc.constantFrom(...CONFUSABLE[model[i]!]!).map((c) => [model, model.slice(0, i) + c + model.slice(i + 1)] as const));
});

/** Ways people type a serial that mean the same serial. */
const spelling = (s: string) =>
  fc.tuple(fc.boolean(), fc.constantFrom('', 'SN: ', 'S/N ', 'sn:', 'Serial No. ', 'SN#'), fc.constantFrom('', ' ', '-', '\u2013', '\u00a0'), fc.integer({ min: 1, max: 8 }), fc.boolean())
    .map(([lower, prefix, sep, every, wide]) => {
      let body = [...s].map((c, i) => (i > 0 && i % every === 0 ? sep + c : c)).join('');
      if (lower) body = body.toLowerCase();
      if (wide) body = FULLWIDTH(body);
      return prefix + body;
    });

describe('normalisation', () => {
  test.prop([fc.string({ unit: 'grapheme', maxLength: 40 })])('is idempotent for models and serials', (raw) => {
    for (const normalise of [normaliseModel, normaliseSerial]) {
      const once = normalise(raw).value;
      expect(normalise(once).value).toBe(once);
    }
  });

  test.prop([recalledModel, cleanSerial.chain((s) => fc.tuple(fc.constant(s), spelling(s))), country])(
    'every spelling of a serial gives the verdict of its clean form',
    (model, [clean, typed], sold) => {
      const a = check(data, { model, serial: clean, country: sold });
      const b = check(data, { model, serial: typed, country: sold });
      expect(b.serial?.value).toBe(clean);
      expect([b.status, b.matches.map((m) => m.status)]).toEqual([a.status, a.matches.map((m) => m.status)]);
    },
  );
});

describe('never a wrong "not affected" from a damaged serial', () => {
  const damaged = cleanSerial.chain((s) =>
    fc.oneof(
      // a non-ASCII look-alike somewhere
      fc.integer({ min: 0, max: 15 }).map((i) => s.slice(0, i) + (LOOKALIKE[s[i]!] ?? '\u0410') + s.slice(i + 1)),
      // cut short
      fc.integer({ min: 1, max: 15 }).map((n) => s.slice(0, n)),
      // a spreadsheet's rendering of a long number, or its error values
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 10, max: 20 })).map(([d, f, e]) => `${d}.${f}E+${e}`),
      fc.constantFrom('#N/A', '#VALUE!', '12345678.0'),
      // O or I, which Anker says never occur
      fc.integer({ min: 1, max: 15 }).chain((i) => fc.constantFrom('O', 'I').map((c) => s.slice(0, i) + c + s.slice(i + 1))),
    ),
  );
  test.prop([recalledModel, damaged, country])('gives verify or affected, never not-affected', (model, serial, sold) => {
    expect(check(data, { model, serial, country: sold }).status).not.toBe('not-affected');
  });

  test.prop([lookalikeModel, cleanSerial, country])('a look-alike model is never cleared, nor answered no-recall', ([model, typed], serial, sold) => {
    // The look-alike might spell another recalled code exactly; then it is that model, not a look-alike.
    fc.pre(data.lookup(typed).length === 0);
    const r = check(data, { model: typed, serial, country: sold });
    expect(typed).not.toBe(model);
    expect(r.status, `${typed} for ${model}`).toBe('verify');
    expect(r.matches.some((m) => m.product.model === model)).toBe(true);
  });
});

describe('range membership', () => {
  /** A published-style range: shared prefix, a digit tail, a small span we can enumerate. */
  const range = fc
    .tuple(fc.array(fc.constantFrom(...SERIAL_CHARS), { minLength: 1, maxLength: 10 }), fc.integer({ min: 2, max: 6 }), fc.nat(), fc.integer({ min: 0, max: 300 }))
    .map(([prefix, digits, start, span]) => {
      const max = 10 ** digits - 1;
      const from = start % (max + 1);
      const to = Math.min(max, from + span);
      const pad = (n: number) => String(n).padStart(digits, '0');
      return { prefix: prefix.join(''), first: prefix.join('') + pad(from), last: prefix.join('') + pad(to), members: Array.from({ length: to - from + 1 }, (_, k) => prefix.join('') + pad(from + k)) };
    });
  const candidate = (r: { first: string; last: string; members: string[] }) =>
    fc.oneof(
      fc.constantFrom(...r.members),
      fc.string({ unit: fc.constantFrom(...SERIAL_CHARS), minLength: r.first.length, maxLength: r.first.length }),
      fc.string({ unit: fc.constantFrom(...SERIAL_CHARS), maxLength: r.first.length + 2 }),
      // one character changed near a boundary
      fc.tuple(fc.constantFrom(r.first, r.last), fc.nat(), fc.constantFrom(...SERIAL_CHARS)).map(([b, i, c]) => b.slice(0, i % b.length) + c + b.slice((i % b.length) + 1)),
    );
  test.prop([range.chain((r) => fc.tuple(fc.constant(r), candidate(r)))])('agrees with the enumerated range', ([r, serial]) => {
    expect(inRange(serial, r.first, r.last)).toBe(r.members.includes(serial));
  });
});

describe('CSV round trip', () => {
  const cellText = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', ' ', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '=1+1', '+1', '-1', '@x', ' =x', '\u00a0+1', 'süß', '€', 'a"b', 'x\n=cmd'),
    fc.stringMatching(/^[A-Z0-9]{4,8}$/u),
  );
  const table = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 })).chain(([cols, rows]) =>
    fc.tuple(
      fc.array(fc.array(cellText, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      fc.constantFrom(',', ';', '\t', '|'),
      fc.constantFrom('\n', '\r\n'),
      fc.constant(cols),
    ),
  );

  test.prop([table])('one output row per input row, in order, cells preserved but for formula neutralisation', async ([rows, delimiter, newline, cols]) => {
    const header = ['model', ...Array.from({ length: cols - 1 }, (_, i) => `c${i}`)];
    // A model column that is never blank, so no row is a "blank line".
    const body = rows.map((r, i) => [`M${i}`, ...r.slice(1)]);
    const text = Papa.unparse([header, ...body], { delimiter, newline, quotes: true }) + newline;
    const batch = await checkCsv(data, Readable.from([Buffer.from(text)]), { name: 't', delimiter });
    const write = csvWriter(batch.header.length, batch).rows;
    let out = csvHeader(batch.header, batch.headerRaw, batch);
    for await (const results of batch.results) out += write(results);
    const parsed = Papa.parse<string[]>(out, { delimiter, newline }).data.filter((r) => !(r.length === 1 && r[0] === ''));
    expect(parsed).toHaveLength(body.length + 1);
    body.forEach((cells, i) => {
      const got = parsed[i + 1]!.slice(0, cols);
      expect(got).toEqual(cells.map((c) => (FORMULA.test(c) ? `'${c}` : c)));
      expect(parsed[i + 1]![cols]).toBe('no-recall');
    });
  });
});
