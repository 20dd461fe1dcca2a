/**
 * The quick pre-scan (mayHaveConfig) decides whether cosmiconfig is loaded at all: wherever
 * cosmiconfig, as recall-check configures it, would find a configuration, the pre-scan must say
 * so, or that configuration would be silently ignored. Both read SEARCH_PLACES and the stop rule;
 * this holds them to it on real directory trees.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDefaultSearchPlaces } from 'cosmiconfig';
import { afterAll, describe, expect, it } from 'vitest';
import { explorer, mayHaveConfig, MODULE, SEARCH_PLACES } from '../../src/config/find.js';

const root = mkdtempSync(join(tmpdir(), 'recall-check-search-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CONTENT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', [MODULE]: { country: 'JP' } }),
};
const contentOf = (place: string) => CONTENT[place] ?? (/\.[cm]?js$/u.test(place) ? (place.endsWith('.cjs') ? 'module.exports = { country: "JP" };' : 'export default { country: "JP" };') : '{"country": "JP"}');

let n = 0;
function tree(files: Record<string, string>): string {
  const dir = join(root, `t${n++}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

// Every place cosmiconfig knows for this module name, not only ours: a switch to its defaults
// (or any place added on one side only) shows up as a disagreement.
const places = [...new Set([...SEARCH_PLACES, ...getDefaultSearchPlaces(MODULE), '.config/recall-checkrc', '.config/config.json'])];

const layouts = (place: string): [string, Record<string, string>, string][] => [
  ['in the working directory', { [place]: contentOf(place), 'marker.txt': '' }, '.'],
  ['in a parent directory', { [place]: contentOf(place), 'a/b/.keep': '' }, 'a/b'],
  ['above a package.json (the project root)', { [place]: contentOf(place), 'app/package.json': '{"name":"app"}', 'app/src/.keep': '' }, 'app/src'],
  ['above a package.yaml (the project root)', { [place]: contentOf(place), 'app/package.yaml': 'name: app\n', 'app/src/.keep': '' }, 'app/src'],
];

describe('the pre-scan finds what cosmiconfig finds, and stops where it stops', () => {
  for (const place of places) {
    it.each(layouts(place))(`${place} %s`, async (_, files, from) => {
      const cwd = join(tree(files), from);
      const found = await (await explorer()).search(cwd);
      expect(mayHaveConfig(cwd)).toBe(found !== null && !found.isEmpty);
    });
  }

  it('a package.json that names the key only as a dependency is no configuration, and is not loaded', async () => {
    const cwd = tree({ 'package.json': JSON.stringify({ name: 'shop', dependencies: { [MODULE]: '^1.0.0' } }) });
    expect(mayHaveConfig(cwd)).toBe(false);
    expect(await (await explorer()).search(cwd)).toBeNull();
  });

  it('a directory named like a search place is not a configuration', async () => {
    const cwd = tree({ '.recall-checkrc/.keep': '', 'package.json': '{"name":"shop"}' });
    expect(mayHaveConfig(cwd)).toBe(false);
    expect(await (await explorer()).search(cwd)).toBeNull();
  });
});
