import { spawnSync } from 'node:child_process';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall time of one process run, in milliseconds. */
export function timeRun(cmd: string, args: string[], opts: { stdio?: 'ignore' | 'pipe'; env?: NodeJS.ProcessEnv } = {}): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: opts.stdio ?? 'ignore', env: opts.env ?? process.env });
  const t1 = process.hrtime.bigint();
  if (r.error) throw r.error;
  return Number(t1 - t0) / 1e6;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
