/**
 * What the CLI needs from its process, passed in rather than reached for, so that only main.ts's
 * `run` touches `process`.
 */
import type { Style } from '../report/style.js';
import { PLAIN } from '../report/style.js';

export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface Io {
  stdin: AsyncIterable<Uint8Array>;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Runs `cleanup` if the user interrupts (Ctrl-C, SIGTERM), after which the process exits 130;
   * returns the function that cancels it. Absent in tests that drive `main` in-process.
   */
  onInterrupt?: ((cleanup: () => void) => () => void) | undefined;
}

/**
 * Colour only on a terminal; NO_COLOR (non-empty) turns it off and FORCE_COLOR turns it on, with
 * FORCE_COLOR winning as it does in Node itself. FORCE_COLOR=0 or false turns it off.
 */
export function colourWanted(stream: OutStream, env: Io['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Width of a report page: the terminal's, within 60–120 columns (longer lines are hard to read); 100 when not on a terminal. */
export function pageWidth(stream: OutStream): number {
  return Math.max(60, Math.min(stream.isTTY ? (stream.columns ?? 100) : 100, 120));
}

/** chalk is loaded only when colour is on, so plain runs (pipes, CI) never pay for it. */
export async function styleFor(stream: OutStream, env: Io['env']): Promise<Style> {
  if (!colourWanted(stream, env)) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}
