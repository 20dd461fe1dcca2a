/**
 * The exit-code contract, in one place (see "Exit codes" in the README):
 * 0 nothing affected and nothing to verify, 1 at least one affected, 3 nothing affected but at
 * least one to verify, 2 a usage, input or data error. An error wins over findings: the run did not
 * check everything, so its findings are incomplete.
 */
import type { FailOn } from '../config/fail-on.js';
import type { Status } from '../core/result.js';

export const EXIT = { ok: 0, affected: 1, error: 2, verify: 3 } as const;

/**
 * `statuses` are the unacknowledged findings. `failOn` narrows which of them fail the run:
 * 'verify' (the default) fails on both, 'affected' only on affected units, 'never' on neither.
 * An error is never masked.
 */
export function exitCodeFor(statuses: Iterable<Status>, hadError = false, failOn: FailOn = 'verify'): number {
  if (hadError) return EXIT.error;
  if (failOn === 'never') return EXIT.ok;
  let verify = false;
  for (const s of statuses) {
    if (s === 'affected') return EXIT.affected;
    if (s === 'verify') verify = true;
  }
  return verify && failOn === 'verify' ? EXIT.verify : EXIT.ok;
}
