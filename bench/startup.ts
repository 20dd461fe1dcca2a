/**
 * Start-up cost of a single check, against baselines measured in the same run: `node -e 0` and a
 * Node process that only imports commander.
 *
 * Everything is timed twice: with the environment as it is, and with NODE_EXTRA_CA_CERTS removed.
 * Node reads that certificate file at every start (~30 ms on a machine that sets it), which hides
 * the tool's own cost; most users do not set it, so the goal is judged without it. Runs of every
 * command in both environments are interleaved so that machine noise hits them alike; medians are
 * compared, each against the commander-only baseline of its own environment.
 */
import { join } from 'node:path';
import { fmt, median, timeRun } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 40);
const GOAL = 1.25;

// Another build's bin (e.g. a clone of an earlier commit, built), timed in the same run.
const BASELINE = process.env.BENCH_BASELINE_BIN;
const SINGLE = ['A1263', 'A1B2C3D4E5F6G7H8'];

const COMMANDS: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['node (import commander)', [join(ROOT, 'bench/commander-only.mjs')]],
  ['recall-check A1263 <serial>', [join(ROOT, 'bin/recall-check.js'), ...SINGLE]],
  ['recall-check A1263 <serial> --json', [join(ROOT, 'bin/recall-check.js'), ...SINGLE, '--json']],
  ...(BASELINE ? [['BENCH_BASELINE_BIN A1263 <serial>', [BASELINE, ...SINGLE]] as [string, string[]]] : []),
];
const BASE = 1;
const CHECK = 2;

export function benchStartup(): { goalMet: boolean } {
  const certs = process.env.NODE_EXTRA_CA_CERTS;
  const { NODE_EXTRA_CA_CERTS: _, ...without } = process.env;
  const envs: [string, NodeJS.ProcessEnv][] = [
    [certs ? `NODE_EXTRA_CA_CERTS=${certs} (as set here)` : 'NODE_EXTRA_CA_CERTS not set here: both figures alike', process.env],
    ['NODE_EXTRA_CA_CERTS unset (as most users run it; the goal)', without],
  ];
  const node = process.execPath;
  const times = envs.map(() => COMMANDS.map(() => [] as number[]));
  const round = (record: boolean) =>
    envs.forEach(([, env], e) =>
      COMMANDS.forEach(([, args], c) => {
        const ms = timeRun(node, args, { env });
        if (record) times[e]![c]!.push(ms);
      }),
    );
  for (let i = 0; i < 3; i++) round(false);
  for (let i = 0; i < RUNS; i++) round(true);

  console.log(`\nStart-up (median of ${RUNS} interleaved runs each)`);
  const ratios = envs.map(([label], e) => {
    const medians = times[e]!.map(median);
    console.log(`  ${label}`);
    COMMANDS.forEach(([name], c) => {
      const m = medians[c]!;
      console.log(`    ${name.padEnd(36)} ${fmt(m).padStart(7)} ms   ${fmt(m / medians[0]!, 2)}× node -e 0   ${fmt(m / medians[BASE]!, 2)}× commander-only`);
    });
    return medians[CHECK]! / medians[BASE]!;
  });
  const [withCerts, withoutCerts] = ratios as [number, number];
  const goalMet = withoutCerts <= GOAL;
  console.log(`  single check / commander-only: ${fmt(withCerts, 3)}× with NODE_EXTRA_CA_CERTS as set, ${fmt(withoutCerts, 3)}× unset`);
  console.log(`  goal: ≤ ${GOAL}× commander-only with NODE_EXTRA_CA_CERTS unset → ${goalMet ? 'MET' : 'NOT MET'}`);
  return { goalMet };
}
