/**
 * Bundles the CLI (src/cli/main.ts) into dist/bundle/, for start-up speed: a single check is
 * mostly Node starting and modules loading, and resolving and reading one file per module
 * (commander alone is seven CommonJS files behind an ESM wrapper) cost more than the check itself.
 *
 * - commander, leven and chalk are bundled in. commander and leven are on every run's path; chalk
 *   is imported dynamically when colour is on, so it lands in a chunk of its own, read only then.
 * - zod, papaparse and cosmiconfig stay external, loaded from node_modules when a directory is
 *   validated, a batch runs or a configuration file exists: never on a plain single check, and
 *   cosmiconfig finds its loaders at run time in ways a bundle would break. exceljs and ssf are
 *   external too, loaded only when a batch reads or writes a workbook (exceljs alone costs
 *   ~250 ms to load, and is CommonJS with many files of its own).
 * - chardet and iconv-lite stay external too, like the other batch libraries: each is imported
 *   dynamically, chardet only when a file fails to decode as UTF-8, iconv-lite only when an
 *   annotated CSV is written in a legacy encoding (iconv-lite's code-page tables are most of its size).
 * - Code splitting keeps every dynamic import (batch, data commands, validation) in its own chunk.
 *
 * Plain .mjs run by node, not TypeScript, so that `prepare` needs nothing beyond esbuild.
 */
import { rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist/bundle');
/** Loaded only on the paths named above; the build fails if one is reached from a plain check. */
const LAZY = ['zod', 'papaparse', 'cosmiconfig', 'chalk', 'chardet', 'iconv-lite', 'exceljs', 'ssf'];
const EXTERNAL = ['zod', 'papaparse', 'cosmiconfig', 'chardet', 'iconv-lite', 'exceljs', 'ssf'];

// commander is CommonJS and require()s Node's built-ins; in an ES module, esbuild's require shim
// needs a real `require` to hand them to. process.getBuiltinModule gives them without loading
// node:module (createRequire), which costs a few milliseconds at every start. The build checks below
// that nothing bundled requires anything but a built-in.
const BANNER = 'const require = (id) => process.getBuiltinModule(id);';

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(ROOT, 'src/cli/main.ts')],
  outdir: OUT,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external: EXTERNAL,
  banner: { js: BANNER },
  absWorkingDir: ROOT,
  metafile: true,
  logLevel: 'warning',
});

const fail = (message) => {
  console.error(`build:cli: ${message} (see scripts/build-cli.mjs)`);
  process.exit(1);
};

const outputs = result.metafile.outputs;
const required = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'require-call' && !isBuiltin(i.path)).map((i) => i.path));
if (required.length > 0) fail(`bundled CommonJS requires ${[...new Set(required)].join(', ')}, which the require shim cannot give`);

// What the entry loads before running: the static imports, followed from file to file.
const entry = relative(ROOT, join(OUT, 'main.js'));
const seen = new Set();
const reached = [];
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const output = outputs[file];
  if (!output) return reached.push(file); // external package or built-in
  reached.push(...Object.keys(output.inputs));
  for (const i of output.imports) if (i.kind === 'import-statement') visit(i.path);
};
visit(entry);
const packageOf = (path) => /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(path)?.[1] ?? path;
const eager = LAZY.filter((name) => reached.some((p) => packageOf(p) === name));
if (eager.length > 0) fail(`${eager.join(', ')} would load on every run: import ${eager.length === 1 ? 'it' : 'them'} dynamically where used`);
