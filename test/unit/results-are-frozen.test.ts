/**
 * Results share their parts: every no-recall result the same reasons and empty arrays, every row
 * of a model the same normalised model, every unit without a serial the same match. A caller that
 * could change one would change every other result, and the matcher's next answers; so what is
 * shared is frozen, and changing it throws (test files are modules: strict mode).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRows, type RowResult } from '../../src/batch/run.js';
import { acknowledger } from '../../src/core/acknowledge.js';
import { check, type CheckInput } from '../../src/core/match.js';
import type { Change, Suspicion } from '../../src/core/normalise.js';
import type { CheckResult, Reason } from '../../src/core/result.js';
import { loadRecallData, type RecallData } from '../../src/recall-data.js';

let data: RecallData;
beforeAll(async () => {
  data = await loadRecallData();
});

const INPUTS: CheckInput[] = [
  { model: 'A9999' },
  { model: 'B1', serial: '123' },
  { model: 'A1263' },
  { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'US' },
  { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'AU' },
  { model: 'A3102016', country: 'US' },
  { model: 'A3102', serial: 'ACCJRU1D16400900', country: 'AU' },
  { model: 'A3102', serial: 'ACCJRU1D99999999', country: 'AU' },
  { model: 'a-1263', serial: 'sn: a1b2 c3d4 e5f6 g7h8', country: 'US' },
];

const arraysIn = (reason: Reason) => Object.values(reason).filter((v): v is unknown[] => Array.isArray(v));

/**
 * Every way a holder of a result might change what it shares with other results: the model as
 * normalised (and the empty arrays of a clean value), a no-recall result's reasons and
 * matches, a match that does not depend on the serial, and the model-level reasons every row of
 * a model carries. Each must throw.
 */
function attempts(r: CheckResult, twin: CheckResult): (() => unknown)[] {
  const out: (() => unknown)[] = [
    () => (r.model.changes as Change[]).push({ code: 'upper-cased' }),
    () => (r.model.suspicions as Suspicion[]).push({ code: 'invalid-characters', characters: ['?'] }),
    () => ((r.model as { value: string }).value = 'A1263'),
  ];
  // A serial is the row's own, but a clean one shares the empty arrays of every clean value.
  if (r.serial?.changes.length === 0) out.push(() => (r.serial!.changes as Change[]).push({ code: 'upper-cased' }));
  if (r.matches === twin.matches) out.push(() => (r.matches as unknown[]).push(1));
  if (r.reasons === twin.reasons) out.push(() => (r.reasons as Reason[]).push({ code: 'serial-missing' }));
  // Shared: the very object another result holds too.
  for (const m of r.matches.filter((x) => twin.matches.includes(x))) {
    out.push(() => (m.reasons as Reason[]).push({ code: 'all-units' }), () => ((m as { status: string }).status = 'affected'));
    for (const reason of m.reasons) for (const v of arraysIn(reason)) out.push(() => v.push('x'));
  }
  for (const reason of r.reasons.filter((x) => twin.reasons.includes(x))) {
    out.push(() => ((reason as { code: string }).code = 'all-units'));
    for (const v of arraysIn(reason)) out.push(() => v.push('x'));
  }
  return out;
}

describe('what results share is frozen', () => {
  it.each(INPUTS.map((i) => [JSON.stringify(i), i] as const))('%s: pushing onto or assigning into a shared part throws', (_, input) => {
    const tries = attempts(check(data, input), check(data, input));
    expect(tries.length).toBeGreaterThan(2);
    for (const t of tries) expect(t, t.toString()).toThrow(TypeError);
  });

  it('the shared parts are there to try: a match without a serial, recalled-elsewhere and SKU reasons', () => {
    const shared = (input: CheckInput) => {
      const [a, b] = [check(data, input), check(data, input)];
      return { matches: a.matches.filter((m) => b.matches.includes(m)).length, reasons: a.reasons.filter((x) => b.reasons.includes(x)).map((x) => x.code) };
    };
    expect(shared({ model: 'A1263' }).matches).toBeGreaterThan(1);
    expect(shared({ model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'AU' }).reasons).toContain('recalled-elsewhere');
    expect(shared({ model: 'A3102016', country: 'US' }).reasons).toContain('model-matched-sku');
    expect(shared({ model: 'A9999' }).reasons).toEqual(['model-not-in-data']);
  });

  it('after every attempt, later checks answer exactly as before', () => {
    const before = INPUTS.map((i) => JSON.stringify(check(data, i)));
    for (const input of INPUTS) {
      for (const t of attempts(check(data, input), check(data, input))) {
        try {
          t();
        } catch {
          // Expected: the part is frozen.
        }
      }
    }
    expect(INPUTS.map((i) => JSON.stringify(check(data, i)))).toEqual(before);
  });

  it('a batch shares one frozen normalised model between the rows of a model', async () => {
    const rows: RowResult[] = [];
    for await (const r of checkRows(data, [{ model: 'a9999' }, { model: 'a9999' }, { model: 'A9999' }, { model: 'A9999' }])) rows.push(r);
    const [a, b, c, d] = rows.map((r) => r.result!);
    expect(b!.model).toBe(a!.model);
    // The clean rows share the empty arrays of every clean value.
    expect(d!.model.changes).toBe(c!.model.changes);
    for (const r of [a!, b!, c!, d!]) for (const t of attempts(r, r).slice(0, 2)) expect(t).toThrow(TypeError);
    expect(() => ((a!.model as { value: string }).value = 'A1263')).toThrow(TypeError);
  });
});

describe('acknowledging a finding', () => {
  it('returns a new result and leaves the checked one as it was', () => {
    const acks = acknowledger([{ model: 'A1263', reason: 'stock returned' }], '2026-01-01');
    const r = check(data, { model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'US' });
    const acked = acks.apply(r);
    expect(acked).not.toBe(r);
    expect(acked.acknowledged).toEqual({ reason: 'stock returned' });
    expect(r.acknowledged).toBeUndefined();
    expect(acked.matches).toBe(r.matches);
    // A result no rule covers is returned as it is.
    expect(acks.apply(check(data, { model: 'A3102', serial: 'ACCJRU1D16400900', country: 'AU' })).acknowledged).toBeUndefined();
  });

  it('in a batch, the annotated result is the one reported', async () => {
    const acks = acknowledger([{ model: 'A1263', reason: 'stock returned' }], '2026-01-01');
    const rows: RowResult[] = [];
    for await (const r of checkRows(data, [{ model: 'A1263', serial: 'A1B2C3D4E5F6G7H8', country: 'US' }, { model: 'A9999' }], { annotate: (r) => acks.apply(r) })) rows.push(r);
    expect(rows.map((r) => r.result?.acknowledged?.reason)).toEqual(['stock returned', undefined]);
    expect(acks.uses()[0]!.applied).toBe(1);
  });
});
