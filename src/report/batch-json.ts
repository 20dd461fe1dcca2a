/**
 * JSON and NDJSON for batch runs, written as the rows arrive: neither holds the file in memory.
 * JSON is one document ({ schemaVersion, tool, data, file, rows: [...], summary }); NDJSON is one
 * object per line: a "file" line, a "row" line per data row, and a closing "summary" line.
 */
import type { InputFile } from '../results/input-file.js';
import type { RowResult } from '../results/row-result.js';
import type { Summary } from '../results/summary.js';
import { JSON_SCHEMA_VERSION, reasonJson } from './json.js';
import type { CreateReporter } from './reporter.js';
import { rowView } from './row-view.js';

export function fileJson(batch: InputFile) {
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
        matches: res.matches.map((m) => ({ recallId: m.recallId, status: m.status, reasons: m.reasons.map(reasonJson) })),
        checkUrls: v.checkUrls,
      };
    }
  }
}

export const ndjsonReporter: CreateReporter = (ctx, sink) => ({
  start: () => sink.write(JSON.stringify({ type: 'file', schemaVersion: JSON_SCHEMA_VERSION, ...ctx.run, file: fileJson(ctx.file) }) + '\n'),
  rows: (rows) => sink.write(rows.map((r) => JSON.stringify({ type: 'row', ...rowJson(r) })).join('\n') + (rows.length ? '\n' : '')),
  end: (summary: Summary) => sink.write(JSON.stringify({ type: 'summary', ...summary }) + '\n'),
});

export const jsonReporter: CreateReporter = (ctx, sink) => {
  let first = true;
  return {
    start: () => sink.write(`{"schemaVersion":${JSON_SCHEMA_VERSION},"tool":${JSON.stringify(ctx.run.tool)},"data":${JSON.stringify(ctx.run.data)},"file":${JSON.stringify(fileJson(ctx.file))},"rows":[\n`),
    async rows(rows) {
      if (rows.length === 0) return;
      const text = rows.map((r) => JSON.stringify(rowJson(r))).join(',\n');
      await sink.write((first ? '' : ',\n') + text);
      first = false;
    },
    end: (summary) => sink.write(`\n],"summary":${JSON.stringify(summary)}}\n`),
  };
};
