/**
 * Loads a data directory and refuses it whole if anything is wrong: no verdict is ever given from
 * data that is broken, tampered with, or newer than this build understands.
 *
 * The bundled data was validated with the zod schema at build time, so here its files only have to
 * match the manifest's checksums. Any other directory (`--data-dir`) is also validated in full.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Problem, RecallCheckError } from '../core/errors.js';
import { packageRoot } from '../package-root.js';
import { definitionFilesIn, describeReadError, readDefinitions } from './definitions.js';
import { DEFINITION_FILE_NAME, MANIFEST_FILE } from './manifest.js';
import { jsonProblem, parseJson, withoutBom } from './parse-json.js';
import type { Manifest, RecallDefinition } from './schema.js';
import { newerSchemaProblem } from './schema-version.js';

export interface Dataset {
  dir: string;
  manifest: Manifest;
  /** All definitions; for a lazily loaded data set, parsed on first access. */
  readonly recalls: RecallDefinition[];
  /** Set when the definitions can be parsed one by one, as lookups need them. */
  lazy?: { codes: Record<string, string>[]; load: (i: number) => RecallDefinition } | undefined;
}

export interface LoadOptions {
  /** Validate every definition against the schema and the semantic rules (slower; imports zod). */
  validate?: boolean;
}

export const BUNDLED_DATA_DIR = join(packageRoot(), 'data');

export const REBUILD_HINT = (dir: string) =>
  dir === BUNDLED_DATA_DIR
    ? `If you changed the bundled definitions on purpose, rebuild the manifest: npm run data:build. Otherwise reinstall recall-check to restore its data.`
    : `If you changed the definitions on purpose, rebuild the manifest: recall-check data build ${dir}`;

export async function loadDataset(dir: string = BUNDLED_DATA_DIR, options: LoadOptions = {}): Promise<Dataset> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const fail = (problems: Problem[]): never => {
    throw new RecallCheckError('data', problems, REBUILD_HINT(dir));
  };

  if (!existsSync(dir)) {
    throw new RecallCheckError('data', [{ file: dir, message: 'no such data directory: check the path given with --data-dir, --extra-data-dir or dataDirs' }]);
  }
  let manifestText: string;
  try {
    manifestText = readFileSync(manifestPath, 'utf8');
  } catch (e) {
    return fail([{ file: manifestPath, message: describeReadError(e, 'no manifest.json: this is not a recall-check data directory, or its manifest was never built') }]);
  }
  const parsedManifest = parseJson(manifestText);
  if (!parsedManifest.ok) return fail([jsonProblem(manifestPath, parsedManifest)]);
  const manifest = parsedManifest.value as Manifest;
  const newer = newerSchemaProblem(manifestPath, manifest);
  if (newer) return fail([newer]);

  const validation = options.validate ? await import('./validate.js') : undefined;
  if (validation) {
    const problems = validation.validateManifest(manifestPath, manifest);
    if (problems.length > 0) return fail(problems);
  } else if (!Array.isArray(manifest?.files) || manifest.files.length === 0) {
    return fail([{ file: manifestPath, path: '$.files', message: 'the data set is empty: no recall definitions are listed' }]);
  } else {
    // Without zod, at least the shape the loader relies on: a tampered manifest is refused, not a crash.
    const bad = manifest.files.findIndex((f) => typeof f?.path !== 'string' || !DEFINITION_FILE_NAME.test(f.path) || typeof f.sha256 !== 'string');
    if (bad !== -1) return fail([{ file: manifestPath, path: `$.files[${bad}]`, message: 'each entry needs a file name ("path") and a "sha256"' }]);
  }

  const problems: Problem[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of definitionFilesIn(dir) ?? []) {
    if (!listed.has(name)) problems.push({ file: join(dir, name), message: 'this definition is not listed in manifest.json, so it was never validated' });
  }

  // Bundled data with a code index: verify every checksum now, parse only what lookups need.
  const index = manifest.files.map((f) => f.codes);
  const lazy = !validation && index.every((c) => c !== undefined);
  const read = await readDefinitions(dir, manifest.files, validation ? 'validate' : lazy ? 'bytes' : 'parse');
  problems.push(...read.problems);
  if (problems.length > 0) return fail(problems);
  if (lazy) {
    // Kept as bytes: decoding every file would cost a single check more than the few it parses.
    // The checksums match the files validated at build, so parsing cannot fail here.
    const load = (i: number) => JSON.parse(withoutBom(read.files[i]!.bytes.toString('utf8'))) as RecallDefinition;
    let all: RecallDefinition[] | undefined;
    return {
      dir,
      manifest,
      get recalls() {
        return (all ??= read.files.map((_, i) => load(i)));
      },
      lazy: { codes: index as Record<string, string>[], load },
    };
  }
  return { dir, manifest, recalls: read.docs.map((d) => d.value as RecallDefinition) };
}
