/**
 * JSON and NDJSON for batch runs, written as the rows arrive: neither holds the file in memory.
 * JSON is one document ({ schemaVersion, tool, data, file, rows: [...], summary }); NDJSON is one
 * object per line: a "file" line, a "row" line per data row, and a closing "summary" line.
 */
import type { InputFile } from '../results/input-file.js';
import { rowStatus, type RowResult } from '../results/row-result.js';
import type { Reason, RecallMatch } from '../core/result.js';
import type { Summary } from '../results/summary.js';
import { JSON_SCHEMA_VERSION, reasonJson } from './json.js';
import type { CreateReporter } from './reporter.js';
import { rowView } from './row-view.js';
import { encoded } from './encoded.js';

export function fileJson(batch: InputFile) {
  const col = (i: number | undefined) => (i === undefined ? null : batch.header[i]);
  return {
    name: batch.name,
    // Only a workbook has a sheet; a CSV's file object stays as it was.
    ...(batch.sheet === undefined ? {} : { sheet: batch.sheet }),
    encoding: batch.encoding,
    bom: batch.bom,
    delimiter: batch.delimiter,
    header: batch.header,
    columns: { model: col(batch.columns.model), serial: col(batch.columns.serial), country: col(batch.columns.country) },
  };
}

/**
 * One row as JSON text, the same text `JSON.stringify` gives for the row object the README
 * describes. Most rows of an inventory are no-recall results that share their reasons and matches
 * (the same frozen arrays, row after row), so those parts are serialised once per array and reused;
 * only the row's own values (cells, model, serial, country) are stringified for every row. Fixed
 * keys are written by concatenation, in the contract's order.
 */
export function rowText(r: RowResult, prefix = '{'): string {
  const head = `${prefix}"line":${r.line},"row":${r.row},"status":${statusText(r)},"cells":${JSON.stringify(r.cells)}`;
  switch (r.kind) {
    case 'skipped':
      return `${head},"skipReason":${JSON.stringify(r.reason)}}`;
    case 'error':
      return `${head},"error":${JSON.stringify(r.error)}}`;
    case 'checked': {
      const res = r.result;
      let text = `${head},"model":${JSON.stringify(res.model)}`;
      if (res.serial) text += `,"serial":${JSON.stringify(res.serial)}`;
      if (res.country) text += `,"country":${JSON.stringify(res.country)}`;
      if (res.acknowledged) text += `,"acknowledged":${JSON.stringify(res.acknowledged)}`;
      // A finding in a row that could not all be read carries the error as well (see summary.ts).
      const error = r.error === undefined ? '' : `,"error":${JSON.stringify(r.error)}`;
      return `${text},"reasons":${reasonsText(res.reasons)},"matches":${matchesText(res.matches)},"checkUrls":${checkUrlsText(r)}${error}}`;
    }
  }
}

const statusText = (r: RowResult) => `"${rowStatus(r)}"`;

/** Serialised reason lists and reasons, by identity: shared ones are frozen, so their text cannot go stale. */
const reasonLists = new WeakMap<readonly Reason[], string>();
const reasonTexts = new WeakMap<Reason, string>();

function reasonsText(reasons: readonly Reason[]): string {
  if (reasons.length === 0) return '[]';
  let text = reasonLists.get(reasons);
  if (text === undefined) {
    text = `[${reasons.map(reasonText).join(',')}]`;
    if (Object.isFrozen(reasons) && reasons.every(Object.isFrozen)) reasonLists.set(reasons, text);
  }
  return text;
}

function reasonText(reason: Reason): string {
  let text = reasonTexts.get(reason);
  if (text === undefined) {
    text = JSON.stringify(reasonJson(reason));
    if (Object.isFrozen(reason)) reasonTexts.set(reason, text);
  }
  return text;
}

function matchesText(matches: readonly RecallMatch[]): string {
  if (matches.length === 0) return '[]';
  return `[${matches.map((m) => `{"recallId":${JSON.stringify(m.recallId)},"status":"${m.status}","reasons":${reasonsText(m.reasons)}}`).join(',')}]`;
}

/** No-recall, skipped and refused rows have no URL to check; only the others need their row view. */
function checkUrlsText(r: RowResult & { kind: 'checked' }): string {
  if (r.result.status === 'no-recall') return '[]';
  const urls = rowView(r).checkUrls;
  return urls.length === 0 ? '[]' : JSON.stringify(urls);
}

export const ndjsonReporter: CreateReporter = (ctx, sink) => ({
  start: () => sink.write(JSON.stringify({ type: 'file', schemaVersion: JSON_SCHEMA_VERSION, ...ctx.run, file: fileJson(ctx.file) }) + '\n'),
  rows(rows) {
    let text = '';
    for (const r of rows) text += `${rowText(r, '{"type":"row",')}\n`;
    return sink.write(encoded(text));
  },
  end: (summary: Summary) => sink.write(JSON.stringify({ type: 'summary', ...summary }) + '\n'),
});

export const jsonReporter: CreateReporter = (ctx, sink) => {
  let first = true;
  return {
    start: () => sink.write(`{"schemaVersion":${JSON_SCHEMA_VERSION},"tool":${JSON.stringify(ctx.run.tool)},"data":${JSON.stringify(ctx.run.data)},"file":${JSON.stringify(fileJson(ctx.file))},"rows":[\n`),
    async rows(rows) {
      if (rows.length === 0) return;
      let text = first ? '' : ',\n';
      for (let i = 0; i < rows.length; i++) text += i === 0 ? rowText(rows[i]!) : `,\n${rowText(rows[i]!)}`;
      await sink.write(encoded(text));
      first = false;
    },
    end: (summary) => sink.write(`\n],"summary":${JSON.stringify(summary)}}\n`),
  };
};
