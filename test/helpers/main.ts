/**
 * The CLI driven in-process through `main(args, io)`: the same program as the bin, with its streams,
 * environment and working directory handed in, and no process to start. For the process contract
 * itself (exit status, pipes, signals, packaging), tests spawn the bin (./cli.ts).
 */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliResult } from './cli.js';
import { ROOT } from './cli.js';

class Capture extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(readonly isTTY: boolean, readonly columns: number | undefined) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface MainOptions {
  env?: Record<string, string>;
  input?: string | Buffer;
  cwd?: string;
  /** Pretend stdout is a terminal of this many columns. */
  tty?: number;
}

/** Runs `recall-check <args>` in-process with a clean environment (no colour, CI or RECALL_CHECK_ variables unless given). */
export async function runMain(args: string[], opts: MainOptions = {}): Promise<CliResult> {
  const stdout = new Capture(opts.tty !== undefined, opts.tty);
  const stderr = new Capture(false, undefined);
  const env: Record<string, string | undefined> = { TZ: process.env.TZ, HOME: process.env.HOME, PATH: process.env.PATH, ...opts.env };
  const code = await main(args, {
    stdin: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
    stdout,
    stderr,
    env,
    cwd: opts.cwd ?? ROOT,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
