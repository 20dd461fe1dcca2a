/**
 * Formats written whole at the end (Markdown, SARIF, HTML): they keep the rows that need a look as
 * the run goes, and render once the summary is complete.
 */
import { collectFindings, type Findings } from './findings.js';
import type { ReportContext, Reporter, Sink } from './reporter.js';
import type { Summary } from '../results/summary.js';

export function reportAtEnd(ctx: ReportContext, sink: Sink, render: (summary: Summary, findings: Findings) => string): Reporter {
  const findings = collectFindings(ctx.file.columns);
  return {
    async start() {},
    async rows(rows) {
      findings.add(rows);
    },
    async end(summary) {
      await sink.write(render(summary, findings));
    },
  };
}
