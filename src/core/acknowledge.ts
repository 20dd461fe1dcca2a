/**
 * Acknowledgements: findings a reseller has already handled (a serial quarantined, a model's stock
 * returned). An acknowledged finding is still reported, with its reason, but does not fail the
 * run. An expired acknowledgement no longer applies, and one that matched nothing is reported as
 * unused, so the list does not rot.
 */
import { normaliseModel, normaliseSerial } from './normalise.js';
import type { CheckResult } from './result.js';

export interface AcknowledgementRule {
  recall?: string | undefined;
  model?: string | undefined;
  serial?: string | undefined;
  reason: string;
  /** YYYY-MM-DD: the last day it applies. */
  expires?: string | undefined;
}

export interface AcknowledgementUse {
  rule: AcknowledgementRule;
  /** Findings it covered. */
  applied: number;
  /** Findings it would have covered, had it not expired. */
  expiredMatches: number;
}

export interface Acknowledger {
  /**
   * The result marked acknowledged when a rule covers it, as a new result (results share frozen
   * parts, and are read-only), or the result itself when none does.
   */
  apply(result: CheckResult): CheckResult;
  uses(): AcknowledgementUse[];
}

export function acknowledger(rules: readonly AcknowledgementRule[], today: string): Acknowledger {
  const prepared = rules.map((rule) => ({
    rule,
    model: rule.model === undefined ? undefined : normaliseModel(rule.model).value,
    serial: rule.serial === undefined ? undefined : normaliseSerial(rule.serial).value,
    expired: rule.expires !== undefined && rule.expires < today,
    applied: 0,
    expiredMatches: 0,
  }));
  return {
    apply(result) {
      if (prepared.length === 0 || (result.status !== 'affected' && result.status !== 'verify')) return result;
      const deciding = result.matches.filter((m) => m.status === result.status).map((m) => m.recallId);
      // A finding is acknowledged only when every recall that decided it is: acknowledging one
      // recall must not silence another recall of the same unit.
      const covering = deciding.map((id) => {
        for (const p of prepared) {
          if (p.rule.recall !== undefined && p.rule.recall !== id) continue;
          if (p.model !== undefined && p.model !== result.model.value) continue;
          if (p.serial !== undefined && p.serial !== result.serial?.value) continue;
          if (p.expired) {
            p.expiredMatches++;
            continue;
          }
          return p;
        }
        return undefined;
      });
      if (deciding.length === 0 || covering.some((p) => p === undefined)) return result;
      const used = [...new Set(covering)] as (typeof prepared)[number][];
      for (const p of used) p.applied++;
      const first = used[0]!.rule;
      return { ...result, acknowledged: { reason: used.map((p) => p.rule.reason).join('; '), ...(first.expires ? { expires: first.expires } : {}) } };
    },
    uses: () => prepared.map((p) => ({ rule: p.rule, applied: p.applied, expiredMatches: p.expiredMatches })),
  };
}
