/**
 * A data directory's definition files: which they are, and reading them into definitions. The one
 * path `data build`, `data validate` and the loader share, so that a file is read, parsed and
 * refused the same way whichever of them meets it.
 *
 * Full validation imports zod; it is loaded only when asked for, so the single check, which reads
 * the bundled data by checksum, never pays for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../core/errors.js';
import { isDefinitionFile, sha256 } from './manifest.js';
import { jsonProblem, parseJson, withoutBom } from './parse-json.js';
import { newerSchemaProblem } from './schema-version.js';

/** The definition files of a directory, sorted; undefined when the directory cannot be listed. */
export function definitionFilesIn(dir: string): string[] | undefined {
  try {
    return readdirSync(dir).filter(isDefinitionFile).sort();
  } catch {
    return undefined;
  }
}

export interface DefinitionEntry {
  /** The file's name in the directory. */
  path: string;
  /** The checksum the manifest lists for the file; absent while the manifest is being built. */
  sha256?: string | undefined;
}

export interface DefinitionFile {
  path: string;
  /** The file's full path, as problems name it. */
  file: string;
  bytes: Buffer;
}

/**
 * How far to go: `bytes` checks the checksums only (the definitions are parsed later, as lookups
 * need them), `parse` also parses each file, and `validate` also applies the schema and the rules
 * that span files; it goes on past a checksum mismatch, so that one run lists everything wrong.
 */
export type ReadDepth = 'bytes' | 'parse' | 'validate';

export interface Definitions {
  /** The files read, in the order given. */
  files: DefinitionFile[];
  /** The parsed definitions, in the order given (none at depth `bytes`). */
  docs: { file: string; value: unknown }[];
  problems: Problem[];
}

export async function readDefinitions(dir: string, entries: readonly DefinitionEntry[], depth: ReadDepth): Promise<Definitions> {
  const out: Definitions = { files: [], docs: [], problems: [] };
  for (const entry of entries) {
    const file = join(dir, entry.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      out.problems.push({ file, message: describeReadError(e, 'listed in manifest.json but missing') });
      continue;
    }
    if (entry.sha256 !== undefined && sha256(bytes) !== entry.sha256) {
      out.problems.push({ file, message: 'checksum mismatch: the file changed after the manifest was built' });
      if (depth !== 'validate') continue;
    }
    out.files.push({ path: entry.path, file, bytes });
    if (depth === 'bytes') continue;
    const parsed = parseJson(withoutBom(bytes.toString('utf8')));
    if (!parsed.ok) {
      out.problems.push(jsonProblem(file, parsed));
      continue;
    }
    // A newer definition may use what this build would misread: it is not validated, only refused.
    const newer = newerSchemaProblem(file, parsed.value);
    if (newer) {
      out.problems.push(newer);
      continue;
    }
    out.docs.push({ file, value: parsed.value });
  }
  if (depth === 'validate') out.problems.push(...(await import('./validate.js')).validateDefinitions(out.docs));
  return out;
}

/** What went wrong reading a file, in words; `missing` is what a missing file means where it was expected. */
export function describeReadError(e: unknown, missing: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return missing;
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot be read (${code ?? String(e)})`;
}
