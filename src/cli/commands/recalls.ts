import { RecallCheckError } from '../../core/errors.js';
import { check } from '../../core/match.js';
import { normaliseModel } from '../../core/normalise.js';
import { reasonMessage } from '../../core/messages.js';
import type { RecallDefinition } from '../../data/schema.js';
import { loadRecallData } from '../../recall-data.js';
import { formatCount, formatDate, stripControl } from '../../report/format.js';
import { renderRecall } from '../../report/recall-page.js';
import type { Command } from 'commander';
import { EXIT } from '../../results/exit-code.js';
import { effectiveOptions } from '../options.js';
import { type Io, pageWidth, styleFor } from '../io.js';

/** The recall data as the check would see it: bundled or --data-dir, plus the extra directories (flag, environment or configuration). */
const dataFor = (options: { dataDir: string | undefined; dataDirs: string[] }) => loadRecallData({ dataDir: options.dataDir, extraDirs: options.dataDirs });

function models(r: RecallDefinition): string[] {
  return r.products.map((p) => p.model);
}

function summary(r: RecallDefinition) {
  const units = r.units?.value ?? (r.products.every((p) => p.units) ? r.products.reduce((n, p) => n + p.units!.value, 0) : undefined);
  return {
    id: r.id,
    group: r.group ?? null,
    brand: r.brand,
    title: r.title.value,
    announced: r.announced?.value ?? null,
    jurisdictions: r.jurisdictions.value,
    models: models(r),
    units: units ?? null,
    checkerUrl: r.checkerUrl?.value ?? null,
    // Per model: its own checker where it has one (R4 US: one for A3102, one for A3302), else the recall's.
    checkerUrls: Object.fromEntries(r.products.map((p) => [p.model, (p.checkerUrl ?? r.checkerUrl)?.value ?? null])),
  };
}

export async function listCommand(io: Io, cmd: Command): Promise<number> {
  const { options: opts } = await effectiveOptions('list', cmd, io);
  const country = opts.country;
  const model = opts.model === undefined ? undefined : normaliseModel(opts.model).value;
  const data = await dataFor(opts);
  const byModel = model === undefined ? undefined : new Set(data.lookup(model).map((e) => e.recall.id));
  const recalls = data.recalls
    .filter((r) => !country || r.jurisdictions.value.includes(country) || r.jurisdictions.value.includes('WORLDWIDE'))
    .filter((r) => !opts.brand || r.brand.toLowerCase() === opts.brand.trim().toLowerCase())
    .filter((r) => !byModel || byModel.has(r.id))
    .sort((a, b) => {
      // Newest first; a recall whose date no source gives comes last.
      const x = a.announced?.value ?? '';
      const y = b.announced?.value ?? '';
      return x < y ? 1 : x > y ? -1 : a.id.localeCompare(b.id);
    });
  if (opts.json) {
    io.stdout.write(JSON.stringify({ schemaVersion: 1, data: { version: data.manifest.datasetVersion }, recalls: recalls.map(summary) }, null, 2) + '\n');
    return EXIT.ok;
  }
  const style = await styleFor(io.stdout, io.env);
  const rows = recalls.map((r) => {
    const s = summary(r);
    return [s.id, s.announced === null ? '?' : formatDate(s.announced), s.jurisdictions.join(' '), s.brand, s.models.join(' '), s.units === null ? '?' : formatCount(s.units)];
  });
  const head = ['ID', 'ANNOUNCED', 'WHERE', 'BRAND', 'MODELS', 'UNITS'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  io.stdout.write(style.bold(line(head)) + '\n' + rows.map(line).join('\n') + (rows.length ? '\n' : ''));
  if (rows.length === 0) io.stderr.write('recall-check: no recall matches these filters\n');
  return EXIT.ok;
}

export async function showCommand(io: Io, what: string, cmd: Command): Promise<number> {
  const { options: opts } = await effectiveOptions('show', cmd, io);
  const data = await dataFor(opts);
  const byId = data.recalls.find((r) => r.id === what.trim().toLowerCase());
  // A model is read exactly as a check reads it: found in text, as a possible SKU, or with a hint.
  const asModel = byId ? undefined : check(data, { model: what });
  const pages: { recall: RecallDefinition; products: RecallDefinition['products'] }[] = byId
    ? [{ recall: byId, products: byId.products }]
    : asModel!.matches.map((m) => ({ recall: m.recall, products: [m.product] }));
  if (pages.length === 0) {
    // Nothing to show is an input error (exit 2), never an answer that reads as a clearance.
    const hints = asModel!.reasons.filter((r) => r.code !== 'model-not-in-data').map(reasonMessage);
    const message = `no recall id or model "${stripControl(what)}" in data ${data.manifest.datasetVersion}. This is not a safety clearance. See recall-check list.`;
    if (!opts.json) throw new RecallCheckError('input', message, hints.length ? hints.join('\n') : undefined);
    io.stdout.write(JSON.stringify({ schemaVersion: 1, data: { version: data.manifest.datasetVersion }, recalls: [], message, hints }, null, 2) + '\n');
    return EXIT.error;
  }
  const readAs = asModel?.reasons.filter((r) => r.code === 'model-extra-text' || r.code === 'possible-sku' || r.code === 'model-non-ascii').map(reasonMessage) ?? [];
  if (opts.json) {
    io.stdout.write(JSON.stringify({ schemaVersion: 1, data: { version: data.manifest.datasetVersion }, recalls: pages.map((p) => p.recall) }, null, 2) + '\n');
    return EXIT.ok;
  }
  const style = await styleFor(io.stdout, io.env);
  const width = pageWidth(io.stdout);
  // Other recalls of the models on the page (not of every model the recall covers), in other
  // countries or years.
  const alsoIn = (r: RecallDefinition, products: RecallDefinition['products']) => {
    const others = new Map<string, RecallDefinition>();
    for (const p of products) for (const e of data.lookup(p.model)) if (e.recall.id !== r.id) others.set(e.recall.id, e.recall);
    return [...others.values()];
  };
  const head = readAs.map((m) => `${m}\n\n`).join('');
  io.stdout.write(head + pages.map((p) => renderRecall(p.recall, p.products, { style, width }, undefined, alsoIn(p.recall, p.products))).join('\n\n') + '\n');
  return EXIT.ok;
}
