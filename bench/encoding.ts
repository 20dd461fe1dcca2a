/**
 * A Windows-1252 inventory against the same rows in UTF-8: the benchmark inventory with every
 * "Bluetooth speaker" title (one row in seven) written as "Señor speaker ™", checked with
 * --encoding windows-1252 and without, to an annotated CSV on disk. Alternating runs, medians.
 * What it measures: decoding every chunk (none is plain ASCII), keeping each row's bytes, and
 * writing them back, against the UTF-8 path (which decodes the same chunks, keeps no bytes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { generateInventory } from './generate.js';
import { fmt, median } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_ENCODING_RUNS ?? process.env.BENCH_BATCH_RUNS ?? 5);
const BIN = join(ROOT, 'bin/recall-check.js');

function timed(args: string[]): { ms: number; code: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, code: r.status, stderr: r.stderr };
}

export async function benchEncoding(): Promise<{ goalMet: boolean }> {
  const source = join(ROOT, `bench/.cache/inventory-v2-${ROWS}.csv`);
  await generateInventory(source, ROWS);
  const utf8 = join(ROOT, `bench/.cache/inventory-accented-${ROWS}.utf8.csv`);
  const cp1252 = join(ROOT, `bench/.cache/inventory-accented-${ROWS}.windows-1252.csv`);
  if (!existsSync(utf8) || !existsSync(cp1252)) {
    const text = readFileSync(source, 'utf8').replaceAll(',Bluetooth speaker,', ',Señor speaker ™,');
    writeFileSync(utf8, text);
    writeFileSync(cp1252, iconv.encode(text, 'windows-1252'));
  }
  const out = join(tmpdir(), `recall-check-bench-enc-${process.pid}.csv`);
  const times = { utf8: [] as number[], cp1252: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [key, args] of [['utf8', [utf8]], ['cp1252', [cp1252, '--encoding', 'windows-1252']]] as const) {
      rmSync(out, { force: true });
      const r = timed(['batch', ...args, '--format', 'csv', '-o', out]);
      if (r.code === 2) throw new Error(`batch ${args.join(' ')} failed:\n${r.stderr}`);
      times[key].push(r.ms);
    }
  }
  rmSync(out, { force: true });
  const u = median(times.utf8);
  const w = median(times.cp1252);
  const ratio = w / u;
  console.log(`\nEncodings: ${ROWS.toLocaleString('en-US')} rows, one accented title in seven (median of ${RUNS} alternating runs, → CSV on disk)`);
  const line = (label: string, ms: number, tail = '') => console.log(`  ${label.padEnd(44)}${fmt(ms / 1000, 2).padStart(6)} s${tail}`);
  line(`UTF-8 (${fmt(statSync(utf8).size / 1e6)} MB)`, u);
  line(`Windows-1252, --encoding (${fmt(statSync(cp1252).size / 1e6)} MB)`, w, `  ${fmt(ratio, 2)}× the UTF-8 time (goal ≤ 1.5×)`);
  return { goalMet: ratio <= 1.5 };
}
