/** What happened to the configured acknowledgements in a run, said once on stderr. */
import leven from 'leven';
import type { Acknowledgement } from '../config/schema.js';
import type { AcknowledgementUse } from '../core/acknowledge.js';
import { RecallCheckError } from '../core/errors.js';
import type { Io } from './io.js';

function describe(rule: AcknowledgementUse['rule']): string {
  return [rule.recall && `recall ${rule.recall}`, rule.model && `model ${rule.model}`, rule.serial && `serial ${rule.serial}`].filter(Boolean).join(', ');
}

export function reportAcknowledgements(io: Io, uses: readonly AcknowledgementUse[], { unused }: { unused: boolean }): void {
  for (const u of uses) {
    if (u.expiredMatches > 0) {
      io.stderr.write(`recall-check: acknowledgement (${describe(u.rule)}) expired on ${u.rule.expires} and no longer applies: ${u.expiredMatches} finding${u.expiredMatches === 1 ? '' : 's'} it would cover now count${u.expiredMatches === 1 ? 's' : ''}\n`);
    } else if (unused && u.applied === 0) {
      io.stderr.write(`recall-check: acknowledgement (${describe(u.rule)}) matched nothing in this run: remove it if it is no longer needed\n`);
    }
  }
}

/**
 * An acknowledgement of a recall id the data does not have is refused: a typo in an id must not
 * look like a handled finding (it would silence nothing, and say so only at the end of a run).
 */
export function refuseUnknownRecalls(acks: readonly Acknowledgement[], ids: readonly string[], file: string | undefined): void {
  const known = new Set(ids);
  const problems = acks.flatMap((a, i) => {
    if (a.recall === undefined || known.has(a.recall)) return [];
    const near = ids.filter((id) => leven(id, a.recall!) <= 3);
    return [{ file, path: `$.acknowledgements[${i}].recall`, message: `no recall "${a.recall}" in the data${near.length > 0 ? `: did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''} (recall-check list shows every id)` }];
  });
  if (problems.length > 0) throw new RecallCheckError('usage', problems);
}
