/**
 * The newest definition/manifest schemaVersion this build understands, and the one check against
 * it. Kept apart from the zod schema so that the run-time loader can check it without importing zod.
 */
import type { Problem } from '../core/errors.js';

export const SUPPORTED_SCHEMA_VERSION = 2;

/** A document (definition or manifest) of a newer schemaVersion: this build might misread it. */
export function newerSchemaProblem(file: string, doc: unknown): Problem | undefined {
  const version = (doc as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SUPPORTED_SCHEMA_VERSION) {
    return {
      file,
      path: '$.schemaVersion',
      message: `schemaVersion ${version} is newer than this recall-check supports (${SUPPORTED_SCHEMA_VERSION}): upgrade recall-check (in your recall-check clone: git pull && npm install)`,
    };
  }
  return undefined;
}
