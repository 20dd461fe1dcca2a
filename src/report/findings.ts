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
  /** The model as it was read, when reading changed it (case, spaces, look-alike characters…). */
  readAs: string | undefined;
  serial: string;
  /** The country of sale the row was checked for, or '' when neither the row nor the options gave one. */
  country: string;
  acknowledged: string | undefined;
}

/** A recall the run found, and how many of its rows it decided, counted past the cap on listed findings. */
export interface RecallRows {
  recall: RecallDefinition;
  affected: number;
  verify: number;
}

export interface Findings {
  add(rows: readonly RowResult[]): void;
  readonly list: Finding[];
  /** No-recall rows whose model is close to a recalled one (a typo may hide a recalled unit). */
  readonly hints: Finding[];
  /** Findings beyond `max` are counted, not kept. */
  readonly dropped: number;
  readonly max: number;
  /** By recall id, in the order first met: a report gives advice for units to verify only for a recall that has some. */
  readonly recalls: Map<string, RecallRows>;
}

export function collectFindings(columns: { model: number | undefined; serial?: number | undefined }, max = 10_000): Findings {
  const list: Finding[] = [];
  const hints: Finding[] = [];
  const recalls = new Map<string, RecallRows>();
  let dropped = 0;
  return {
    list,
    hints,
    recalls,
    max,
    get dropped() {
      return dropped;
    },
    add(rows) {
      for (const r of rows) {
        const status = rowStatus(r);
        if (hasHint(r) && hints.length < max) hints.push(finding(r));
        if (status !== 'affected' && status !== 'verify' && status !== 'error') continue;
        if (r.kind === 'checked') {
          for (const m of r.result.matches) {
            if (m.status !== status) continue;
            let n = recalls.get(m.recallId);
            if (!n) recalls.set(m.recallId, (n = { recall: m.recall, affected: 0, verify: 0 }));
            n[m.status]++;
          }
        }
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
      readAs: r.kind === 'checked' && r.result.model.changes.length > 0 && r.result.model.value !== '' ? r.result.model.value : undefined,
      serial: columns.serial === undefined ? '' : (r.cells[columns.serial] ?? ''),
      country: r.kind === 'checked' ? (r.result.country ?? '') : '',
      acknowledged: r.kind === 'checked' ? r.result.acknowledged?.reason : undefined,
    };
  }
}

/** The recalls a run found, those with affected units first (then as first met). */
export function recallsInOrder(findings: Findings): RecallDefinition[] {
  return [...findings.recalls.values()].sort((a, b) => Number(b.affected > 0) - Number(a.affected > 0)).map((n) => n.recall);
}

/** Whether the run has units of this recall to verify, so that its advice says how. */
export function hasUnitsToVerify(findings: Findings, recallId: string): boolean {
  return (findings.recalls.get(recallId)?.verify ?? 0) > 0;
}
