/**
 * The human-readable report of single checks: the verdict first, then, for each recall that covers
 * the unit, what it is, what to do now, how to dispose of it, whom to contact, and the sources.
 * What it says is checkReport's (check-report.ts); this file only lays it out for a terminal.
 */
import type { CheckResult } from '../core/result.js';
import { checkReport, type RecallList } from './check-report.js';
import { wrap } from './format.js';
import { LABEL, type RecallPageOptions, renderSection, styled } from './recall-page.js';
import type { Field } from './report-model.js';
import { statusStyle } from './status-style.js';

export type TextOptions = RecallPageOptions;

export function renderText(results: readonly CheckResult[], opts: TextOptions): string {
  return results.map((r) => renderOne(r, opts)).join('\n\n') + '\n';
}

function renderOne(result: CheckResult, opts: TextOptions): string {
  const { style, width } = opts;
  const report = checkReport(result);
  const out: string[] = [];
  const field = (f: Field) => out.push(wrap(styled(f.parts, style), width, ' '.repeat(LABEL), style.dim(f.label.padEnd(LABEL))));
  const list = (l: RecallList) => {
    out.push('', style.bold(l.heading));
    for (const line of l.lines) field({ kind: 'field', label: '', parts: [line] });
  };

  out.push(style.bold(report.title));
  out.push(statusStyle(report.status, style)(report.headline));
  if (report.acknowledged) out.push(report.acknowledged);
  out.push('');
  report.fields.forEach(field);
  for (const section of report.recalls) out.push('', renderSection(section, opts));
  if (report.collapsed) list(report.collapsed);
  if (report.excluded) list(report.excluded);
  return out.join('\n');
}
