/**
 * The fact sheets' lists that the data audit needs, as copied into test/fixtures/facts (see its
 * SOURCE.md), parsed once. The suite reads these copies, so it runs on a bare clone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsOf, type Fact, type RecallDefinition } from '../../src/data/schema.js';
import { DATA, ROOT } from './cli.js';

export const FIXTURES = join(ROOT, 'test/fixtures/facts');
/** The sheets themselves, beside the repository in the project workspace; absent on a bare clone. */
export const SHEETS = join(ROOT, '../shared/facts');

/** Lines of a fixture without comments and blank lines. */
export function lines(name: string): string[] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/u, '').trim())
    .filter((l) => l.length > 0);
}

export function tsv(name: string): string[][] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export function definitions(): RecallDefinition[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .map((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')) as RecallDefinition);
}

/** Whether an address is one of the listed unreliable pages: a host (or its sub-domain) or a page. */
export function isUnreliable(url: string, entries: readonly string[]): string | undefined {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./u, '');
  const page = `${host}${u.pathname}${u.search}`;
  return entries.find((e) => (e.includes('/') ? page === e || page.startsWith(e) : host === e || host.endsWith(`.${e}`)));
}

type Node = unknown;

/**
 * The facts a cap's path names in a definition: "products[A1263].colours", "remedies[gift-card]",
 * "products[*].serialRules[never-contains]", "remedies[0]". An object that is not a fact stands for
 * every fact inside it.
 */
export function factsAt(def: RecallDefinition, path: string): Fact<unknown>[] {
  let nodes: Node[] = [def];
  for (const segment of path.split('.')) {
    const m = /^([A-Za-z]+)(?:\[([^\]]+)\])?$/u.exec(segment);
    if (!m) throw new Error(`bad path segment "${segment}" in ${path}`);
    const [, name, sel] = m;
    nodes = nodes.flatMap((n) => {
      const child = (n as Record<string, Node> | undefined)?.[name!];
      if (child === undefined) return [];
      if (sel === undefined) return [child];
      if (!Array.isArray(child)) return [];
      if (sel === '*') return child;
      if (/^\d+$/u.test(sel)) return child[Number(sel)] === undefined ? [] : [child[Number(sel)]];
      return child.filter((e: { model?: string; value?: { kind?: string; rule?: string } }) => e.model === sel || e.value?.kind === sel || e.value?.rule === sel);
    });
  }
  return nodes.flatMap((n) => (Array.isArray(n) ? n : [n])).flatMap((n) => factsOf(n).map((f) => resolve(n, f.path)));
}

function resolve(node: Node, path: (string | number)[]): Fact<unknown> {
  return path.reduce<Node>((n, k) => (n as Record<string | number, Node>)[k], node) as Fact<unknown>;
}
