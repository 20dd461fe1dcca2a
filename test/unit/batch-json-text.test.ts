import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkCsv, type RowResult } from '../../src/batch/run.js';
import { buildCatalog } from '../../src/core/catalog.js';
import type { Reason } from '../../src/core/result.js';
import { rowText } from '../../src/report/batch-json.js';
import { reasonJson } from '../../src/report/json.js';
import { rowView } from '../../src/report/row-view.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const catalog = buildCatalog([
  definition({ id: 'u', products: [product({ model: 'A1263' })] }),
  definition({ id: 'all', jurisdictions: sourced(['WORLDWIDE']), products: [product({ model: 'A8185011', scope: sourced({ kind: 'all-units' as const }) })] }),
]);

/** The row object the README's "JSON output" describes, built the plain way: rowText must give exactly its JSON.stringify. */
function contract(r: RowResult) {
  const v = rowView(r);
  const base = { line: r.line, row: r.row, status: v.status, cells: r.cells };
  if (r.kind === 'skipped') return { ...base, skipReason: r.reason };
  if (r.kind === 'error') return { ...base, error: r.error };
  const res = r.result;
  return {
    ...base,
    model: res.model,
    ...(res.serial ? { serial: res.serial } : {}),
    ...(res.country ? { country: res.country } : {}),
    ...(res.acknowledged ? { acknowledged: res.acknowledged } : {}),
    reasons: res.reasons.map(reasonJson),
    matches: res.matches.map((m) => ({ recallId: m.recallId, status: m.status, reasons: m.reasons.map(reasonJson) })),
    checkUrls: v.checkUrls,
  };
}

async function rowsOf(csv: string): Promise<RowResult[]> {
  const batch = await checkCsv(catalog, Readable.from([Buffer.from(csv)]), {
    name: 'f.csv',
    annotate: (result) => (result.serial?.input === 'ACKME' ? { ...result, acknowledged: { reason: 'sold before the recall, "quoted"', expires: '2027-01-01' } } : result),
  });
  const out: RowResult[] = [];
  for await (const rows of batch.results) out.push(...rows);
  return out;
}

describe('batch JSON row text', () => {
  it('is byte for byte the JSON of the documented row object, for every kind of row', async () => {
    const rows = await rowsOf(
      [
        'title,model,serial,country',
        'Power bank,A4061,X1,US',
        'Power bank,A4061,X1,US',
        'Power bank,A1262,,',
        'Anker "PowerCore" ünïcode,A1263,AHCQ9S6L8RL42W89,GB',
        'x,A1263,ACKME,US',
        'x,A8185011,,DE',
        'title mentions A1263,A9999,,',
        ',,,',
        'x,,,',
        'x,A4061,,Narnia',
        'a,b',
        'x,a 1263 ,S\tN,US',
      ].join('\n'),
    );
    expect(rows.map((r) => r.kind)).toEqual(['checked', 'checked', 'checked', 'checked', 'checked', 'checked', 'checked', 'skipped', 'skipped', 'error', 'error', 'checked']);
    expect(rows.some((r) => r.kind === 'checked' && r.result.acknowledged)).toBe(true);
    for (const r of rows) {
      expect(rowText(r)).toBe(JSON.stringify(contract(r)));
      expect(rowText(r, '{"type":"row",')).toBe(JSON.stringify({ type: 'row', ...contract(r) }));
    }
  });

  it('serialises a reason list that is not frozen afresh, so a changed list is never answered from memory', async () => {
    const [r] = await rowsOf('model\nA1263\n');
    if (r?.kind !== 'checked') throw new Error('expected a checked row');
    const reasons = r.result.reasons as Reason[];
    expect(Object.isFrozen(reasons)).toBe(false);
    const before = rowText(r);
    reasons.push({ code: 'model-not-in-data' } as Reason);
    expect(rowText(r)).not.toBe(before);
    expect(rowText(r)).toBe(JSON.stringify(contract(r)));
  });
});
