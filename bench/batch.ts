/**
 * Batch throughput and memory on a 1,000,000-row inventory, against a bare papaparse parse of the
 * same file in the same run. Each is a fresh process, run alternately; medians are compared. A
 * plain papaparse parse → unparse pipeline is timed beside them for reference: what reading and
 * re-writing the file costs here before anything is checked. JSON and NDJSON are timed in the same
 * rounds and compared with the CSV run; peak memory is measured on a 5,000,000-row file, where
 * anything that grows with the input shows. The same rows as an .xlsx workbook are timed against
 * the CSV in the same rounds (time and peak RSS, CSV output for both).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInventory, generateWorkbook } from './generate.js';
import { fmt, median } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 5);
// Another build's bin (e.g. a clone of an earlier commit, built), timed on the same file in the same run.
const BASELINE = process.env.BENCH_BASELINE_BIN;
const RSS_ROWS = Number(process.env.BENCH_RSS_ROWS ?? 5_000_000);
const RSS_RUNS = Number(process.env.BENCH_RSS_RUNS ?? 1);
const FORMATS = ['csv', 'ndjson', 'json'] as const;
const BIN = join(ROOT, 'bin/recall-check.js');
// A workbook run takes about ten times a CSV run: fewer rounds by default.
const XLSX_RUNS = Number(process.env.BENCH_XLSX_RUNS ?? 1);

function timed(args: string[], env: Record<string, string> = {}): { ms: number; code: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, code: r.status, stderr: r.stderr };
}

export async function benchBatch(): Promise<{ goalMet: boolean }> {
  const file = join(ROOT, `bench/.cache/inventory-v2-${ROWS}.csv`);
  await generateInventory(file, ROWS);
  const mb = statSync(file).size / 1e6;
  const out = join(tmpdir(), `recall-check-bench-${process.pid}.csv`);
  const rssFile = join(tmpdir(), `recall-check-bench-${process.pid}.rss`);

  const bare: number[] = [];
  const pipeline: number[] = [];
  const full: number[] = [];
  const modelOnly: number[] = [];
  const baseline: number[] = [];
  const rss: number[] = [];
  const jsonTimes = { ndjson: [] as number[], json: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // Each writer starts with no output file, so no run pays for deleting the previous one's.
    rmSync(out, { force: true });
    bare.push(timed([join(ROOT, 'bench/bare-parse.mjs'), file]).ms);
    pipeline.push(timed([join(ROOT, 'bench/papaparse-pipeline.mjs'), file, out]).ms);
    rmSync(out, { force: true });
    const r = timed(['--import', join(ROOT, 'bench/max-rss.mjs'), join(ROOT, 'bin/recall-check.js'), 'batch', file, '--format', 'csv', '-o', out], { RECALL_CHECK_BENCH_RSS_FILE: rssFile });
    if (r.code === 2) throw new Error(`batch run failed:\n${r.stderr}`);
    full.push(r.ms);
    rss.push(Number(readFileSync(rssFile, 'utf8')));
    rmSync(out, { force: true });
    // The cost of searching the descriptive columns (title, sku): the same run with the search
    // limited to the numeric qty column, which never starts a model code.
    modelOnly.push(timed([join(ROOT, 'bin/recall-check.js'), 'batch', file, '--format', 'csv', '-o', out, '--scan-columns', 'qty']).ms);
    for (const format of ['ndjson', 'json'] as const) {
      rmSync(out, { force: true });
      const j = timed([BIN, 'batch', file, '--format', format, '-o', out]);
      if (j.code === 2) throw new Error(`batch --format ${format} failed:\n${j.stderr}`);
      jsonTimes[format].push(j.ms);
    }
    if (BASELINE) {
      rmSync(out, { force: true });
      baseline.push(timed([BASELINE, 'batch', file, '--format', 'csv', '-o', out]).ms);
    }
  }
  rmSync(out, { force: true });

  // The same rows as a workbook, each run beside a CSV run of the same rows, both with their peak RSS.
  const book = join(ROOT, `bench/.cache/inventory-v2-${ROWS}.xlsx`);
  await generateWorkbook(file, book);
  const xlsx = { ms: [] as number[], rss: [] as number[], csvMs: [] as number[], csvRss: [] as number[], outMs: [] as number[], outRss: [] as number[] };
  for (let i = 0; i < XLSX_RUNS; i++) {
    // Reading a workbook, reading the CSV, and writing the CSV's rows as a workbook (--format xlsx).
    for (const [input, format, ms, peak] of [[book, 'csv', xlsx.ms, xlsx.rss], [file, 'csv', xlsx.csvMs, xlsx.csvRss], [file, 'xlsx', xlsx.outMs, xlsx.outRss]] as const) {
      rmSync(out, { force: true });
      const r = timed(['--import', join(ROOT, 'bench/max-rss.mjs'), BIN, 'batch', input, '--format', format, '-o', out], { RECALL_CHECK_BENCH_RSS_FILE: rssFile });
      if (r.code === 2) throw new Error(`batch ${input} failed:\n${r.stderr}`);
      ms.push(r.ms);
      peak.push(Number(readFileSync(rssFile, 'utf8')));
    }
  }
  rmSync(out, { force: true });

  // Peak memory on a file five times larger, for every streamed format: what a run holds should
  // not grow with the input.
  const bigFile = join(ROOT, `bench/.cache/inventory-v2-${RSS_ROWS}.csv`);
  await generateInventory(bigFile, RSS_ROWS);
  const bigRss = { csv: [] as number[], ndjson: [] as number[], json: [] as number[] };
  for (let i = 0; i < RSS_RUNS; i++) {
    for (const format of FORMATS) {
      rmSync(out, { force: true });
      const r = timed(['--import', join(ROOT, 'bench/max-rss.mjs'), BIN, 'batch', bigFile, '--format', format, '-o', out], { RECALL_CHECK_BENCH_RSS_FILE: rssFile });
      if (r.code === 2) throw new Error(`batch --format ${format} failed:\n${r.stderr}`);
      bigRss[format].push(Number(readFileSync(rssFile, 'utf8')));
    }
  }
  rmSync(out, { force: true });
  rmSync(rssFile, { force: true });

  const bareMs = median(bare);
  const fullMs = median(full);
  const ratio = bareMs / fullMs;
  // The median run's peak: on a shared machine a run starved of CPU promotes more to the old
  // generation and peaks higher, whatever the code; the worst run is printed beside it.
  const peak = median(rss) / 2 ** 20;
  const worst = Math.max(...rss) / 2 ** 20;
  const line = (label: string, ms: number) =>
    console.log(`  ${label.padEnd(42)}${fmt(ms / 1000, 2).padStart(6)} s ${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US').padStart(11)} rows/s ${fmt(bareMs / ms, 2).padStart(6)}×`);
  console.log(`\nBatch: ${ROWS.toLocaleString('en-US')} rows, ${fmt(mb)} MB (median of ${RUNS} alternating runs, process start-up included)`);
  line('bare papaparse parse (the baseline)', bareMs);
  line('papaparse parse → unparse → disk, no check', median(pipeline));
  line('recall-check batch → CSV on disk', fullMs);
  line('  the same, descriptive columns not searched', median(modelOnly));
  console.log(`  searching the descriptive columns (title, sku) costs ${fmt((fullMs / median(modelOnly) - 1) * 100, 1)}% of the batch time`);
  if (BASELINE) {
    line('  the baseline build (BENCH_BASELINE_BIN)', median(baseline));
    console.log(`  this build takes ${fmt(fullMs / median(baseline), 3)}× the baseline build's time`);
  }
  console.log(`  throughput ratio ${fmt(ratio, 2)}× the bare parse (goal ≥ 0.6×); peak RSS ${fmt(peak, 0)} MB, worst run ${fmt(worst, 0)} MB`);
  const jsonRatios = (['ndjson', 'json'] as const).map((format) => {
    const ms = median(jsonTimes[format]);
    line(`recall-check batch → ${format.toUpperCase()} on disk`, ms);
    return [format, ms / fullMs] as const;
  });
  console.log(`  time against the CSV run: ${jsonRatios.map(([f, r]) => `${f} ${fmt(r, 2)}×`).join(', ')} (goal ≤ 1.5×)`);
  const xlsxMs = median(xlsx.ms);
  console.log(`\nWorkbook: the same ${ROWS.toLocaleString('en-US')} rows as .xlsx, ${fmt(statSync(book).size / 1e6)} MB (median of ${XLSX_RUNS}, each beside a CSV run)`);
  line('batch of the .xlsx → CSV on disk', xlsxMs);
  line('batch of the .csv → CSV on disk', median(xlsx.csvMs));
  console.log(`  the workbook takes ${fmt(xlsxMs / median(xlsx.csvMs), 1)}× the CSV's time; peak RSS ${fmt(median(xlsx.rss) / 2 ** 20, 0)} MB against ${fmt(median(xlsx.csvRss) / 2 ** 20, 0)} MB`);
  line('batch of the .csv → --format xlsx on disk', median(xlsx.outMs));
  console.log(`  writing a workbook: peak RSS ${fmt(median(xlsx.outRss) / 2 ** 20, 0)} MB`);
  const bigPeaks = FORMATS.map((format) => [format, median(bigRss[format]) / 2 ** 20] as const);
  console.log(`  peak RSS at ${RSS_ROWS.toLocaleString('en-US')} rows (median of ${RSS_RUNS}): ${bigPeaks.map(([f, mb]) => `${f} ${fmt(mb, 0)} MB`).join(', ')} (goal ≤ 128 MB)`);
  const goalMet = ratio >= 0.6 && peak <= 128 && jsonRatios.every(([, r]) => r <= 1.5) && bigPeaks.every(([, mb]) => mb <= 128);
  console.log(`  goals ${goalMet ? 'MET' : 'NOT MET'}`);
  return { goalMet };
}
