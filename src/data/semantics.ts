/**
 * Checks that span facts, products or files, beyond what the schema can say about one value.
 * Each returns problems with the file and JSON path; none throws.
 */
import type { Problem } from '../core/errors.js';
import { jsonPath } from '../core/errors.js';
import { inRange } from '../core/match.js';
import { factsOf, type RecallDefinition } from './schema.js';

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
      if (sold && before(recall.announced.value, sold.from)) add(file, ['announced'], `the recall was announced (${recall.announced.value}) before the units were sold (${sold.from})`);
    }

    const seen = new Map<string, number>();
    recall.products.forEach((p, i) => {
      const first = seen.get(p.model);
      if (first !== undefined) add(file, ['products', i, 'model'], `model ${p.model} is declared twice in this definition (also products[${first}]): merge them`);
      else seen.set(p.model, i);
      const s = p.scope.value;
      if (s.kind !== 'serial-ranges') return;
      // A published range that breaks the product's own serial rules would be excluded by them.
      for (const rule of (p.serialRules ?? []).map((r) => r.value)) {
        s.ranges.forEach((r, j) => {
          const path = ['products', i, 'scope', 'value', 'ranges', j];
          if (rule.rule === 'length' && r.first.length !== rule.length) add(file, path, `range ${r.first} to ${r.last} breaks the product's ${rule.length}-character serial rule`);
          if (rule.rule === 'prefix' && !(r.first.startsWith(rule.prefix) && r.last.startsWith(rule.prefix))) add(file, path, `range ${r.first} to ${r.last} breaks the product's "${rule.prefix}" prefix rule`);
          if (rule.rule === 'never-contains' && rule.characters.some((c) => r.first.includes(c) || r.last.includes(c))) add(file, path, `range ${r.first} to ${r.last} contains a character the product's serials never use`);
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

  // A SKU names a variant of one model, everywhere: declared for two models, or equal to another
  // product's model, the catalog could not tell which recalls it belongs to.
  const models = new Set(defs.flatMap(({ recall }) => recall.products.map((p) => p.model)));
  const skuModel = new Map<string, { model: string; file: string }>();
  for (const { file, recall } of defs) {
    recall.products.forEach((p, i) => {
      (p.skus?.value ?? []).forEach((sku, j) => {
        const path = ['products', i, 'skus', 'value', j];
        if (sku !== p.model && models.has(sku)) add(file, path, `SKU ${sku} of model ${p.model} is also the model code of another product`);
        const other = skuModel.get(sku);
        if (other && other.model !== p.model) add(file, path, `SKU ${sku} is declared for model ${p.model} here and for model ${other.model} in ${other.file}`);
        else skuModel.set(sku, { model: p.model, file });
      });
    });
  }

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

function rulesOf(p: RecallDefinition['products'][number]) {
  return { scope: p.scope.value, rules: (p.serialRules ?? []).map((r) => r.value) };
}
