/**
 * Finding and loading the configuration, the conventional way (cosmiconfig): a "recall-check" key
 * in package.json, .recall-checkrc (JSON or YAML), .recall-checkrc.json/.yaml/.yml, or
 * recall-check.config.{js,mjs,cjs}, from the working directory up to the project root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RecallCheckError } from '../core/errors.js';
import type { Config } from './schema.js';

export const MODULE = 'recall-check';

export const SEARCH_PLACES = [
  'package.json',
  '.recall-checkrc',
  '.recall-checkrc.json',
  '.recall-checkrc.yaml',
  '.recall-checkrc.yml',
  'recall-check.config.js',
  'recall-check.config.mjs',
  'recall-check.config.cjs',
];

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when no configuration was found. */
  file: string | undefined;
}

/**
 * Whether any search place exists between `cwd` and the project root. cosmiconfig costs a
 * single check ~15 ms of start-up, so it is loaded only when there is something to read.
 */
export function mayHaveConfig(cwd: string): boolean {
  let dir = resolve(cwd);
  for (;;) {
    // One directory listing instead of a stat per search place: this runs on every check.
    let names: Set<string>;
    try {
      names = new Set(readdirSync(dir));
    } catch {
      return false;
    }
    for (const place of SEARCH_PLACES) {
      if (place === 'package.json' ? names.has(place) && hasPackageKey(join(dir, place)) : names.has(place)) return true;
    }
    // cosmiconfig's "project" strategy stops at the first directory with a package.json.
    if (names.has('package.json')) return false;
    const up = dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

function hasPackageKey(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    // Most package.json files never mention the key; only those that might are parsed.
    return /"recall-check"\s*:/u.test(text) && MODULE in (JSON.parse(text) as object);
  } catch {
    return false;
  }
}

export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  if (explicit === undefined && !mayHaveConfig(cwd)) return { config: {}, file: undefined };
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig(MODULE, { searchPlaces: SEARCH_PLACES, searchStrategy: 'project', mergeSearchPlaces: false, cache: false });
  let result;
  try {
    result = explicit === undefined ? await explorer.search(cwd) : await explorer.load(resolve(cwd, explicit));
  } catch (e) {
    const file = explicit === undefined ? undefined : resolve(cwd, explicit);
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such configuration file' : `cannot be read: ${(e as Error).message.split('\n')[0]}`;
    throw new RecallCheckError('usage', [{ file: file ?? (e as { filepath?: string }).filepath, message }], 'Fix the configuration, or run with --no-config to ignore it.');
  }
  if (!result || result.isEmpty) return { config: {}, file: result?.filepath };
  // zod is loaded only when there is a configuration to validate.
  const { validateConfig } = await import('./schema.js');
  const valid = validateConfig(result.config, result.filepath);
  if (!valid.ok) throw new RecallCheckError('usage', valid.problems, 'Fix the configuration (see "Configuration" in the README), or run with --no-config to ignore it.');
  return { config: valid.config, file: result.filepath };
}
