/**
 * A progress line on stderr for long batch runs: only on a terminal, only after the first second,
 * redrawn at most ten times a second, and erased at the end so it never mixes with the summary.
 */
import { formatCount } from '../report/format.js';
import type { OutStream } from './io.js';

export interface Progress {
  update(rows: number, bytes: number): void;
  done(): void;
}

const QUIET: Progress = { update() {}, done() {} };

export function progress(stderr: OutStream, totalBytes: number | undefined, now: () => number = Date.now): Progress {
  if (!stderr.isTTY) return QUIET;
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(rows, bytes) {
      const t = now();
      if (t - start < 1000 || t - last < 100) return;
      last = t;
      shown = true;
      const rate = Math.round(rows / ((t - start) / 1000));
      const pct = totalBytes ? ` · ${Math.min(100, Math.floor((bytes / totalBytes) * 100))}%` : '';
      stderr.write(`\r\u001b[2K  ${formatCount(rows)} rows · ${formatCount(rate)} rows/s${pct}`);
    },
    done() {
      if (shown) stderr.write('\r\u001b[2K');
    },
  };
}
