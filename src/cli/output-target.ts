/**
 * What the path given to -o names, and so how a report is written there. Only a regular file (or a
 * new name) can be written to a temporary file and renamed into place: renaming onto a device, a
 * FIFO or /dev/stdout would replace it with a regular file holding the report (and, as root,
 * replace /dev/null for every program on the machine).
 */
import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { RecallCheckError } from '../core/errors.js';

export type OutputTarget =
  /** Write a temporary file beside `file` and rename it onto `file` when the run completes. */
  | { kind: 'replace'; file: string }
  /**
   * Open `file` and write to it: a FIFO, a character device (/dev/null, a terminal) or a file
   * descriptor's name (/dev/stdout, /dev/fd/3), which is appended to, as a shell's `>>` would, so
   * that a redirected stdout keeps what is already there.
   */
  | { kind: 'direct'; file: string; append: boolean }
  /** One of this process's own descriptors (/dev/stdout is 1): written through the stream the CLI already holds for it, if it holds one. */
  | { kind: 'descriptor'; fd: number; file: string };

/**
 * `target` is absolute. A symbolic link to a regular file is followed: the report replaces the
 * link's target and the link stays a link, as a shell's `>` leaves it. A link to nothing is
 * refused: creating a file wherever a dangling link points is a surprise, not a report.
 */
export function outputTarget(target: string): OutputTarget {
  const link = lstatOrUndefined(target);
  if (link === undefined) {
    if (!statOrUndefined(dirname(target))?.isDirectory()) {
      throw new RecallCheckError('usage', [{ file: dirname(target), message: 'no such directory for the output file (-o): create it first' }]);
    }
    return { kind: 'replace', file: target };
  }
  if (link.isSymbolicLink()) {
    const fd = fileDescriptor(target);
    if (fd === 'other') return { kind: 'direct', file: target, append: true };
    if (fd !== undefined) return { kind: 'descriptor', fd, file: target };
    const st = statOrUndefined(target);
    if (st === undefined) {
      throw new RecallCheckError('usage', [{ file: target, message: `is a symbolic link to ${readlinkSync(target)}, which does not exist: point the link at a file, remove it, or give -o another name` }]);
    }
    if (st.isFile()) return { kind: 'replace', file: realpathSync(target) };
    return byType(target, st);
  }
  return byType(target, link);
}

function byType(target: string, st: Stats): OutputTarget {
  if (st.isFile()) return { kind: 'replace', file: target };
  if (st.isDirectory()) throw new RecallCheckError('usage', [{ file: target, message: 'is a directory: give -o a file name' }]);
  if (st.isFIFO() || st.isCharacterDevice()) return { kind: 'direct', file: target, append: false };
  // A block device is a disk: a report written over it destroys what it holds.
  const what = st.isBlockDevice() ? 'a block device (a disk)' : 'a socket';
  throw new RecallCheckError('usage', [{ file: target, message: `is ${what}: give -o a file name` }]);
}

/**
 * Following the link passes through a process's file-descriptor directory (/dev/stdout →
 * /proc/self/fd/1): it names an open descriptor, whatever kind of file that is, and renaming onto
 * it would replace the descriptor's file (a log opened with `>>`) or the link itself. Returns the
 * descriptor's number when it is this process's own, 'other' for another process's.
 */
function fileDescriptor(path: string): number | 'other' | undefined {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    const where = /^\/proc\/(\d+)\/(?:task\/\d+\/)?fd$/u.exec(realDir(at));
    if (where) {
      const fd = /^\d+$/u.test(basename(at)) ? Number(basename(at)) : undefined;
      return Number(where[1]) === process.pid && fd !== undefined ? fd : 'other';
    }
    const st = lstatOrUndefined(at);
    if (!st?.isSymbolicLink()) return undefined;
    at = resolve(dirname(at), readlinkSync(at));
  }
  return undefined;
}

function realDir(path: string): string {
  try {
    return realpathSync(dirname(path));
  } catch {
    return dirname(path);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
