/**
 * GitHub Actions workflow commands: an error annotation on the input file for each affected or
 * refused row, a warning for each unit to verify, a notice for acknowledged ones, as rows arrive;
 * and, when the job has a summary page ($GITHUB_STEP_SUMMARY), the Markdown report appended to it.
 */
import { appendFile } from 'node:fs/promises';
import type { RowResult } from '../results/row-result.js';
import { collectFindings } from './findings.js';
import { renderMarkdown } from './markdown.js';
import type { CreateReporter } from './reporter.js';
import { stripControl } from './format.js';
import { modelText, rowView, sentence } from './row-view.js';

/** Escaping as GitHub's toolkit does it (data and property values differ); no terminal controls. */
function data(s: string): string {
  return stripControl(s).replace(/%/gu, '%25');
}
function property(s: string): string {
  return data(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

export const githubReporter: CreateReporter = (ctx, sink) => {
  const findings = collectFindings(ctx.file.columns);
  const { name, columns } = ctx.file;
  return {
    async start() {},
    async rows(rows) {
      findings.add(rows);
      await sink.write(githubRows(rows, name, columns.model, columns.serial));
    },
    async end(summary) {
      const path = ctx.env.GITHUB_STEP_SUMMARY;
      if (path) await appendFile(path, renderMarkdown(name, summary, findings));
    },
  };
};

export function githubRows(rows: readonly RowResult[], file: string, model: number | undefined, serial: number | undefined): string {
  let out = '';
  for (const r of rows) {
    const v = rowView(r);
    if (v.status !== 'affected' && v.status !== 'verify' && v.status !== 'error') continue;
    const acknowledged = r.kind === 'checked' ? r.result.acknowledged : undefined;
    const level = acknowledged ? 'notice' : v.status === 'verify' ? 'warning' : 'error';
    const unit = `${modelText(r, model)}${serial !== undefined && r.cells[serial] ? ` ${r.cells[serial]}` : ''}`;
    const title = v.status === 'error' ? 'Row not checked' : `Recall (${v.status}): ${v.recallIds.join(' ')}`;
    // An acknowledged row's action is its acknowledgement, said once, up front.
    const message = [unit && `${unit}:`, acknowledged ? `acknowledged (${acknowledged.reason}).` : '', sentence(v.reason), acknowledged ? '' : sentence(v.action), v.checkUrls.join(' ')].filter(Boolean).join(' ');
    out += `::${level} file=${property(file)},line=${r.line},title=${property(title)}::${data(message)}\n`;
  }
  return out;
}
