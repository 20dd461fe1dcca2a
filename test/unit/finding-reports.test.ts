import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkCsv } from '../../src/batch/run.js';
import { acknowledger, type AcknowledgementRule } from '../../src/core/acknowledge.js';
import { loadRecallData } from '../../src/recall-data.js';
import { collectFindings } from '../../src/report/findings.js';
import { githubRows } from '../../src/report/github.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { runMeta } from '../../src/results/run-meta.js';
import type { RowResult } from '../../src/results/row-result.js';

async function run(csv: string, acks: AcknowledgementRule[] = [], max?: number) {
  const data = await loadRecallData();
  const a = acknowledger(acks, '2026-01-01');
  const batch = await checkCsv(data, Readable.from([Buffer.from(csv)]), { name: 'inv.csv', annotate: acks.length > 0 ? (r) => a.apply(r) : undefined });
  const rows: RowResult[] = [];
  for await (const chunk of batch.results) rows.push(...chunk);
  const findings = collectFindings(batch.columns, max);
  findings.add(rows);
  return { rows, findings, summary: batch.summary, columns: batch.columns, meta: runMeta(data) };
}

// Line 2: a unit to verify (anker-a1263-us-2025); line 3: an affected unit (anker-r4-au-2024, whose
// other units would need their serial checked, but this run has none of them to verify).
const CSV = 'model,serial,country\na 1263,A1B2C3D4E5F6G7H8,US\nA3102,ACCJRU1D16400900,AU\n';

/** The part of a report from one recall's heading to the next. */
const section = (text: string, start: string, next: RegExp) => {
  const from = text.indexOf(start);
  const rest = text.slice(from + start.length);
  const end = rest.search(next);
  return from < 0 ? '' : rest.slice(0, end < 0 ? undefined : end);
};

describe('advice for units to verify, only where the run has some', () => {
  it('markdown', async () => {
    const { summary, findings } = await run(CSV);
    const md = renderMarkdown('inv.csv', summary, findings);
    expect(section(md, '- **anker-a1263-us-2025**', /\n- \*\*/u)).toContain('For units to verify:');
    const affected = section(md, '- **anker-r4-au-2024**', /\n- \*\*/u);
    expect(affected).toContain('Remedy:');
    expect(affected).not.toContain('For units to verify');
  });

  it('html', async () => {
    const { summary, findings, meta } = await run(CSV);
    const html = renderHtml('inv.csv', summary, findings, meta);
    expect(section(html, 'id="anker-a1263-us-2025"', /<section/u)).toContain('Check the serial number with the manufacturer');
    const affected = section(html, 'id="anker-r4-au-2024"', /<section/u);
    expect(affected).toContain('<b>Remedy:</b>');
    expect(affected).not.toContain('with the manufacturer');
  });
});

describe('the HTML report', () => {
  it('shows each finding\'s country of sale and the model as read', async () => {
    const { summary, findings, meta } = await run(CSV);
    const html = renderHtml('inv.csv', summary, findings, meta);
    expect(html).toContain('<th>Sold in</th>');
    expect(html).toMatch(/<tr><td>2<\/td><td>a 1263<br><span class="muted">read as A1263<\/span><\/td><td>A1B2C3D4E5F6G7H8<\/td><td>US<\/td>/u);
    expect(html).toMatch(/<tr><td>3<\/td><td>A3102<\/td><td>ACCJRU1D16400900<\/td><td>AU<\/td>/u);
  });

  it('lists the recalls with affected units first, whatever order the rows came in', async () => {
    const { summary, findings, meta } = await run(CSV);
    const html = renderHtml('inv.csv', summary, findings, meta);
    const recalls = html.slice(html.indexOf('<h2 id="recalls">'));
    expect(recalls.indexOf('id="anker-r4-au-2024"')).toBeGreaterThan(0);
    expect(recalls.indexOf('id="anker-r4-au-2024"')).toBeLessThan(recalls.indexOf('id="anker-a1263-us-2025"'));
  });

  it('says before the tables when the findings were capped', async () => {
    const { summary, findings, meta } = await run(CSV + 'A1263,,US\n', [], 2);
    expect(findings.dropped).toBe(1);
    const html = renderHtml('inv.csv', summary, findings, meta);
    const note = html.indexOf('Only the first 2 findings are listed: 1 more are not.');
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(html.indexOf('<h2 id="affected">'));
    const uncapped = await run(CSV);
    expect(renderHtml('inv.csv', uncapped.summary, uncapped.findings, meta)).not.toContain('Only the first');
  });
});

describe('GitHub annotations', () => {
  it('an acknowledged row is a notice that gives its reason once', async () => {
    const { rows, columns } = await run(CSV, [{ serial: 'ACCJRU1D16400900', reason: 'returned to the supplier' }]);
    const lines = githubRows(rows, 'inv.csv', columns.model, columns.serial).trimEnd().split('\n');
    const notice = lines.find((l) => l.startsWith('::notice '));
    expect(notice).toBeDefined();
    expect(notice!.split('returned to the supplier')).toHaveLength(2);
    expect(notice).toMatch(/line=3,/u);
  });
});

describe('the batch summary on stderr', () => {
  it('removes terminal control characters from the file name and from refused rows\' messages', async () => {
    const { renderSummary } = await import('../../src/report/summary-text.js');
    const { newSummary, record } = await import('../../src/results/summary.js');
    const { PLAIN } = await import('../../src/report/style.js');
    const summary = newSummary();
    record(summary, { line: 2, row: 1, cells: [], raw: undefined, kind: 'error', result: undefined, reason: undefined, error: { code: 'bad-country', value: '\u001b[31mXX', message: 'column "country": "\u001b[31mXX" is not a country' } });
    const text = renderSummary('inv\u001b[2J.csv', summary, PLAIN);
    expect(text).not.toMatch(/\u001b/u);
    expect(text).toContain('inv[2J.csv: 1 data row');
    expect(text).toContain('line 2: column "country": "[31mXX" is not a country');
  });
});
