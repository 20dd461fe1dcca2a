/**
 * The bundled data against the fact sheets it is built from (the "Done when" of the data issue):
 *
 * - Confidence: a fact is never surer than the sheet. The sheet gives a confidence per row, not per
 *   data field, so test/fixtures/facts/confidence-caps.tsv maps the rows that can be mapped to a
 *   definition's fact, with the highest confidence the row allows ("medium"), or "absent" where the
 *   row is low or unknown and the fact must not be in the data at all. A fact copied from a medium
 *   row and marked high, or a low fact taken in, fails here.
 * - Sources: no reference is a page either sheet lists as unreliable (anker-recalls.md C-11 and
 *   addendum; powerbank-recalls.md §U with the §A additions), and every reference is an address
 *   the sheets name (or one in extra-urls.txt, found by search where a sheet names only the site).
 *   A made-up or mistyped address fails.
 * - Coverage: every recall and jurisdiction of both sheets is defined (a definition of its group
 *   lists the jurisdiction) or named in the README's "Not defined, and why"; and no README entry
 *   names a pair that is defined. Other brands' pairs still being defined elsewhere are listed in
 *   pending-other-brands.txt and show as to-dos; that list must end empty.
 *
 * The lists are copies of the sheets (test/fixtures/facts/SOURCE.md); fact-sheet-fixtures.test.ts
 * checks the copies against the sheets whenever the sheets are beside the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers/cli.js';
import { definitions, factsAt, isUnreliable, lines, tsv } from '../helpers/fact-sheet-fixtures.js';

const defs = definitions();
const byId = new Map(defs.map((d) => [d.id, d]));

describe('no fact is surer than the fact sheet', () => {
  for (const [id, path, max, row] of tsv('confidence-caps.tsv')) {
    it(`${id} ${path}: ${max} (${row})`, () => {
      const def = byId.get(id!);
      expect(def, `no definition ${id}`).toBeDefined();
      const found = factsAt(def!, path!);
      if (max === 'absent') {
        expect(found, `${id} ${path} is low or unknown in the sheet and must not be in the data`).toEqual([]);
        return;
      }
      expect(found.length, `${id} ${path} names no fact: fix the path or the cap`).toBeGreaterThan(0);
      for (const f of found) expect(f.confidence, `${id} ${path}: ${JSON.stringify(f.value)}`).toBe('medium');
    });
  }

  it('the caps name only definitions that exist, so a renamed definition is not silently unchecked', () => {
    const missing = [...new Set(tsv('confidence-caps.tsv').map((r) => r[0]!))].filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });
});

describe('every source is one the sheets name, and none is a page they call unreliable', () => {
  const unreliable = lines('unreliable-pages.txt');
  const known = new Set([...lines('sheet-urls.txt'), ...lines('extra-urls.txt')]);
  const refs = defs.flatMap((d) => d.references.map((r) => ({ id: d.id, ref: r.id, url: r.url })));

  it('no reference is on either sheet\'s list of unreliable pages', () => {
    expect(refs.filter((r) => isUnreliable(r.url, unreliable)).map((r) => `${r.id} ${r.ref} ${r.url}`)).toEqual([]);
  });

  it('nor is any other address in data/ (notes, contacts, checkers)', () => {
    const text = defs.map((d) => JSON.stringify(d)).join('\n');
    const urls = [...text.matchAll(/https?:\/\/[^\s"\\)]+/gu)].map((m) => m[0]);
    expect(urls.filter((u) => isUnreliable(u, unreliable))).toEqual([]);
  });

  // A host is named on its own or as a sub-domain ("journeyx.fastseoul.com"), never inside a longer name.
  it('nor does any file in data/ name one, even without a scheme', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json'));
    const hits = files.flatMap((f) => {
      const text = readFileSync(join(DATA, f), 'utf8').toLowerCase();
      return unreliable.filter((e) => new RegExp(`(^|[^a-z0-9-])${e.toLowerCase().replace(/[.?*+^$()[\]{}|\\/]/gu, '\\$&')}`, 'u').test(text)).map((e) => `${f}: ${e}`);
    });
    expect(hits).toEqual([]);
  });

  it('every reference is an address the sheets name', () => {
    expect(refs.filter((r) => !known.has(r.url)).map((r) => `${r.id} ${r.ref} ${r.url}`)).toEqual([]);
  });

  it('the matcher of unreliable pages: a listed host, its sub-domains, a listed page; nothing else', () => {
    const list = ['fastseoul.com', 'mediawall.news/?p=11548'];
    expect(isUnreliable('https://journeyx.fastseoul.com/news/1.html', list)).toBe('fastseoul.com');
    expect(isUnreliable('https://www.mediawall.news/?p=11548', list)).toBe('mediawall.news/?p=11548');
    expect(isUnreliable('https://notfastseoul.com/x', list)).toBeUndefined();
    expect(isUnreliable('https://mediawall.news/?p=1', list)).toBeUndefined();
  });
});

describe('every recall and jurisdiction of both sheets is defined or named in the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('### Not defined, and why');
  const section = start === -1 ? '' : readme.slice(start, readme.indexOf('\n#', start + 4) === -1 ? undefined : readme.indexOf('\n#', start + 4));
  const listed = new Set([...section.matchAll(/^- \*\*([A-Z]\d+) · ([A-Z]{2}|WORLDWIDE)\*\*/gmu)].map((m) => `${m[1]} ${m[2]}`));
  const pending = new Set(lines('pending-other-brands.txt'));
  // The group of a recall's definitions, or the id of a definition that has no group.
  const defined = (group: string, j: string) => defs.some((d) => (d.group === group || d.id === group) && d.jurisdictions.value.includes(j));

  it('the README has the section', () => expect(section).not.toBe(''));

  for (const [sheet, recall, j, group] of tsv('recalls-and-jurisdictions.tsv')) {
    const pair = `${recall} ${j}`;
    if (pending.has(pair)) {
      it.todo(`${sheet} ${pair}: defined or listed (pending: definitions of other brands)`);
      continue;
    }
    it(`${sheet} ${pair}: defined or listed, never both`, () => {
      expect(group, `${pair} has no group in recalls-and-jurisdictions.tsv`).not.toBe('?');
      const isDefined = defined(group!, j!);
      expect(isDefined || listed.has(pair), `${pair}: no definition of group ${group} lists ${j}, and the README does not name it`).toBe(true);
      expect(isDefined && listed.has(pair), `${pair} is defined: remove it from the README's "Not defined, and why"`).toBe(false);
    });
  }

  it('the README names no pair the sheets do not have', () => {
    const pairs = new Set(tsv('recalls-and-jurisdictions.tsv').map((r) => `${r[1]} ${r[2]}`));
    expect([...listed].filter((p) => !pairs.has(p))).toEqual([]);
  });

  it('the pending list names only pairs of the sheets', () => {
    const pairs = new Set(tsv('recalls-and-jurisdictions.tsv').map((r) => `${r[1]} ${r[2]}`));
    expect([...pending].filter((p) => !pairs.has(p))).toEqual([]);
  });
});

describe('every product says what it holds', () => {
  // Only where a source says so: a notice whose hazard names the lithium-ion battery. Elsewhere the
  // field stays absent and the advice is worded for a product that may hold one.
  it('battery is given for every product whose notice names its lithium-ion battery', () => {
    const missing = defs.flatMap((d) => (/lithium-ion/iu.test(d.hazard.value) ? d.products.filter((p) => !p.battery).map((p) => `${d.id} ${p.model}`) : []));
    expect(missing).toEqual([]);
  });
  it('every Anker product says what it holds', () => {
    const missing = defs.flatMap((d) => (d.id.startsWith('anker-') ? d.products.filter((p) => !p.battery).map((p) => `${d.id} ${p.model}`) : []));
    expect(missing).toEqual([]);
  });
});
