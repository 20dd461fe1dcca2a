import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Problem, RecallCheckError } from '../../core/errors.js';
import { definitionFilesIn, readDefinitions } from '../../data/definitions.js';
import { BUNDLED_DATA_DIR, loadDataset } from '../../data/load.js';
import { buildManifest, DEFINITION_FILE_NAME, DEFINITION_FILE_NAME_RULE, MANIFEST_FILE } from '../../data/manifest.js';
import { parseJson } from '../../data/parse-json.js';
import type { Manifest, RecallDefinition } from '../../data/schema.js';
import { dataAgeDays, today } from '../data-age.js';
import { EXIT } from '../../results/exit-code.js';
import type { Io } from '../io.js';
import { effectiveOptions } from '../options.js';
import type { Command } from 'commander';

/** Validates in full (schema, references, checksums) and says so; problems are thrown as one data error. */
export async function dataValidateCommand(io: Io, dir: string | undefined): Promise<number> {
  const target = dir === undefined ? BUNDLED_DATA_DIR : resolve(io.cwd, dir);
  const dataset = await loadDataset(target, { validate: true });
  io.stdout.write(`${target}: ${dataset.recalls.length} recall definitions valid (data ${dataset.manifest.datasetVersion}, schema ${dataset.manifest.schemaVersion})\n`);
  return EXIT.ok;
}

/** Validates every definition in the directory, then writes manifest.json with their checksums. */
export async function dataBuildCommand(io: Io, dir: string, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  const target = resolve(io.cwd, dir);
  const names = definitionFilesIn(target);
  if (names === undefined) throw new RecallCheckError('usage', `${target}: no such data directory`);
  if (names.length === 0) throw new RecallCheckError('data', [{ file: target, message: 'the data set is empty: add at least one recall definition (*.json)' }]);
  // A name the manifest may not list would give a data set that validates nowhere.
  const problems: Problem[] = names.filter((n) => !DEFINITION_FILE_NAME.test(n)).map((n) => ({ file: join(target, n), message: DEFINITION_FILE_NAME_RULE }));
  const read = await readDefinitions(target, names.map((path) => ({ path })), 'validate');
  problems.push(...read.problems);
  if (problems.length > 0) throw new RecallCheckError('data', problems, 'Fix these, then run recall-check data build again.');

  const manifestPath = join(target, MANIFEST_FILE);
  let previous: Manifest | undefined;
  try {
    const parsed = parseJson(readFileSync(manifestPath, 'utf8'));
    if (parsed.ok) previous = parsed.value as Manifest;
  } catch {
    previous = undefined;
  }
  const byFile = new Map(read.docs.map((d) => [d.file, d.value as RecallDefinition]));
  const manifest = buildManifest(read.files.map((f) => ({ path: f.path, bytes: f.bytes, recall: byFile.get(f.file) })), previous, today);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  io.stdout.write(`${manifestPath}: ${read.files.length} definition${read.files.length === 1 ? '' : 's'}, data ${manifest.datasetVersion}\n`);
  return EXIT.ok;
}

/** What data set this is: version, date and age, size, and every file's checksum. */
export async function dataInfoCommand(io: Io, cmd: Command): Promise<number> {
  const { options: opts } = await effectiveOptions('data info', cmd, io);
  const target = opts.dataDir === undefined ? BUNDLED_DATA_DIR : resolve(io.cwd, opts.dataDir);
  const dataset = await loadDataset(target, { validate: opts.dataDir !== undefined });
  const m = dataset.manifest;
  const models = new Set(dataset.recalls.flatMap((r) => r.products.map((p) => p.model)));
  const info = {
    dir: target,
    datasetVersion: m.datasetVersion,
    generated: m.generated,
    ageDays: dataAgeDays(m.generated, today(io.env)),
    schemaVersion: m.schemaVersion,
    recalls: dataset.recalls.length,
    models: models.size,
    files: m.files,
  };
  if (opts.json) {
    io.stdout.write(JSON.stringify(info, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [
    `data directory   ${info.dir}`,
    `dataset version  ${info.datasetVersion} (generated ${info.generated}, ${info.ageDays} day${info.ageDays === 1 ? '' : 's'} old)`,
    `schema version   ${info.schemaVersion}`,
    `recalls          ${info.recalls}, covering ${info.models} models`,
    'files (sha256)',
    ...info.files.map((f) => `  ${f.sha256}  ${f.path}`),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
