/**
 * The rows of a batch that need someone's attention (affected, verify, refused), gathered for the
 * reports that are written at the end (Markdown, SARIF, HTML), with the recalls they name.
 */
import { type RowResult, rowStatus } from '../results/row-result.js';
import type { RecallDefinition } from '../data/schema.js';
import { hasHint, modelText, rowView, type RowView } from './row-view.js';

export interface Finding extends RowView {
  line: number;
  model: string;
  serial: string;
  acknowledged: string | undefined;
}

export interface Findings {
  add(rows: readonly RowResult[]): void;
  readonly list: Finding[];
  /** No-recall rows whose model is close to a recalled one (a typo may hide a recalled unit). */
  readonly hints: Finding[];
  /** Findings beyond `max` are counted, not kept. */
  readonly dropped: number;
  readonly recalls: Map<string, RecallDefinition>;
}

export function collectFindings(columns: { model: number | undefined; serial?: number | undefined }, max = 10_000): Findings {
  const list: Finding[] = [];
  const hints: Finding[] = [];
  const recalls = new Map<string, RecallDefinition>();
  let dropped = 0;
  return {
    list,
    hints,
    recalls,
    get dropped() {
      return dropped;
    },
    add(rows) {
      for (const r of rows) {
        const status = rowStatus(r);
        if (hasHint(r) && hints.length < max) hints.push(finding(r));
        if (status !== 'affected' && status !== 'verify' && status !== 'error') continue;
        if (r.kind === 'checked') for (const m of r.result.matches) if (m.status === status) recalls.set(m.recallId, m.recall);
        if (list.length >= max) {
          dropped++;
          continue;
        }
        list.push(finding(r));
      }
    },
  };

  function finding(r: RowResult): Finding {
    return {
      ...rowView(r),
      line: r.line,
      model: modelText(r, columns.model),
      serial: columns.serial === undefined ? '' : (r.cells[columns.serial] ?? ''),
      acknowledged: r.kind === 'checked' ? r.result.acknowledged?.reason : undefined,
    };
  }
}
