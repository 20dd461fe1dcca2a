/**
 * One check's report (check-report.ts) as page elements: the same sentences as the terminal
 * report, in the same order, with links where the terminal colours a URL.
 */
import type { CheckReport, RecallList } from '../../report/check-report.js';
import { DISPOSAL_HEADING, type Field, MEDIUM_CONFIDENCE_NOTE, type Part, type ProductHeading, type RecallSection, SOURCES_HEADING, type Step, TODO_HEADING } from '../../report/report-model.js';
import { h, link, linkified } from './dom.js';

function parts(ps: readonly Part[]): Node[] {
  return ps.flatMap((p) => (typeof p === 'string' ? linkified(p) : 'url' in p ? [link(p.url)] : [h('span', { class: `status-${p.status}` }, p.status)]));
}

function fields(list: readonly (Field | ProductHeading)[], kind?: string): HTMLElement {
  const dl = h('dl', { class: kind ? `fields ${kind}` : 'fields' });
  for (const f of list) {
    if (f.kind === 'product') dl.append(h('dt', { class: 'product' }, f.text));
    else dl.append(h('dt', {}, f.label), h('dd', {}, ...parts(f.parts)));
  }
  return dl;
}

function steps(list: readonly Step[]): HTMLElement {
  return h('ul', { class: 'steps' }, ...list.map((s) => h('li', s.sub ? { class: 'sub' } : {}, h('span', { class: 'marker', 'aria-hidden': 'true' }, s.marker), ...linkified(s.text))));
}

function recall(s: RecallSection): HTMLElement {
  return h(
    'section',
    { class: 'recall', 'data-recall': s.id },
    h('h3', {}, s.heading),
    fields(s.facts, 'facts'),
    h('h4', {}, TODO_HEADING),
    steps(s.todo),
    h('h4', {}, DISPOSAL_HEADING),
    steps(s.disposal),
    s.never !== undefined && h('p', { class: 'never' }, s.never),
    s.contacts && fields([s.contacts]),
    // The sources are not printed; what their star means is.
    h('p', { class: 'print-only muted' }, MEDIUM_CONFIDENCE_NOTE),
    h('h4', { class: 'sources-heading' }, SOURCES_HEADING, ' ', h('span', { class: 'muted' }, MEDIUM_CONFIDENCE_NOTE)),
    h('ul', { class: 'sources' }, ...s.sources.map((ref) => h('li', {}, `${ref.publisher}${ref.official ? ' (official)' : ''}, "${ref.title}": `, link(ref.url)))),
  );
}

function recallList(l: RecallList): HTMLElement {
  return h('section', { class: 'recall-list' }, h('h3', {}, l.heading), h('ul', {}, ...l.lines.map((line) => h('li', {}, line))));
}

export function renderCheck(report: CheckReport): HTMLElement {
  return h(
    'article',
    { class: 'report', 'data-status': report.status },
    h('h2', { id: 'verdict-title', tabindex: '-1' }, report.title),
    h('p', { class: `verdict verdict-${report.status}`, id: 'verdict' }, report.headline),
    report.acknowledged !== undefined && h('p', {}, report.acknowledged),
    report.fields.length > 0 && fields(report.fields),
    ...report.recalls.map(recall),
    report.collapsed && recallList(report.collapsed),
    report.excluded && recallList(report.excluded),
  );
}
