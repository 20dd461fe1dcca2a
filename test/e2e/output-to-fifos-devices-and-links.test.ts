/**
 * -o to something other than a plain file. Only a regular file may be written to a temporary file
 * and renamed into place; renaming onto a FIFO, a device or /dev/stdout replaces it with a regular
 * file (as root, /dev/null for the whole machine). Every check here runs first on a FIFO, device
 * node or link of the test's own, so that broken code replaces only those; the machine's
 * /dev/null and /dev/stdout are used only once that has passed, and are checked before and after.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUT = 'model,serial\nA1263,A1B2C3D4E5F6G7H8\n';
const inv = join(dir, 'inv.csv');
writeFileSync(inv, INPUT);
const REPORT_LINE = /^A1263,A1B2C3D4E5F6G7H8,verify,/mu;

/** Temporary files a replacing write would leave: none may survive a run, whatever the target. */
const temps = (where: string) => readdirSync(where).filter((f) => f.endsWith('.tmp'));

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

function readAll(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    createReadStream(path, 'utf8')
      .on('data', (d) => (text += d))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

const isChar = (path: string) => {
  try {
    return lstatSync(path).isCharacterDevice();
  } catch {
    return false;
  }
};

/** A null device of the test's own (root only): what /dev/null is, but nobody else's. */
function privateNull(): string | undefined {
  const path = join(dir, 'null');
  try {
    execFileSync('mknod', ['-m', '666', path, 'c', '1', '3'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return isChar(path) ? path : undefined;
}

// Each step may use the machine's own device only when the same write to a private one has passed.
const proven = { charDevice: false, descriptor: false, spawnedDescriptor: false };

describe('-o to a FIFO', () => {
  it('is written directly: the reader gets the whole report and the FIFO stays a FIFO', async () => {
    const path = fifo('report.fifo');
    const read = readAll(path);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 data row');
    expect(await read).toMatch(REPORT_LINE);
    expect(statSync(path).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('interrupted: exits 130, says the report is incomplete, and leaves no temporary file', async () => {
    const big = join(dir, 'big.csv');
    const lines = ['model,serial'];
    for (let i = 0; i < 400_000; i++) lines.push(`A1263,A1B2C3D4E5F6${String(i % 10000).padStart(4, '0')}`);
    writeFileSync(big, lines.join('\n'));
    const path = fifo('interrupted.fifo');
    const child = spawn(process.execPath, [BIN, 'batch', big, '-f', 'csv', '-o', path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Interrupt once the report has started to arrive: the run is under way.
    let received = 0;
    await new Promise<void>((resolve) => {
      const reader = createReadStream(path);
      reader.on('data', (d) => {
        received += d.length;
        // One signal: a second one, after the handler has run, would kill the process by default.
        if (!child.killed) {
          child.kill('SIGINT');
          resolve();
        }
      });
      reader.on('error', () => resolve());
      exited.then(() => resolve());
    });
    expect(await exited).toBe(130);
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe(`recall-check: interrupted; the report written to ${path} is incomplete\n`);
    expect(statSync(path).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });
});

describe('-o to a character device', () => {
  const mine = privateNull();

  it.skipIf(mine === undefined)('a null device of the test\'s own stays a character device, with nothing beside it', async () => {
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', mine!]);
    expect(r.code).toBe(3);
    expect(isChar(mine!)).toBe(true);
    expect(temps(dir)).toEqual([]);
    proven.charDevice = true;
  });

  // Skipped where /dev/null is not a character device to begin with: nothing to protect, nothing to prove.
  it.skipIf(!isChar('/dev/null'))('/dev/null stays /dev/null', async () => {
    if (mine !== undefined) expect(proven.charDevice, 'the private device node was replaced: /dev/null would be too').toBe(true);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', '/dev/null']);
    expect(r.code).toBe(3);
    expect(isChar('/dev/null')).toBe(true);
    expect(temps('/dev')).toEqual([]);
  });
});

describe('-o to a symbolic link', () => {
  it('to a regular file: the link is followed, stays a link, and its target holds the report', async () => {
    const elsewhere = join(dir, 'reports');
    mkdirSync(elsewhere);
    const target = join(elsewhere, 'latest.csv');
    writeFileSync(target, 'yesterday\n');
    const link = join(dir, 'latest-link.csv');
    symlinkSync(target, link);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', link]);
    expect(r.code).toBe(3);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const written = readFileSync(target, 'utf8');
    expect(written).toMatch(REPORT_LINE);
    expect(written).not.toContain('yesterday');
    expect([...temps(dir), ...temps(elsewhere)]).toEqual([]);
  });

  it('to nothing: refused with a message, and nothing is created', async () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'no-such-dir', 'x.csv'), link);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dangling\.csv: is a symbolic link to .*x\.csv, which does not exist/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('to the input: refused, and the input is untouched', async () => {
    const link = join(dir, 'inv-link.csv');
    symlinkSync(inv, link);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the input file: recall-check never overwrites its input/u);
    expect(readFileSync(inv, 'utf8')).toBe(INPUT);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a hard link to the input: refused too', async () => {
    const hard = join(dir, 'inv-hard.csv');
    linkSync(inv, hard);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', hard]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the input file/u);
    expect(readFileSync(inv, 'utf8')).toBe(INPUT);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('to an open file descriptor: appended to through it, as `>>` would; the link stays and nothing is renamed', async () => {
    const log = join(dir, 'log.txt');
    const fd = openSync(log, 'a');
    try {
      writeSync(fd, 'before\n');
      const link = join(dir, 'fd-link');
      symlinkSync(`/proc/self/fd/${fd}`, link);
      const r = await runMain(['batch', inv, '-f', 'csv', '-o', link]);
      expect(r.code).toBe(3);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('before\n')).toBe(true);
    expect(text).toMatch(REPORT_LINE);
    expect(temps(dir)).toEqual([]);
    proven.descriptor = true;
  });
});

describe.skipIf(!existsSync('/proc/self/fd'))('-o /dev/stdout', () => {
  it('in-process: the report goes to the stdout the CLI was given, as without -o', async () => {
    expect(proven.descriptor, 'writing through a descriptor link failed in-process').toBe(true);
    const link = join(dir, 'stdout-in-process');
    symlinkSync('/proc/self/fd/1', link);
    const r = await runMain(['batch', inv, '-f', 'csv', '-o', link]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(REPORT_LINE);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });


  it('through a link of the test\'s own to /proc/self/fd/1, the report reaches stdout', () => {
    expect(proven.descriptor, 'writing through a descriptor link failed in-process').toBe(true);
    const link = join(dir, 'my-stdout');
    symlinkSync('/proc/self/fd/1', link);
    const r = runCli(['batch', inv, '-f', 'csv', '-o', link]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(REPORT_LINE);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    proven.spawnedDescriptor = true;
  });

  it('/dev/stdout itself: the report reaches stdout (a socket here, which cannot be opened by name) and /dev/stdout is still a link', () => {
    expect(proven.spawnedDescriptor, 'the private link to stdout was replaced: /dev/stdout would be too').toBe(true);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    const r = runCli(['batch', inv, '-f', 'csv', '-o', '/dev/stdout']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(REPORT_LINE);
    expect(r.stderr).toContain('1 data row');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});
