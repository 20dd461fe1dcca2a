/**
 * A Markdown summary fit for a pull-request comment or a GitHub job summary: the counts, the
 * affected units, the units to verify, and what to do for each recall.
 */
import type { Summary } from '../results/summary.js';
import { reportAtEnd } from './at-end.js';
import type { CreateReporter } from './reporter.js';
import { STATUSES } from '../core/result.js';
import { guidance } from './guidance.js';
import { type Finding, type Findings, hasUnitsToVerify, recallsInOrder } from './findings.js';
import { formatAnnounced, formatCount, stripControl } from './format.js';

const SHOWN = 200;

/** Table cells: no line breaks or control characters, no pipes, no HTML. */
function cell(s: string): string {
  return stripControl(s).replace(/\|/gu, '\\|').replace(/</gu, '&lt;').replace(/`/gu, "'");
}

function table(findings: readonly Finding[]): string[] {
  const out = ['| line | model | serial | recalls | why |', '| ---: | --- | --- | --- | --- |'];
  for (const f of findings.slice(0, SHOWN)) {
    const why = f.acknowledged ? `acknowledged: ${f.acknowledged}` : f.reason;
    out.push(`| ${f.line} | ${cell(f.model)} | ${cell(f.serial)} | ${f.recallIds.join(', ')} | ${cell(why)} |`);
  }
  if (findings.length > SHOWN) out.push('', `…and ${formatCount(findings.length - SHOWN)} more.`);
  return out;
}

export const markdownReporter: CreateReporter = (ctx, sink) => reportAtEnd(ctx, sink, (summary, findings) => renderMarkdown(ctx.file.name, summary, findings));

export function renderMarkdown(name: string, summary: Summary, findings: Findings): string {
  const out = [`## Recall check: ${cell(name)}`, ''];
  const affected = summary.byStatus.affected;
  out.push(affected > 0 ? `**${formatCount(affected)} affected unit${affected === 1 ? '' : 's'}: stop selling them.**` : '**No affected units.**', '');
  out.push('| status | rows |', '| --- | ---: |');
  for (const s of STATUSES) out.push(`| ${s} | ${formatCount(summary.byStatus[s])} |`);
  out.push(`| skipped | ${formatCount(summary.skipped.count)} |`, `| errors | ${formatCount(summary.errors.count)} |`, `| **total** | **${formatCount(summary.rows)}** |`, '');
  const acked = summary.acknowledged.affected + summary.acknowledged.verify;
  if (acked > 0) out.push(`${formatCount(acked)} finding${acked === 1 ? ' is' : 's are'} acknowledged in the configuration and do not fail the run.`, '');

  const byStatus = (s: string) => findings.list.filter((f) => f.status === s);
  for (const [status, title] of [['affected', 'Affected units'], ['verify', 'Units to verify with the manufacturer'], ['error', 'Rows that could not be checked']] as const) {
    const list = byStatus(status);
    if (list.length > 0) out.push(`### ${title}`, '', ...table(list), '');
  }
  if (findings.dropped > 0) out.push(`**Only the first ${formatCount(findings.max)} findings are listed: ${formatCount(findings.dropped)} more are not. See the CSV or JSON report for every row.**`, '');

  if (findings.recalls.size > 0) {
    out.push('### What to do', '');
    for (const r of recallsInOrder(findings)) {
      const g = guidance(r, r.products, hasUnitsToVerify(findings, r.id));
      out.push(`- **${cell(r.id)}** (${r.jurisdictions.value.join(', ')}, ${formatAnnounced(r.announced)}): ${cell(r.hazard.value)}`);
      out.push(`  - ${cell(g.stop)}`);
      for (const text of g.colours) out.push(`  - ${cell(text)}`);
      if (g.verify) out.push(`  - For units to verify: ${cell(g.verify)}`);
      out.push(`  - Remedy: ${g.noRemedy ? cell(g.noRemedy) : g.remedies.map(cell).join(' Or: ')}`);
      if (g.proof.length > 0) out.push(`  - The claim needs: ${g.proof.map(cell).join(' ')}`);
      out.push(`  - Disposal: ${[...g.disposal, ...(g.never ? [g.never] : [])].map(cell).join(' ')}`);
      if (g.contacts.length > 0) out.push(`  - Contacts: ${g.contacts.map(cell).join(', ')}`);
    }
    out.push('', '\\* marks a medium-confidence fact: one or two secondary sources.');
    out.push('');
  }
  return out.join('\n') + '\n';
}
