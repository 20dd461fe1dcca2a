/**
 * Start-up cost of a single check, against baselines measured in the same run: `node -e 0` and a
 * Node process that only imports commander. Runs are interleaved so that machine noise hits every
 * command alike; the medians are compared.
 */
import { join } from 'node:path';
import { fmt, median, timeRun } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 40);

export function benchStartup(): { goalMet: boolean } {
  const node = process.execPath;
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['node (import commander)', [join(ROOT, 'bench/commander-only.mjs')]],
    ['recall-check A1263 <serial>', [join(ROOT, 'bin/recall-check.js'), 'A1263', 'A1B2C3D4E5F6G7H8']],
    ['recall-check A1263 <serial> --json', [join(ROOT, 'bin/recall-check.js'), 'A1263', 'A1B2C3D4E5F6G7H8', '--json']],
  ];
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < 3; i++) for (const [, args] of commands) timeRun(node, args);
  for (let i = 0; i < RUNS; i++) commands.forEach(([, args], j) => times[j]!.push(timeRun(node, args)));

  const medians = times.map(median);
  const base = medians[1]!;
  console.log(`\nStart-up (median of ${RUNS} interleaved runs each)`);
  commands.forEach(([name], j) => {
    console.log(`  ${name.padEnd(36)} ${fmt(medians[j]!).padStart(7)} ms   ${fmt(medians[j]! / medians[0]!, 2)}× node -e 0   ${fmt(medians[j]! / base, 2)}× commander-only`);
  });
  const ratio = medians[2]! / base;
  const goalMet = ratio <= 1.25;
  console.log(`  goal: single check ≤ 1.25× commander-only → ${fmt(ratio, 3)}× ${goalMet ? 'MET' : 'NOT MET'}`);
  return { goalMet };
}
