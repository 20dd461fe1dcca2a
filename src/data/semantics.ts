/**
 * Checks that span facts, products or files, beyond what the schema can say about one value.
 * Each returns problems with the file and JSON path; none throws.
 */
import type { Problem } from '../core/errors.js';
import { jsonPath } from '../core/errors.js';
import { inRange } from '../core/serial-range.js';
import { factsOf, type Product, type RecallDefinition, type SerialRule } from './schema.js';

export interface LoadedDefinition {
  file: string;
  recall: RecallDefinition;
}

/** Partial dates compare at their common precision: 2023-03 is neither before nor after 2023-03-15. */
export function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

export function semanticProblems(defs: readonly LoadedDefinition[]): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, path: (string | number)[], message: string) => problems.push({ file, path: jsonPath(path), message });

  for (const { file, recall } of defs) {
    const used = new Set(factsOf(recall).flatMap((f) => f.refs));
    recall.references.forEach((ref, i) => {
      if (!used.has(ref.id)) add(file, ['references', i], `reference "${ref.id}" is not used by any fact: cite it or remove it`);
    });

    const windows: { path: (string | number)[]; made?: { from: string; to: string } | undefined; sold?: { from: string; to: string } | undefined }[] = [
      { path: [], made: recall.manufactured?.value, sold: recall.sold?.value },
      ...recall.products.map((p, i) => ({ path: ['products', i], made: p.manufactured?.value ?? recall.manufactured?.value, sold: p.sold?.value ?? recall.sold?.value })),
    ];
    for (const { path, made, sold } of windows) {
      if (made && before(made.to, made.from)) add(file, [...path, 'manufactured'], `manufacture window ends (${made.to}) before it starts (${made.from})`);
      if (sold && before(sold.to, sold.from)) add(file, [...path, 'sold'], `sale window ends (${sold.to}) before it starts (${sold.from})`);
      if (made && sold && before(sold.from, made.from)) add(file, [...path, 'sold'], `units were sold (${sold.from}) before they were made (${made.from})`);
      if (sold && recall.announced && before(recall.announced.value, sold.from)) add(file, ['announced'], `the recall was announced (${recall.announced.value}) before the units were sold (${sold.from})`);
    }

    const seen = new Map<string, number>();
    recall.products.forEach((p, i) => {
      const first = seen.get(p.model);
      if (first !== undefined) add(file, ['products', i, 'model'], `model ${p.model} is declared twice in this definition (also products[${first}]): merge them`);
      else seen.set(p.model, i);
      const s = p.scope.value;
      scopeProblems(p, (path, message) => add(file, ['products', i, ...path], message));
      if (s.kind !== 'serial-ranges') return;
      // A published range that breaks the product's own serial rules would be excluded by them.
      for (const rule of (p.serialRules ?? []).map((r) => r.value)) {
        s.ranges.forEach((r, j) => {
          const broken = ruleBroken(rule, r.first) ?? ruleBroken(rule, r.last);
          if (broken) add(file, ['products', i, 'scope', 'value', 'ranges', j], `range ${r.first} to ${r.last} ${broken}`);
        });
      }
      s.ranges.forEach((a, j) => {
        s.ranges.forEach((b, k) => {
          if (k <= j) return;
          if (inRange(b.first, a.first, a.last) || inRange(a.first, b.first, b.last)) {
            add(file, ['products', i, 'scope', 'value', 'ranges', k], `range ${b.first} to ${b.last} overlaps ${a.first} to ${a.last}`);
          }
        });
      });
    });
  }

  // Two models of one recall may share one published list (one table row names both), but lists
  // that only partly overlap mean a value was copied into the wrong one.
  for (const { file, recall } of defs) {
    const lists: { model: string; serials: Set<string> }[] = [];
    recall.products.forEach((p, i) => {
      const s = p.scope.value;
      if (s.kind !== 'serial-list') return;
      const mine = new Set(s.serials);
      for (const other of lists) {
        const same = other.serials.size === mine.size && [...mine].every((x) => other.serials.has(x));
        if (same) continue;
        s.serials.forEach((serial, j) => {
          if (other.serials.has(serial)) add(file, ['products', i, 'scope', 'value', 'serials', j], `serial ${serial} is listed for model ${p.model} and for model ${other.model}, whose lists differ`);
        });
      }
      lists.push({ model: p.model, serials: mine });
    });
  }

  /**
   * An alias or a SKU stands for one model in the whole data set, or the catalog could not tell
   * which recalls it belongs to; `also` is what else is wrong with the code, if anything.
   */
  const oneModelEach = (what: 'alias' | 'SKU', field: 'aliases' | 'skus', also: (code: string, p: Product) => string | undefined) => {
    const byCode = new Map<string, { model: string; file: string }>();
    for (const { file, recall } of defs) {
      recall.products.forEach((p, i) => {
        (p[field]?.value ?? []).forEach((code, j) => {
          const path = ['products', i, field, 'value', j];
          const problem = also(code, p);
          if (problem) add(file, path, problem);
          const other = byCode.get(code);
          if (other && other.model !== p.model) add(file, path, `${what} ${code} is declared for model ${p.model} here and for model ${other.model} in ${other.file}`);
          else byCode.set(code, { model: p.model, file });
        });
      });
    }
  };

  // An alias must not be a code that is printed on some product.
  const printed = new Map<string, string>();
  for (const { recall } of defs) for (const p of recall.products) for (const code of [p.model, ...(p.skus?.value ?? [])]) printed.set(code, p.model);
  oneModelEach('alias', 'aliases', (alias, p) =>
    printed.has(alias) ? `alias ${alias} of model ${p.model} is also the model or SKU code of ${printed.get(alias)}: an alias names a code no product carries` : undefined,
  );

  // A link must lead to a definition of this data set.
  const ids = new Set(defs.map(({ recall }) => recall.id));
  for (const { file, recall } of defs) {
    (recall.related ?? []).forEach((link, i) => {
      if (link.id === recall.id) add(file, ['related', i, 'id'], 'a definition cannot be related to itself');
      else if (!ids.has(link.id)) add(file, ['related', i, 'id'], `no definition "${link.id}" in this data set: fix the id or remove the link`);
    });
  }

  // A SKU names a variant of one model: equal to another product's model, the catalog could not
  // tell which recalls it belongs to.
  const models = new Set(defs.flatMap(({ recall }) => recall.products.map((p) => p.model)));
  oneModelEach('SKU', 'skus', (sku, p) => (sku !== p.model && models.has(sku) ? `SKU ${sku} of model ${p.model} is also the model code of another product` : undefined));

  // One recall event (a group) must not say two different things about one model in one country.
  const byKey = new Map<string, { file: string; recall: RecallDefinition; index: number }>();
  for (const { file, recall } of defs) {
    if (!recall.group) continue;
    recall.products.forEach((p, index) => {
      for (const country of recall.jurisdictions.value) {
        if (country === 'WORLDWIDE') continue;
        const key = `${recall.group}|${p.model}|${country}`;
        const other = byKey.get(key);
        if (!other) {
          byKey.set(key, { file, recall, index });
          continue;
        }
        const q = other.recall.products[other.index]!;
        if (JSON.stringify(rulesOf(q)) !== JSON.stringify(rulesOf(p))) {
          add(file, ['products', index], `model ${p.model} in ${country} is also declared by ${other.recall.id} (same group "${recall.group}") with different unit-scope rules`);
        }
      }
    });
  }
  return problems;
}

