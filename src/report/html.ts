/**
 * One self-contained HTML page a store manager can open: the counts at a glance, affected units
 * first, then units to verify and rows not checked, and for each recall its hazard, remedy and
 * disposal steps with links to the official pages. No scripts, no external requests.
 */
import type { Summary } from '../results/summary.js';
import type { RunMeta } from '../results/run-meta.js';
import { reportAtEnd } from './at-end.js';
import type { CreateReporter } from './reporter.js';
import { STATUSES } from '../core/result.js';
import { guidance } from './guidance.js';
import { type Finding, type Findings, hasUnitsToVerify, recallsInOrder } from './findings.js';
import { formatAnnounced, formatCount } from './format.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/gu, (c) => ESCAPES[c]!);
/** Only http(s) links are made clickable; anything else is shown as text. */
/** Text with its URLs as links, everything escaped. */
const linkify = (text: string) => text.split(/(https?:\/\/\S+)/u).map((part, i) => (i % 2 === 1 ? link(part) : esc(part))).join('');
const link = (url: string) => (/^https?:\/\//u.test(url) ? `<a href="${esc(url)}" rel="noreferrer">${esc(url)}</a>` : esc(url));

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
.counts{display:flex;gap:.75rem;flex-wrap:wrap}.count{border:1px solid #ccc;border-radius:6px;padding:.5rem .9rem;min-width:7rem}
.count b{display:block;font-size:1.6rem}.affected{border-color:#b00020;color:#b00020}.verify{border-color:#a15c00;color:#a15c00}.error{border-color:#555}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}
.recall{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}.muted{color:#666}
.capped{border-left:4px solid #a15c00;background:#fff7e6;padding:.5rem .9rem}`;

function rows(list: readonly Finding[]): string {
  if (list.length === 0) return '<p class="muted">None.</p>';
  const body = list
    .map((f) => `<tr><td>${f.line}</td><td>${esc(f.model)}${f.readAs !== undefined && f.readAs !== f.model ? `<br><span class="muted">read as ${esc(f.readAs)}</span>` : ''}</td><td>${esc(f.serial)}</td><td>${esc(f.country)}</td><td>${esc(f.recallIds.join(' '))}</td><td>${f.acknowledged ? `<b>Acknowledged:</b> ${esc(f.acknowledged)}<br>` : ''}${esc(f.reason)} ${f.checkUrls.map(link).join(' ')}</td></tr>`)
    .join('\n');
  return `<table><thead><tr><th>Line</th><th>Model</th><th>Serial</th><th>Sold in</th><th>Recalls</th><th>Why, and what to do</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export const htmlReporter: CreateReporter = (ctx, sink) => reportAtEnd(ctx, sink, (summary, findings) => renderHtml(ctx.file.name, summary, findings, ctx.run));

export function renderHtml(name: string, summary: Summary, findings: Findings, meta: RunMeta): string {
  const by = (s: string) => findings.list.filter((f) => f.status === s);
  const counts = [...STATUSES.map((s) => [s, summary.byStatus[s]] as const), ['skipped', summary.skipped.count] as const, ['error', summary.errors.count] as const]
    .map(([s, n]) => `<div class="count ${s}" data-status="${s}"><b>${formatCount(n)}</b>${esc(s)}</div>`)
    .join('');
  const recalls = recallsInOrder(findings)
    .map((r) => {
      const g = guidance(r, r.products, hasUnitsToVerify(findings, r.id));
      return `<section class="recall" id="${esc(r.id)}"><h3>${esc(r.title.value)}</h3>
<p class="muted">${esc(r.id)} · ${esc(r.jurisdictions.value.join(', '))} · announced ${esc(formatAnnounced(r.announced))} by ${esc(r.authority.value)}</p>
<p><b>Hazard:</b> ${esc(r.hazard.value)}${r.incidents ? ` ${esc(r.incidents.value)}` : ''}</p>
<p><b>What to do now:</b> ${esc(g.stop)}${g.colours.map((c) => ` ${esc(c)}`).join('')}${g.verify ? ` ${linkify(g.verify)}` : ''}</p>
<p><b>Remedy:</b> ${g.noRemedy ? esc(g.noRemedy) : g.remedies.map(esc).join(' <i>or</i> ')}</p>
${g.proof.length > 0 ? `<p><b>The claim needs:</b></p><ul>${g.proof.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : ''}
<p><b>Disposal:</b></p><ol>${g.disposal.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>
${g.never ? `<p>${esc(g.never)}</p>` : ''}
${g.contacts.length > 0 ? `<p><b>Contacts:</b> ${g.contacts.map(esc).join(' · ')}</p>` : ''}
<p class="muted">Sources: ${r.references.map((x) => link(x.url)).join(' · ')}</p></section>`;
    })
    .join('\n');
  // Said before the tables and after them, so that nobody takes a capped list for the whole run.
  const capped = findings.dropped > 0 ? `<p class="capped" role="note"><b>Only the first ${formatCount(findings.max)} findings are listed: ${formatCount(findings.dropped)} more are not.</b> See the CSV or JSON report for every row.</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Recall check: ${esc(name)}</title><style>${STYLE}</style></head>
<body>
<h1>Recall check: ${esc(name)}</h1>
<p class="muted">${formatCount(summary.rows)} rows checked with recall-check ${esc(meta.tool.version)}, data ${esc(meta.data.version)}.</p>
<div class="counts">${counts}</div>
${summary.byStatus.affected > 0 ? '<p><b>Stop selling the affected units below and quarantine them.</b></p>' : ''}
${capped}
<h2 id="affected">Affected units</h2>
${rows(by('affected'))}
<h2 id="verify">Units to verify with the manufacturer</h2>
${rows(by('verify'))}
<h2 id="errors">Rows that could not be checked</h2>
${rows(by('error'))}
${findings.hints.length > 0 ? `<h2 id="similar">No recall on file, but close to a recalled model</h2>\n<p>Check the model on the label: a typo may hide a recalled unit.</p>\n${rows(findings.hints)}` : ''}
${capped}
<h2 id="recalls">The recalls</h2>
${recalls || '<p class="muted">None.</p>'}
</body></html>
`;
}
