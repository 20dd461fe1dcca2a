/**
 * The stale-data note must name an update step that works. recall-check is not on the npm registry,
 * so "npm install recall-check@latest" fails; every install the README gives runs from a clone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const generated = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')).generated as string;
const later = new Date(Date.parse(`${generated}T00:00:00Z`) + 120 * 86_400_000).toISOString().slice(0, 10);
const NOTE = `recall-check: note: the recall data is 120 days old (generated ${generated}); newer recalls may exist. Update: in your recall-check clone, run git pull && npm install\n`;

describe('the data-age note', () => {
  it('single check: updating the clone, never a registry package that does not exist', async () => {
    const r = await runMain(['A1263', '--json'], { env: { RECALL_CHECK_NOW: later } });
    expect(r.stderr).toBe(NOTE);
    expect(r.stderr).not.toMatch(/recall-check@latest/u);
  });

  it('batch: the same step', async () => {
    const r = await runMain(['batch', '-', '-f', 'ndjson'], { env: { RECALL_CHECK_NOW: later }, input: 'model\nA9999\n' });
    expect(r.stderr.startsWith(NOTE)).toBe(true);
  });

  it('the README gives the same step and the installs it updates', () => {
    const readme = readFileSync(join(DATA, '..', 'README.md'), 'utf8');
    expect(readme).toContain('git pull && npm install');
    expect(readme).toContain('npm install -g .');
    expect(readme).toContain('npx --package /path/to/recall-check recall-check');
    expect(readme).not.toMatch(/recall-check@latest/u);
  });
});
