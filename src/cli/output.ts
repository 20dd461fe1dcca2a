/**
 * Where a report goes. Standard output ends quietly when the reader goes away (`| head`); a regular
 * file given with -o is written to a temporary file beside it and renamed into place only when the
 * run completes, so the final name never holds half a report. A FIFO, a device or /dev/stdout is
 * written directly (see output-target.ts).
 */
import { once } from 'node:events';
import { createWriteStream, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { RecallCheckError } from '../core/errors.js';
import type { OutStream } from './io.js';
import { outputTarget } from './output-target.js';

export interface Output {
  /** Strings are written as UTF-8. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** True once the reader has gone away: stop producing output. */
  readonly closed: boolean;
  /** The run is complete: flush and, for a file, move it into place. */
  finish(): Promise<void>;
  /** The run failed or was interrupted: for a file, remove the temporary file. */
  abort(): void;
  /** True when an aborted run leaves nothing under the output's name (a regular file); false when what was written is already with the reader (a FIFO, a device, stdout). */
  readonly atomic: boolean;
}

type Writable = OutStream & NodeJS.EventEmitter;

export function streamOutput(stream: Writable): Output {
  let closed = false;
  // The reader went away, or the stream cannot be written (a full disk): stop writing. Which it
  // was is said once, by the process's own handler (src/cli/main.ts); the run ends incomplete.
  stream.on('error', () => {
    closed = true;
  });
  return {
    get closed() {
      return closed;
    },
    async write(chunk) {
      if (closed || chunk.length === 0) return;
      if (!stream.write(chunk)) await drainedOrGone(stream);
    },
    atomic: false,
    async finish() {},
    abort() {},
  };
}

/**
 * `streams` are the process's own descriptors the CLI already writes through (1 and 2): -o
 * /dev/stdout goes there, as if no -o had been given, also when stdout is a socket that cannot be
 * opened by name.
 */
export function fileOutput(path: string, cwd: string, inputPath: string | undefined, streams: Partial<Record<number, Writable>> = {}): Output {
  const target = resolve(cwd, path);
  if (inputPath !== undefined && sameFile(target, resolve(cwd, inputPath))) {
    throw new RecallCheckError('usage', `-o ${path} is the input file: recall-check never overwrites its input. Choose another output name.`);
  }
  const where = outputTarget(target);
  if (where.kind === 'replace') return replacingOutput(where.file);
  const held = where.kind === 'descriptor' ? streams[where.fd] : undefined;
  return held ? streamOutput(held) : directOutput(where.file, where.kind === 'direct' ? where.append : true);
}

/** A regular file: written under a temporary name beside it, renamed into place at the end. */
function replacingOutput(target: string): Output {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // A deep buffer lets the disk write one batch while the next is being checked.
  const stream = createWriteStream(temp, { flags: 'wx', highWaterMark: 1 << 20 });
  let failed: Error | undefined;
  stream.on('error', (e) => {
    failed = e;
  });
  let done = false;
  return {
    closed: false,
    atomic: true,
    async write(chunk) {
      if (failed) throw writeError(target, failed);
      if (chunk.length === 0) return;
      if (!stream.write(chunk)) await drainedOrGone(stream);
      if (failed) throw writeError(target, failed);
    },
    async finish() {
      stream.end();
      await once(stream, 'close');
      if (failed) throw writeError(target, failed);
      try {
        renameSync(temp, target);
      } catch (e) {
        rmSync(temp, { force: true });
        throw writeError(target, e as NodeJS.ErrnoException);
      }
      done = true;
    },
    abort() {
      if (done) return;
      stream.destroy();
      rmSync(temp, { force: true });
    },
  };
}

/**
 * A FIFO, a device or a file descriptor's name: opened and written as it is. There is nothing to
 * rename, so an interrupted run leaves what was written so far with the reader; a reader that goes
 * away (a FIFO's `head`) ends the run quietly, as on stdout.
 */
function directOutput(target: string, append: boolean): Output {
  const stream = createWriteStream(target, { flags: append ? 'a' : 'w', highWaterMark: 1 << 20 });
  let failed: NodeJS.ErrnoException | undefined;
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else failed = e;
  });
  const check = () => {
    if (failed) throw new RecallCheckError('usage', [{ file: target, message: `cannot write the output (${failed.code ?? failed.message}); what was written before this is incomplete` }]);
  };
  return {
    get closed() {
      return closed;
    },
    atomic: false,
    async write(chunk) {
      check();
      if (closed || chunk.length === 0) return;
      if (!stream.write(chunk)) await drainedOrGone(stream);
      check();
    },
    async finish() {
      stream.end();
      await once(stream, 'close');
      check();
    },
    abort() {
      stream.destroy();
    },
  };
}

/** Resolves when the stream can take more, or can take nothing ever again (its error is handled above). */
function drainedOrGone(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** The same path, the same file through a link, or the same file under another name (a hard link, /dev/fd/N). */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const [x, y] = [statSync(a), statSync(b)];
    return x.isFile() && x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function writeError(target: string, e: NodeJS.ErrnoException): RecallCheckError {
  return new RecallCheckError('usage', [{ file: target, message: `cannot write the output (${e.code ?? e.message}); nothing was written under this name` }]);
}
