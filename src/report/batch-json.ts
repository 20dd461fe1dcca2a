/**
 * JSON and NDJSON for batch runs, written as the rows arrive: neither holds the file in memory.
 * JSON is one document ({ schemaVersion, tool, data, file, rows: [...], summary }); NDJSON is one
 * object per line: a "file" line, a "row" line per data row, and a closing "summary" line.
 */
import type { CsvBatch, RowResult } from '../batch/run.js';
import type { Summary } from '../batch/summary.js';
import { JSON_SCHEMA_VERSION, reasonJson, type RunMeta } from './json.js';
import { rowView } from './row-view.js';

export function fileJson(batch: CsvBatch) {
  const col = (i: number | undefined) => (i === undefined ? null : batch.header[i]);
  return {
    name: batch.name,
    encoding: batch.encoding,
    bom: batch.bom,
    delimiter: batch.delimiter,
    header: batch.header,
    columns: { model: col(batch.columns.model), serial: col(batch.columns.serial), country: col(batch.columns.country) },
  };
}

export function rowJson(r: RowResult) {
  const v = rowView(r);
  const base = { line: r.line, row: r.row, status: v.status, cells: r.cells };
  switch (r.kind) {
    case 'skipped':
      return { ...base, skipReason: r.reason };
    case 'error':
      return { ...base, error: r.error };
    case 'checked': {
      const res = r.result;
      return {
        ...base,
        model: res.model,
        ...(res.serial ? { serial: res.serial } : {}),
        ...(res.country ? { country: res.country } : {}),
        ...(res.acknowledged ? { acknowledged: res.acknowledged } : {}),
        reasons: res.reasons.map(reasonJson),
        recalls: res.matches.map((m) => ({ id: m.recallId, status: m.status, reasons: m.reasons.map(reasonJson) })),
        checkUrls: v.checkUrls,
      };
    }
  }
}

export const ndjson = {
  start: (batch: CsvBatch, meta: RunMeta) => JSON.stringify({ type: 'file', schemaVersion: JSON_SCHEMA_VERSION, ...meta, file: fileJson(batch) }) + '\n',
  rows: (rows: readonly RowResult[]) => rows.map((r) => JSON.stringify({ type: 'row', ...rowJson(r) })).join('\n') + (rows.length ? '\n' : ''),
  end: (summary: Summary) => JSON.stringify({ type: 'summary', ...summary }) + '\n',
};

export function jsonWriter() {
  let first = true;
  return {
    start: (batch: CsvBatch, meta: RunMeta) => `{"schemaVersion":${JSON_SCHEMA_VERSION},"tool":${JSON.stringify(meta.tool)},"data":${JSON.stringify(meta.data)},"file":${JSON.stringify(fileJson(batch))},"rows":[\n`,
    rows: (rows: readonly RowResult[]) => {
      if (rows.length === 0) return '';
      const text = rows.map((r) => JSON.stringify(rowJson(r))).join(',\n');
      const out = (first ? '' : ',\n') + text;
      first = false;
      return out;
    },
    end: (summary: Summary) => `\n],"summary":${JSON.stringify(summary)}}\n`,
  };
}
