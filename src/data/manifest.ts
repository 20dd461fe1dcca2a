/**
 * The data set's manifest: its version, the schema version, and a sha256 of every definition file.
 * Definitions are validated when the manifest is built; at run time the checksums prove the files
 * are the ones that were validated, which is far cheaper than validating them again.
 */
import { createHash } from 'node:crypto';
import { SUPPORTED_SCHEMA_VERSION } from './schema-version.js';
import type { Manifest, RecallDefinition } from './schema.js';

export { DEFINITION_FILE_NAME, DEFINITION_FILE_NAME_RULE, isDefinitionFile, MANIFEST_FILE } from './file-names.js';

export const MANIFEST_SCHEMA_REF = '../schema/manifest.schema.json';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A manifest for these files. The dataset version and date move only when a file's content
 * changes, so rebuilding an unchanged data set is a no-op and installs never dirty the tree.
 */
export function buildManifest(files: { path: string; bytes: Uint8Array; recall?: RecallDefinition }[], previous: Manifest | undefined, today: string): Manifest {
  const entries = files
    .map((f) => ({ path: f.path, sha256: sha256(f.bytes), ...(f.recall ? { codes: codesOf(f.recall) } : {}) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const unchanged =
    previous !== undefined &&
    previous.files.length === entries.length &&
    previous.files.every((f, i) => f.path === entries[i]?.path && f.sha256 === entries[i]?.sha256 && JSON.stringify(f.codes) === JSON.stringify(entries[i]?.codes));
  if (unchanged) return { ...previous, files: entries };
  return {
    $schema: MANIFEST_SCHEMA_REF,
    schemaVersion: SUPPORTED_SCHEMA_VERSION,
    datasetVersion: nextVersion(previous?.datasetVersion, today),
    generated: today,
    files: entries,
  };
}

/** Model, SKU and listing-alias codes → the model they belong to. */
export function codesOf(recall: RecallDefinition): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const p of recall.products) {
    codes[p.model] = p.model;
    for (const sku of p.skus?.value ?? []) codes[sku] = p.model;
    for (const alias of p.aliases?.value ?? []) codes[alias] ??= p.model;
  }
  return codes;
}

/** Date-based versions, e.g. 2026.11.25, then 2026.11.25-2 for a second change that day. */
function nextVersion(previous: string | undefined, today: string): string {
  const base = today.replaceAll('-', '.');
  if (previous === undefined || !previous.startsWith(base)) return base;
  const n = Number(previous.slice(base.length + 1) || '1');
  return `${base}-${n + 1}`;
}
