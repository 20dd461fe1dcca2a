/** The README's table of definitions is the data's: a definition added, dropped or changed without the README fails here. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { definitions } from '../helpers/fact-sheet-fixtures.js';

describe('README data table', () => {
  // The other brands have a table of their own, with brand and scope columns (other-brands tests).
  it('lists every Anker definition with its date, countries, models and units', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gmu)].map((m) => m.slice(1).map((c) => c.trim()).join(' | '));
    const expected = definitions().filter((d) => d.id.startsWith('anker-')).map((d) => {
      const units = d.units?.value ?? (d.products.every((p) => p.units) ? d.products.reduce((n, p) => n + p.units!.value, 0) : undefined);
      return [d.id, d.announced?.value ?? '?', d.jurisdictions.value.join(' '), d.products.map((p) => p.model).join(' '), units === undefined ? '?' : units.toLocaleString('en-US')].join(' | ');
    });
    expect(rows.sort()).toEqual(expected.sort());
  });
});