type Add = (path: (string | number)[], message: string) => void;

/** The new scope kinds' own consistency, and their agreement with the product's serial rules. */
function scopeProblems(p: RecallDefinition['products'][number], add: Add): void {
  const s = p.scope.value;
  const at = (...rest: (string | number)[]) => ['scope', 'value', ...rest];
  const rules = (p.serialRules ?? []).map((r) => r.value);
  const duplicates = (values: readonly string[], field: string, what: string) => {
    const seen = new Set<string>();
    values.forEach((v, j) => {
      if (seen.has(v)) add(at(field, j), `${what} ${v} is listed twice`);
      seen.add(v);
    });
  };
  /** A value the scope names as recalled must not break a serial rule of the same product. */
  const fitsRules = (value: string, path: (string | number)[]) => {
    for (const rule of rules) {
      const broken = ruleBroken(rule, value);
      if (broken) add(path, `serial ${value} ${broken}`);
    }
  };
  switch (s.kind) {
    case 'serial-prefix':
      if (s.length !== undefined && s.prefix.length >= s.length) add(at('prefix'), `the prefix "${s.prefix}" is ${s.prefix.length} characters, not shorter than the serial length ${s.length}: list the serials instead`);
      for (const rule of rules) {
        if (rule.rule === 'length' && s.length !== undefined && rule.length !== s.length) add(at('length'), `the scope's ${s.length}-character serials contradict the product's ${rule.length}-character serial rule`);
        if (rule.rule === 'prefix' && !s.prefix.startsWith(rule.prefix) && !rule.prefix.startsWith(s.prefix)) add(at('prefix'), `the scope's prefix "${s.prefix}" contradicts the product's "${rule.prefix}" prefix rule`);
        if (rule.rule === 'never-contains' && rule.characters.some((c) => s.prefix.includes(c))) add(at('prefix'), `the prefix "${s.prefix}" contains a character the product's serials never use`);
      }
      break;
    case 'serial-list':
      duplicates(s.serials, 'serials', 'serial');
      s.serials.forEach((v, j) => fitsRules(v, at('serials', j)));
      break;
    case 'marking-list':
      duplicates(s.values, 'values', s.marking);
      if (s.values.length === 0 && s.otherValues === 'unstated' && s.unmarked === 'unstated') add(at(), 'this marking list decides no unit: list the recalled values, or say what an unmarked or other unit is');
      break;
    case 'serial-last-character':
      duplicates(s.recalled, 'recalled', 'last character');
      break;
    case 'batch-and-date':
      duplicates(s.batches, 'batches', 'batch');
      s.made.forEach((w, j) => {
        if (before(w.to, w.from)) add(at('made', j), `manufacture window ends (${w.to}) before it starts (${w.from})`);
      });
      break;
  }
}

/** How a serial breaks one of its product's serial rules, worded to follow the serial; undefined if it does not. */
function ruleBroken(rule: SerialRule, serial: string): string | undefined {
  switch (rule.rule) {
    case 'length':
      return serial.length !== rule.length ? `breaks the product's ${rule.length}-character serial rule` : undefined;
    case 'prefix':
      return serial.startsWith(rule.prefix) ? undefined : `breaks the product's "${rule.prefix}" prefix rule`;
    case 'never-contains':
      return rule.characters.some((c) => serial.includes(c)) ? "contains a character the product's serials never use" : undefined;
  }
}

function rulesOf(p: RecallDefinition['products'][number]) {
  return { scope: p.scope.value, rules: (p.serialRules ?? []).map((r) => r.value) };
}
