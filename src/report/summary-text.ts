/** The batch summary for people, written to stderr: counts that add up, and the lines to look at. */
import type { Summary } from '../results/summary.js';
import { STATUSES } from '../core/result.js';
import { formatCount, stripControl } from './format.js';
import type { Style } from './style.js';

const SHOWN_LINES = 10;

function lines(ls: readonly number[]): string {
  const shown = ls.slice(0, SHOWN_LINES).join(', ');
  return ls.length > SHOWN_LINES ? `${shown}, … and ${formatCount(ls.length - SHOWN_LINES)} more` : shown;
}

export function renderSummary(name: string, summary: Summary, style: Style): string {
  const out = [style.bold(`${stripControl(name)}: ${formatCount(summary.rows)} data row${summary.rows === 1 ? '' : 's'}`)];
  const row = (label: string, n: number, detail = '') => out.push(`  ${label.padEnd(13)}${formatCount(n).padStart(10)}${detail ? `  ${detail}` : ''}`);
  for (const s of STATUSES) {
    const acked = s === 'affected' || s === 'verify' ? summary.acknowledged[s] : 0;
    row(s, summary.byStatus[s], acked > 0 ? `${formatCount(acked)} acknowledged (not failing the run)` : '');
  }
  const skips = Object.entries(summary.skipped.byReason)
    .filter(([, ls]) => ls.length > 0)
    .map(([reason, ls]) => `${reason === 'empty-model' ? 'empty model cell' : 'blank'}: line${ls.length > 1 ? 's' : ''} ${lines(ls)}`);
  row('skipped', summary.skipped.count, skips.join('; '));
  row('errors', summary.errors.count, summary.errors.count > 0 ? `line${summary.errors.count > 1 ? 's' : ''} ${lines(summary.errors.lines)}${summary.errors.findings > 0 ? ` (${formatCount(summary.errors.findings)} of them counted above too: their readable text names a recall)` : ''}` : '');
  for (const d of summary.errors.details.slice(0, SHOWN_LINES)) out.push(style.red(`    line ${d.line}: ${stripControl(d.message)}`));
  if (summary.errors.details.length > SHOWN_LINES) out.push(`    … see --format json for every refused row`);
  return out.join('\n') + '\n';
}
