/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per recall, one result per affected or
 * verify row (and per row that could not be checked), located at its line in the input file.
 */
import { NO_DISPOSAL_STEPS, noRemedyText } from './guidance.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { Finding, Findings } from './findings.js';
import { stripControl } from './format.js';
import { sentence } from './row-view.js';
import { reportAtEnd } from './at-end.js';
import type { CreateReporter } from './reporter.js';

const UNCHECKED = 'recall-check/row-not-checked';

export const sarifReporter: CreateReporter = (ctx, sink) => reportAtEnd(ctx, sink, (_summary, findings) => renderSarif(ctx.file.name, findings, ctx.run.tool));

export function renderSarif(file: string, findings: Findings, tool: { version: string }): string {
  const rules = [...findings.recalls.values()].map(({ recall: r }) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title.value },
    fullDescription: { text: r.hazard.value },
    ...(whereToVerify(r) ? { helpUri: whereToVerify(r)!.url } : {}),
    help: { text: `Remedy: ${r.remedies ? r.remedies.map((x) => x.value.description).join(' Or: ') : noRemedyText(r)} Disposal: ${r.disposal ? r.disposal.value.steps.join(' ') : NO_DISPOSAL_STEPS}` },
    properties: { jurisdictions: r.jurisdictions.value, announced: r.announced?.value ?? '' },
  }));
  rules.push({
    id: UNCHECKED,
    name: 'row-not-checked',
    shortDescription: { text: 'A row of the inventory could not be checked' },
    fullDescription: { text: 'The row could not be read (wrong number of fields, invalid text, unclosed quote, bad country); its unit was not checked.' },
    help: { text: 'Fix the row and run the check again.' },
    properties: { jurisdictions: [], announced: '' },
  });
  const result = (f: Finding) => ({
    ruleId: f.status === 'error' ? UNCHECKED : f.recallIds[0]!,
    level: f.status === 'verify' ? 'warning' : 'error',
    message: { text: stripControl([f.model && `${f.model}${f.serial ? ` ${f.serial}` : ''}:`, sentence(f.reason), sentence(f.action), f.checkUrls.join(' ')].filter(Boolean).join(' ')) },
    locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: f.line } } }],
    ...(f.recallIds.length > 1 ? { relatedLocations: [], properties: { recalls: f.recallIds } } : {}),
    ...(f.acknowledged ? { suppressions: [{ kind: 'external', justification: f.acknowledged }] } : {}),
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'recall-check', version: tool.version, rules } },
        results: findings.list.map(result),
        ...(findings.dropped > 0 ? { properties: { findingsNotListed: findings.dropped } } : {}),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
