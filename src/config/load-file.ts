/**
 * How each kind of configuration file is read, for cosmiconfig, so that a file that cannot be read
 * is one error naming the file, line, column and reason. cosmiconfig's own loaders say "JSON Error
 * in <file>:" with the reason on later lines, and for a broken ES module fall back to require(),
 * whose complaint about a race condition hides Node's real one.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { basename } from 'node:path';
import type { Loader } from 'cosmiconfig';
import { RecallCheckError } from '../core/errors.js';
import { parseJson } from '../data/parse-json.js';
import { mentionsKey } from './places.js';

const HINT = 'Fix the configuration, or run with --no-config to ignore it.';

const unreadable = (file: string, message: string, line?: number, column?: number) => new RecallCheckError('usage', [{ file, line, column, message }], HINT);


export const loadJson: Loader & ((file: string, content: string) => unknown) = (file, content) => {
  // A package.json that never names the key holds no configuration, and is not ours to judge.
  if (basename(file) === 'package.json' && !mentionsKey(content)) return {};
  const parsed = parseJson(content);
  if (!parsed.ok) throw unreadable(file, `not valid JSON: ${parsed.message}`, parsed.line, parsed.column);
  return parsed.value;
};

export function yamlLoader(cosmiconfigYaml: Loader): Loader {
  return async (file, content) => {
    try {
      return await cosmiconfigYaml(file, content);
    } catch (e) {
      // .recall-checkrc may be JSON: a file that was meant as JSON gets JSON's reason.
      if (content.trimStart().startsWith('{')) loadJson(file, content);
      const { reason, mark } = e as { reason?: string; mark?: { line: number; column: number } };
      throw unreadable(file, `not valid YAML: ${reason ?? (e as Error).message}`, mark && mark.line + 1, mark && mark.column + 1);
    }
  };
}

/** A JavaScript configuration, loaded as Node loads it; its default export (or module.exports) is the configuration. */
export const loadModule: Loader = async (file) => {
  try {
    return ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (e) {
    if (e instanceof SyntaxError) {
      const at = placeInStack(e, file) ?? placeFromCheck(file);
      throw unreadable(file, `not valid JavaScript: ${e.message}`, at?.line, at?.column);
    }
    throw unreadable(file, `failed to load: ${e instanceof Error ? e.message : String(e)}`);
  }
};

interface Place {
  line: number;
  column: number | undefined;
}

/** Node puts "file:line", the source line and a caret above a CommonJS syntax error's stack. */
function placeIn(text: string, file: string): Place | undefined {
  const m = /^(?:file:\/\/)?(.+):(\d+)\n.*\n( *)\^/mu.exec(text);
  if (!m || !(m[1] === file || m[1] === pathToFileURL(file).pathname)) return undefined;
  return { line: Number(m[2]), column: m[3]!.length + 1 };
}

const placeInStack = (e: Error, file: string) => placeIn(e.stack ?? '', file);

/** An ES module's syntax error carries no place; `node --check` prints it. Only ever run on a file that failed. */
function placeFromCheck(file: string): Place | undefined {
  const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 10_000 });
  return placeIn(r.stderr ?? '', file);
}
