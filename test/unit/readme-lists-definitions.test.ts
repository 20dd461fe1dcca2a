import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('lists every bundled definition in its definitions tables', () => {
    const readme = readFileSync('README.md', 'utf8');
    const ids = readdirSync('data').filter((f) => f.endsWith('.json') && f !== 'manifest.json').map((f) => f.replace(/\.json$/u, ''));
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !readme.includes(`| \`${id}\` |`))).toEqual([]);
  });
});
