/**
 * A configuration file that cannot be read is one message naming the file, the line and column
 * (where the parser gives them) and the reason, with exit 2 and no stack trace.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { projects } from '../helpers/project.js';
import { runMain } from '../helpers/main.js';

const project = projects('recall-check-config-errors-');

const HINT = 'Fix the configuration, or run with --no-config to ignore it.\n';

describe('a configuration file with a syntax error', () => {
  it.each([
    ['.recall-checkrc (JSON)', '.recall-checkrc', '{\n  "country": "US",,\n}\n', ':2:19: not valid JSON: Expected double-quoted property name'],
    ['.recall-checkrc (YAML)', '.recall-checkrc', 'country: [US\nfailOn: never\n', ':2:1: not valid YAML: missed comma between flow collection entries'],
    ['.recall-checkrc.json', '.recall-checkrc.json', '{"country": ', ':1:13: not valid JSON: Unexpected end of JSON input'],
    ['.recall-checkrc.yaml', '.recall-checkrc.yaml', 'country: US\n  failOn: : never\n', ':2:9: not valid YAML: bad indentation of a mapping entry'],
    ['package.json key', 'package.json', '{\n  "name": "shop",\n  "recall-check": { "country": "US" ]\n}\n', ':3:37: not valid JSON: Expected \',\' or \'}\' after property value'],
  ])('%s', async (_, name, content, expected) => {
    const dir = project({ [name]: content });
    const r = await runMain(['A1263'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`recall-check: usage error: ${join(dir, name)}${expected}\n${HINT}`);
  });

  // JavaScript is loaded by Node itself, so these run the built bin (in-process, vitest would
  // compile the module its own way).
  it.each([
    ['recall-check.config.mjs', 'recall-check.config.mjs', 'export default {\n  country: "US";\n};\n', ':2:16: not valid JavaScript: Unexpected token \';\''],
    ['recall-check.config.cjs', 'recall-check.config.cjs', 'module.exports = {\n  country: "US";\n};\n', ':2:16: not valid JavaScript: Unexpected token \';\''],
    ['recall-check.config.js (CommonJS)', 'recall-check.config.js', 'module.exports = {\n  country: "US",\n}};\n', ':3:2: not valid JavaScript: Unexpected token \'}\''],
    ['recall-check.config.mjs that throws at load', 'recall-check.config.mjs', 'throw new Error("cannot reach the settings server");\n', ': failed to load: cannot reach the settings server'],
  ])('%s', (_, name, content, expected) => {
    const dir = project({ [name]: content });
    const r = runCli(['A1263'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`recall-check: usage error: ${join(dir, name)}${expected}\n${HINT}`);
  });

  it('an ES module .js with a syntax error names the file and the reason (Node gives no line for it)', async () => {
    const dir = project({ 'package.json': '{"name":"shop","type":"module"}', 'recall-check.config.js': 'export default {\n  country: "US",\n}};\n' });
    const r = runCli(['A1263'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^recall-check: usage error: ${join(dir, 'recall-check.config.js')}(:\\d+:\\d+)?: not valid JavaScript: Unexpected token '\\}'\\n`, 'u'));
    expect(r.stderr).not.toMatch(/race condition|\n\s+at /u);
  });

  it('--config names a broken file the same way', async () => {
    const dir = project({ 'ci.yaml': 'country: [US\n' });
    const r = await runMain(['A1263', '--config', 'ci.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ci\.yaml:2:1: not valid YAML: /u);
  });

  it('a broken package.json that does not name the key is not ours to judge', async () => {
    const dir = project({ 'package.json': '{"name": "shop",,}' });
    const r = await runMain(['A1263', '--json'], { cwd: dir });
    expect(r.code).toBe(3);
  });
});

describe('a wrong format in the configuration', () => {
  it('names the file and key and lists the formats, for every command that reads the file', async () => {
    const dir = project({ '.recall-checkrc.json': '{"format": "xml"}' });
    for (const args of [['batch', 'inv.csv'], ['A1263'], ['list']]) {
      const r = await runMain(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`recall-check: usage error: ${join(dir, '.recall-checkrc.json')} at $.format: "xml" is not one of ${FORMATS.join(', ')}\n`);
    }
  });
});
