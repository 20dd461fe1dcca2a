/**
 * The page side of the file check: choosing or dropping a file, the worker that checks it, the
 * progress bar, the counts by verdict, the findings table and the download.
 */
import { STATUSES } from '../../core/result.js';
import type { RecallDefinition } from '../../data/schema.js';
import type { Finding } from '../../report/findings.js';
import { formatCount } from '../../report/format.js';
import type { Summary } from '../../results/summary.js';
import { byId, type Child, h, link } from './dom.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's bundled source, put in by scripts/build-site.mjs. */
declare const WORKER_SOURCE: string;

/** Rows shown in the page's table; the download has every row. */
const SHOWN = 500;

export function setUpFileCheck(recalls: readonly RecallDefinition[]): void {
  // A file:// page cannot start a worker from a file, so the worker is made from its source.
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const input = byId<HTMLInputElement>('file');
  const drop = byId('drop');
  const countryInput = byId<HTMLInputElement>('file-country');
  const encodingSelect = byId<HTMLSelectElement>('file-encoding');
  const bar = byId<HTMLProgressElement>('progress');
  const status = byId('file-status');
  const out = byId('file-result');
  let download: string | undefined;
  let worker: Worker | undefined;
  /** The file last chosen, checked again when the country or encoding changes. */
  let current: File | undefined;
  /** The model column chosen on the page for that file (--model-column), if one was. */
  let modelColumn: string | undefined;

  const start = (file: File, column?: string) => {
    current = file;
    modelColumn = column;
    // One check at a time: the one running is stopped, and with its worker go its late messages.
    worker?.terminate();
    worker = new Worker(url);
    worker.onmessage = (e: MessageEvent<FromWorker>) => show(e.data);
    const post = (m: ToWorker) => worker!.postMessage(m);
    post({ type: 'data', recalls });
    out.replaceChildren();
    if (download) URL.revokeObjectURL(download);
    download = undefined;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = `Checking ${file.name}…`;
    post({ type: 'check', file, country: countryInput.value, encoding: encodingSelect.value === 'auto' ? undefined : encodingSelect.value, modelColumn });
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) checks it again.
    input.value = '';
    if (file) start(file);
  });
  for (const el of [countryInput, encodingSelect]) el.addEventListener('change', () => current && start(current, modelColumn));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) start(file);
  });

  const show = (m: FromWorker) => {
    if (m.type === 'progress') {
      bar.value = m.total > 0 ? m.bytes / m.total : 1;
      status.textContent = `${formatCount(m.rows)} rows checked…`;
    } else if (m.type === 'error') {
      bar.hidden = true;
      status.textContent = '';
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, m.message), ...(m.columns ? [columnChoice(m.columns, (c) => current && start(current, c))] : refusalAdvice(m.message)));
    } else {
      bar.value = 1;
      download = URL.createObjectURL(m.csv);
      status.textContent = `${m.name}: ${formatCount(m.summary.rows)} rows checked${m.country ? `; rows that name no country read as sold in ${m.country}` : ''}.`;
      const notes = [...(m.notUtf8 ? [encodingAdvice(m.name, m.notUtf8.encoding)] : []), ...m.notes];
      out.replaceChildren(...results(m.name, m.summary, m.findings, m.dropped, notes, download).filter((c): c is Node | string => c !== undefined && c !== false));
    }
  };
}

/** The page's own wording of the CLI's "not UTF-8" note: the page has a select, not --encoding. */
export function encodingAdvice(name: string, likely: string | undefined): string {
  return likely !== undefined
    ? `${name} is not UTF-8; it looks like ${likely}: choose ${likely} under "Text encoding" above, and the file is checked again.`
    : `${name} is not UTF-8, and its encoding is not clear: choose it under "Text encoding" above (for example windows-1252 or shift_jis), and the file is checked again.`;
}

/** The page's --model-column: the header's names to choose from, and a button to check again with one. */
function columnChoice(columns: readonly string[], choose: (column: string) => void): HTMLElement {
  const select = h('select', { id: 'model-column' }, ...columns.map((c) => h('option', { value: c }, c)));
  const button = h('button', { type: 'button', id: 'model-column-check' }, 'Check with this model column');
  button.addEventListener('click', () => choose(select.value));
  return h(
    'div',
    { class: 'column-choice', role: 'group', 'aria-labelledby': 'model-column-label' },
    h('p', { id: 'model-column-label' }, 'On this page, choose the column that holds the model numbers (the command line\'s --model-column):'),
    h('label', { for: 'model-column' }, 'Model column'),
    select,
    ' ',
    button,
  );
}

/** A refusal whose fix is a flag the page has no choice for (other than the model column): it says so, and the way. */
function refusalAdvice(message: string): HTMLElement[] {
  if (!/--([a-z]+-column|scan-columns|delimiter)\b/u.test(message)) return [];
  return [h('p', { class: 'stale', role: 'note' }, 'This page cannot choose columns other than the model column, or the delimiter. Rename or remove the column in the file and choose it again, or check the file with the command line: recall-check batch <file> with the flag named above.')];
}

function results(name: string, summary: Summary, findings: Finding[], dropped: number, notes: string[], href: string): Child[] {
  const counts = [...STATUSES.map((s) => [s, summary.byStatus[s]] as const), ['skipped', summary.skipped.count] as const, ['error', summary.errors.count] as const];
  const shown = findings.slice(0, SHOWN);
  const more = findings.length - shown.length + dropped;
  return [
    ...notes.map((n) => h('p', { class: 'stale', role: 'note' }, n)),
    h('h3', {}, 'Counts by verdict'),
    h('ul', { class: 'counts' }, ...counts.map(([s, n]) => h('li', { 'data-status': s }, h('b', {}, formatCount(n)), s))),
    h('p', {}, h('a', { class: 'button', id: 'download', href, download: annotatedName(name) }, 'Download the annotated CSV')),
    h('h3', {}, 'Rows that need a look'),
    shown.length === 0
      ? h('p', { class: 'muted' }, 'None: no affected or verify units, and no row that could not be checked.')
      : h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Rows that need a look' },
          h(
            'table',
            { id: 'findings' },
            h('thead', {}, h('tr', {}, ...['Line', 'Verdict', 'Model', 'Serial', 'Sold in', 'Recalls', 'Why, and what to do'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, ...shown.map(row)),
          ),
        ),
    more > 0 && h('p', { class: 'stale', role: 'note' }, `Only the first ${formatCount(shown.length)} rows that need a look are listed: ${formatCount(more)} more are not. The annotated CSV has every row.`),
  ];
}

function row(f: Finding): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, String(f.line)),
    h('td', { class: `status-${f.status}` }, f.status),
    h('td', {}, f.model, f.readAs !== undefined && f.readAs !== f.model && h('span', { class: 'muted' }, ` (read as ${f.readAs})`)),
    h('td', {}, f.serial),
    h('td', {}, f.country),
    h('td', {}, f.recallIds.join(' ')),
    h('td', {}, [f.reason, f.action].filter(Boolean).join(' '), ...f.checkUrls.flatMap((u) => [' ', link(u)])),
  );
}

/** inventory.csv → inventory.recall-check.csv */
function annotatedName(name: string): string {
  return name.replace(/(\.[^.]*)?$/u, '.recall-check.csv');
}
