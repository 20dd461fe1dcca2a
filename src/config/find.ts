/**
 * Finds and reads the configuration, the conventional way (cosmiconfig): a "recall-check" key
 * in package.json, .recall-checkrc (JSON or YAML), .recall-checkrc.json/.yaml/.yml, or
 * recall-check.config.{js,mjs,cjs}, from the working directory up to the project root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RecallCheckError } from '../core/errors.js';
import { mentionsKey, MODULE, PROJECT_ROOT_FILES, SEARCH_PLACES } from './places.js';
import type { Config } from './schema.js';

export { MODULE, SEARCH_PLACES } from './places.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when no configuration was found. */
  file: string | undefined;
}

/**
 * Whether any search place exists between `cwd` and the project root. Loading cosmiconfig costs
 * a single check several milliseconds of start-up (see "Configuration" in the README), so it is
 * loaded only when there is something to read. It may say yes where cosmiconfig then finds
 * nothing (an empty file); never the reverse.
 */
export function mayHaveConfig(cwd: string): boolean {
  let dir = resolve(cwd);
  for (;;) {
    // One directory listing instead of a stat per search place: this runs on every check.
    let files: Set<string>;
    try {
      files = new Set(readdirSync(dir, { withFileTypes: true }).filter((e) => !e.isDirectory()).map((e) => e.name));
    } catch {
      return false;
    }
    for (const place of SEARCH_PLACES) {
      if (files.has(place) && (place !== 'package.json' || hasPackageKey(join(dir, place)))) return true;
    }
    if (PROJECT_ROOT_FILES.some((f) => files.has(f))) return false;
    const up = dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

function hasPackageKey(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  // Most package.json files never mention the key, and are not parsed. One that names it only as
  // a dependency holds no configuration; a broken one that names it is cosmiconfig's to report.
  if (!mentionsKey(text)) return false;
  try {
    const pkg = JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
    return typeof pkg === 'object' && pkg !== null && MODULE in pkg;
  } catch {
    return true;
  }
}

/** cosmiconfig as recall-check searches: the shared places and stop rule, and loaders that name a broken file's line and column. */
export async function explorer() {
  const [{ cosmiconfig, defaultLoaders }, { loadJson, loadModule, yamlLoader }] = await Promise.all([import('cosmiconfig'), import('./load-file.js')]);
  const loadYaml = yamlLoader(defaultLoaders['.yaml']);
  return cosmiconfig(MODULE, {
    searchPlaces: [...SEARCH_PLACES],
    searchStrategy: 'project',
    mergeSearchPlaces: false,
    cache: false,
    loaders: { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml, '.js': loadModule, '.mjs': loadModule, '.cjs': loadModule },
  });
}

export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  if (explicit === undefined && !mayHaveConfig(cwd)) return { config: {}, file: undefined };
  let result;
  try {
    // Creating the explorer reads cosmiconfig's own settings from the working directory's package.json.
    const found = await explorer();
    result = explicit === undefined ? await found.search(cwd) : await found.load(resolve(cwd, explicit));
  } catch (e) {
    if (e instanceof RecallCheckError) throw e;
    const file = (e as { filepath?: string }).filepath ?? (explicit === undefined ? undefined : resolve(cwd, explicit));
    if (file !== undefined && (e as Error).name === 'JSONError') (await import('./load-file.js')).loadJson(file, readFileSync(file, 'utf8'));
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such configuration file' : `cannot be read: ${(e as Error).message.split('\n').filter(Boolean).join(' ')}`;
    throw new RecallCheckError('usage', [{ file, message }], 'Fix the configuration, or run with --no-config to ignore it.');
  }
  if (!result || result.isEmpty) return { config: {}, file: result?.filepath };
  // zod is loaded only when there is a configuration to validate.
  const { validateConfig } = await import('./schema.js');
  const valid = validateConfig(result.config, result.filepath);
  if (!valid.ok) throw new RecallCheckError('usage', valid.problems, 'Fix the configuration (see "Configuration" in the README), or run with --no-config to ignore it.');
  return { config: valid.config, file: result.filepath };
}
