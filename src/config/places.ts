/**
 * Where a configuration is looked for, and where the search stops: read by both the quick
 * pre-scan and cosmiconfig, so that they cannot disagree (test/unit/config-search.test.ts).
 */
export const MODULE = 'recall-check';

/** In this order, in each directory from the working directory up. */
export const SEARCH_PLACES = [
  'package.json',
  '.recall-checkrc',
  '.recall-checkrc.json',
  '.recall-checkrc.yaml',
  '.recall-checkrc.yml',
  'recall-check.config.js',
  'recall-check.config.mjs',
  'recall-check.config.cjs',
] as const;

/**
 * A directory holding one of these is the project root: the search goes no higher. This is
 * cosmiconfig's "project" search strategy, which hard-codes the same two names.
 */
export const PROJECT_ROOT_FILES = ['package.json', 'package.yaml'] as const;

const KEY = new RegExp(`"${MODULE}"\\s*:`, 'u');

/** Whether a package.json's text names the key; most never do, and then it is not parsed at all. */
export const mentionsKey = (text: string) => KEY.test(text);
