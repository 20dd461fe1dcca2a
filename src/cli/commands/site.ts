/**
 * `recall-check site -o <file or folder/>`: writes the offline web checker, one HTML document with
 * the page script built at `npm run build` (dist/page/app.js) and the recall data this run loads
 * and verifies, so --data-dir and --extra-data-dir data is in the page too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { RecallCheckError } from '../../core/errors.js';
import { formatCount } from '../../report/format.js';
import { loadRecallData } from '../../recall-data.js';
import { packageRoot } from '../../package-root.js';
import { siteDocument } from '../../site/document.js';
import { toolVersion } from '../../version.js';
import { warnIfStale } from '../data-age.js';
import type { Io } from '../io.js';
import { effectiveOptions } from '../options.js';
import { EXIT } from '../../results/exit-code.js';

export const PAGE_SCRIPT = () => join(packageRoot(), 'dist/page/app.js');

export async function siteCommand(io: Io, cmd: Command): Promise<number> {
  const { options } = await effectiveOptions('site', cmd, io);
  if (options.output === undefined || options.output === '' || options.output === '-') {
    throw new RecallCheckError('usage', 'say where to write the page with -o: a file (-o recall-checker.html) or a folder (-o recall-checker/)');
  }
  const target = pagePath(resolve(io.cwd, options.output), options.output);
  let script: string;
  try {
    script = readFileSync(PAGE_SCRIPT(), 'utf8');
  } catch {
    throw new RecallCheckError('usage', `the page script ${PAGE_SCRIPT()} is missing: build it with npm run build in the recall-check folder`);
  }
  const data = await loadRecallData({ dataDir: options.dataDir, extraDirs: options.dataDirs });
  warnIfStale(io, data.manifest.generated, options.maxDataAgeDays);
  const html = siteDocument({
    script,
    data: {
      recalls: data.recalls,
      data: { version: data.manifest.datasetVersion, generated: data.manifest.generated, bundled: data.bundled && options.dataDirs.length === 0 },
      tool: { version: toolVersion() },
      maxDataAgeDays: options.maxDataAgeDays,
    },
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('base64'),
  });
  write(target, html);
  const size = Buffer.byteLength(html, 'utf8');
  io.stdout.write(`Wrote ${target} (${formatCount(Math.round(size / 1024))} kB, ${data.recalls.length} recalls, data ${data.manifest.datasetVersion}). Open it in a browser, or put it on any static web host: it makes no requests.\n`);
  return EXIT.ok;
}

/** A path ending in / or naming a folder gets index.html in it; anything else is the file itself. */
function pagePath(path: string, given: string): string {
  const folder = /[\\/]$/u.test(given) || (existsSync(path) && statSync(path).isDirectory());
  if (!folder) return path;
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    throw new RecallCheckError('usage', `-o ${given}: cannot make this folder (${(e as NodeJS.ErrnoException).code ?? String(e)}); choose another place`);
  }
  return join(path, 'index.html');
}

/** Written beside the target and renamed, so an interrupted run never leaves half a page. */
function write(target: string, html: string): void {
  const temp = join(dirname(target), `.${process.pid}.recall-check-site.tmp`);
  try {
    writeFileSync(temp, html);
    renameSync(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    throw new RecallCheckError('usage', `cannot write ${target} (${(e as NodeJS.ErrnoException).code ?? String(e)}): check that its folder exists and can be written`);
  }
}
