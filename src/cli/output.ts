/**
 * Where a report goes. Standard output ends quietly when the reader goes away (`| head`); a file
 * given with -o is written to a temporary file beside it and renamed into place only when the run
 * completes, so the final name never holds half a report.
 */
import { once } from 'node:events';
import { createWriteStream, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { RecallCheckError } from '../core/errors.js';
import type { OutStream } from './io.js';

export interface Output {
  /** Strings are written as UTF-8. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** True once the reader has gone away: stop producing output. */
  readonly closed: boolean;
  /** The run is complete: flush and, for a file, move it into place. */
  finish(): Promise<void>;
  /** The run failed or was interrupted: for a file, remove the temporary file. */
  abort(): void;
}

type Writable = OutStream & NodeJS.EventEmitter;

export function streamOutput(stream: Writable): Output {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return {
    get closed() {
      return closed;
    },
    async write(chunk) {
      if (closed || chunk.length === 0) return;
      if (!stream.write(chunk)) await drainedOrGone(stream);
    },
    async finish() {},
    abort() {},
  };
}

export function fileOutput(path: string, cwd: string, inputPath: string | undefined): Output {
  const target = resolve(cwd, path);
  if (inputPath !== undefined && sameFile(target, resolve(cwd, inputPath))) {
    throw new RecallCheckError('usage', `-o ${path} is the input file: recall-check never overwrites its input. Choose another output name.`);
  }
  const where = statOrUndefined(dirname(target));
  if (!where?.isDirectory()) throw new RecallCheckError('usage', [{ file: dirname(target), message: 'no such directory for the output file (-o): create it first' }]);
  if (statOrUndefined(target)?.isDirectory()) throw new RecallCheckError('usage', [{ file: target, message: 'is a directory: give -o a file name' }]);
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

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function writeError(target: string, e: NodeJS.ErrnoException): RecallCheckError {
  return new RecallCheckError('usage', [{ file: target, message: `cannot write the output (${e.code ?? e.message}); nothing was written under this name` }]);
}
