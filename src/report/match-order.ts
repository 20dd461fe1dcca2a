/**
 * The order a holder should read a check's recalls in, and which checkers to offer: the reports
 * of single checks and of batch rows share it, so both send a unit to the same form.
 */
import type { CheckResult, RecallMatch } from '../core/result.js';

export const RANK: Record<RecallMatch['status'], number> = { affected: 0, verify: 1, 'not-affected': 2 };

/**
 * The most severe first, and among equals a recall of the country the unit was sold in before a
 * worldwide one, whose checker and remedy may be another country's.
 */
export function leadingFirst(result: CheckResult): readonly RecallMatch[] {
  if (result.matches.length < 2) return result.matches;
  const local = (m: RecallMatch) => (result.country !== undefined && m.recall.jurisdictions.value.includes(result.country) ? 0 : 1);
  return result.matches
    .map((m, i) => ({ m, i }))
    .sort((a, b) => RANK[a.m.status] - RANK[b.m.status] || local(a.m) - local(b.m) || a.i - b.i)
    .map(({ m }) => m);
}

/**
 * Whether a worldwide notice gives way to the same recall's definition for the country of sale:
 * then that definition's checker is the one to use there (Anker's 2024 worldwide A1642 form is the
 * US one; Japan has its own).
 */
export function supersededIn(result: CheckResult): (m: RecallMatch) => boolean {
  const country = result.country;
  if (country === undefined) return () => false;
  const localGroups = new Set<string>();
  for (const m of result.matches) if (m.recall.group && m.recall.jurisdictions.value.includes(country)) localGroups.add(m.recall.group);
  return (m) => m.recall.group !== undefined && localGroups.has(m.recall.group) && m.recall.jurisdictions.value.includes('WORLDWIDE');
}

/**
 * The superseded worldwide matches whose page would only repeat, or contradict, the country's own
 * definition of the same recall (Anker's worldwide A1366 remedy says the unit is not sent back;
 * Japan's collects it). One that is more severe than its country's sibling is kept in full, so the
 * page always explains the headline.
 */
export function collapsedIn(result: CheckResult, matches: readonly RecallMatch[]): Set<RecallMatch> {
  const superseded = supersededIn(result);
  const out = new Set<RecallMatch>();
  for (const m of matches) {
    if (!superseded(m)) continue;
    if (matches.some((l) => l !== m && !superseded(l) && l.recall.group === m.recall.group && RANK[l.status] <= RANK[m.status])) out.add(m);
  }
  return out;
}
