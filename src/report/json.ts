/**
 * The JSON contract: one document per run. Other programs parse it, so its shape only changes with
 * a new `schemaVersion`; see "JSON output" in the README.
 */
import { reasonMessage } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import type { RunMeta } from '../results/run-meta.js';
import type { CheckResult, Reason } from '../core/result.js';

/** 2: batch rows list `matches[].recallId`, as a single check does (1 said `recalls[].id`). */
export const JSON_SCHEMA_VERSION = 2;


/** A reason with its human message alongside the code, so consumers need not keep a copy of the wording. */
export function reasonJson(reason: Reason) {
  return { ...reason, message: reasonMessage(reason) };
}

export function resultJson(result: CheckResult) {
  return {
    model: result.model,
    ...(result.serial ? { serial: result.serial } : {}),
    ...(result.country ? { country: result.country } : {}),
    status: result.status,
    ...(result.acknowledged ? { acknowledged: result.acknowledged } : {}),
    reasons: result.reasons.map(reasonJson),
    matches: result.matches.map((m) => {
      const { $schema: _schema, ...recall } = m.recall;
      return {
        recallId: m.recallId,
        status: m.status,
        reasons: m.reasons.map(reasonJson),
        productModel: m.product.model,
        jurisdictions: m.recall.jurisdictions.value,
        verifyAt: whereToVerify(m.recall, m.product) ?? null,
        recall,
      };
    }),
  };
}

export function renderJson(results: readonly CheckResult[], meta: RunMeta): string {
  const doc = { schemaVersion: JSON_SCHEMA_VERSION, ...meta, results: results.map(resultJson) };
  return JSON.stringify(doc, null, 2) + '\n';
}
