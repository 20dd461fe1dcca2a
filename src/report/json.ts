/**
 * The JSON contract: one document per run. Other programs parse it, so its shape only changes with
 * a new `schemaVersion`; see "JSON output" in the README.
 */
import { reasonMessage } from '../core/messages.js';
import { whereToVerify } from '../core/where-to-verify.js';
import { toolVersion } from '../version.js';
import type { CheckResult, Reason } from '../core/result.js';

export const JSON_SCHEMA_VERSION = 1;

export function runMeta(data: { manifest: { datasetVersion: string; generated: string; schemaVersion: number } }): RunMeta {
  return {
    tool: { name: 'recall-check', version: toolVersion() },
    data: { version: data.manifest.datasetVersion, generated: data.manifest.generated, schemaVersion: data.manifest.schemaVersion },
  };
}

export interface RunMeta {
  tool: { name: string; version: string };
  data: { version: string; generated: string; schemaVersion: number };
}

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
