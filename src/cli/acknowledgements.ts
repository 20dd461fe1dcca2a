/** What happened to the configured acknowledgements in a run, said once on stderr. */
import type { AcknowledgementUse } from '../core/acknowledge.js';
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
