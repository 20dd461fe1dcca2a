/**
 * The data-age warning: recall data goes stale, and a check against old data can miss a recall
 * announced since. One line on stderr, never on stdout.
 */
import { RecallCheckError } from '../core/errors.js';
import type { Io } from './io.js';
import { dataAgeDays, staleDataNote } from '../report/data-age-note.js';

export const DEFAULT_MAX_DATA_AGE_DAYS = 90;

/**
 * recall-check is not on the npm registry yet, so "npm install recall-check@latest" fails; every
 * way the README gives of installing it (npm install -g ., npm link, npx --package <path>) runs a
 * clone, and updating the clone updates them all.
 */
export const UPDATE_STEP = 'Update: in your recall-check clone, run git pull && npm install';

/** Today, or the date in RECALL_CHECK_NOW (YYYY-MM-DD), which tests use to fix the clock. */
export function today(env: Io['env']): Date {
  const fixed = env.RECALL_CHECK_NOW;
  if (!fixed) return new Date();
  const date = new Date(`${fixed}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(fixed) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== fixed) {
    throw new RecallCheckError('usage', `environment variable RECALL_CHECK_NOW: "${fixed}" is not a date as YYYY-MM-DD; unset it to use today`);
  }
  return date;
}

export { dataAgeDays };

export function warnIfStale(io: Io, generated: string, maxDays: number = DEFAULT_MAX_DATA_AGE_DAYS): void {
  const age = dataAgeDays(generated, today(io.env));
  if (age > maxDays) {
    io.stderr.write(`recall-check: note: ${staleDataNote(age, generated)} ${UPDATE_STEP}\n`);
  }
}
