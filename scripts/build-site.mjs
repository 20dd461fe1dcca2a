/**
 * Bundles the web page's script (src/site/browser/app.ts) for browsers into dist/page/app.js, with the
 * file-checking worker (src/site/browser/worker.ts) inside it as a string: the page starts the worker from
 * a blob, since a page opened from disk cannot load one from a file. `recall-check site` inlines
 * this script into the page with the data (src/site/document.ts). Reports the sizes.
 *
 * The browser has no node: modules and no Buffer. The core, batch and report code needs none, except:
 * src/batch/ascii-text.ts, the batch's one Buffer speed trick, swapped for a TextDecoder version;
 * src/report/encoded.ts, the CSV report's encoders, swapped for TextEncoder, a UTF-16 writer and
 * iconv-lite (bundled: the page writes a named legacy encoding as the CLI does); and the global
 * Buffer.concat that csv.ts and sniff.ts join bytes with, given by an injected module. All are in
 * src/site/browser/shims/. Any node: import fails the build, so one cannot slip into the page
 * unnoticed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist/page');
const SHIMS = join(ROOT, 'src/site/browser/shims');
const SWAPS = {
  [join(ROOT, 'src/batch/ascii-text.ts')]: join(SHIMS, 'ascii-text.ts'),
  [join(ROOT, 'src/report/encoded.ts')]: join(SHIMS, 'encoded.ts'),
};

const nodeShims = {
  name: 'node-shims',
  setup(b) {
    b.onResolve({ filter: /(ascii-text|encoded)\.js$/ }, (args) => {
      const path = join(args.resolveDir, args.path.replace(/\.js$/u, '.ts'));
      return SWAPS[path] ? { path: SWAPS[path] } : undefined;
    });
    b.onResolve({ filter: /^node:/ }, (args) => {
      // A type-only import is erased before this runs; a real one has no place in a page.
      return { errors: [{ text: `${args.path} (imported by ${args.importer}) is not available in a browser: add a shim to scripts/build-site.mjs or keep it out of the page` }] };
    });
  },
};

const common = {
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  absWorkingDir: ROOT,
  plugins: [nodeShims],
  inject: [join(SHIMS, 'buffer.ts')],
  logLevel: 'warning',
};

const fail = (message) => {
  console.error(`build:site: ${message} (see scripts/build-site.mjs)`);
  process.exit(1);
};

const worker = (await build({ ...common, entryPoints: [join(ROOT, 'src/site/browser/worker.ts')] })).outputFiles[0].text;
const app = (await build({ ...common, entryPoints: [join(ROOT, 'src/site/browser/app.ts')], define: { WORKER_SOURCE: JSON.stringify(worker) } })).outputFiles[0].text;
// The page inlines the script: text that closed its <script> element early would break it.
if (/<\/script/iu.test(app)) fail('the bundle contains "</script", which cannot be inlined in the page');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'app.js'), app);
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(`build:site: dist/page/app.js ${kb(app.length)} (${kb(gzipSync(app).length)} gzipped), of which the worker ${kb(worker.length)}; the recall data is added when the page is written`);
