/**
 * The command line: argv in, report out, exit code set in exactly one place (`run`). Commands are
 * thin: they parse options, call the library, and hand results to a reporter.
 */
import { Command, CommanderError } from 'commander';
import { addOptions, VALUE_FLAGS } from './options.js';
import { configPrintCommand } from './commands/config.js';
import { listCommand, showCommand } from './commands/recalls.js';
import { loadRecallData } from '../recall-data.js';
import { bundledBrands } from '../data/brands.js';
import { formatProblem, isRecallCheckError, RecallCheckError } from '../core/errors.js';
import { toolVersion } from '../version.js';
import { checkCommand } from './commands/check.js';
import { EXIT } from '../results/exit-code.js';
import type { Io } from './io.js';
import { mistypedCommand } from './mistyped-command.js';

export async function run(argv: string[]): Promise<void> {
  // A reader that goes away (| head, 2>&1 | head) is not an error: stop writing, quietly. Any other
  // failure to write (a full disk) is an output error: one line, exit 2, never a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return;
    process.stderr.write(`recall-check: output error: cannot write to standard output (${e.code ?? e.message})\n`);
    process.exitCode = EXIT.error;
  });
  process.stderr.on('error', () => {});
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), onInterrupt };
  process.exitCode = await main(argv.slice(2), io);
}

/** Ctrl-C or SIGTERM: let the command clean up (a half-written output file), then exit 130 as shells expect. */
function onInterrupt(cleanup: () => void): () => void {
  const interrupted = () => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
}

const exitCodes = (what: 'unit' | 'row') => `
Exit codes (with the default --fail-on verify):
  0  nothing affected and nothing to verify
  1  at least one ${what} affected
  3  nothing affected, but at least one ${what} to verify with the manufacturer
  2  usage, input or data error (wins over 1 and 3: the run is incomplete)
`;

const EXAMPLES = `
Examples:
  $ recall-check A1263 A1B2C3D4E5F6G7H8          check one unit
  $ recall-check A1263                           what is known about the model
  $ recall-check a-1263 "SN: a1b2 c3d4 e5f6 g7h8" typed as it is on the label
  $ recall-check A3102 ACCJRU1D16400900 --country AU
  $ recall-check A1263 A1B2C3D4E5F6G7H8 --json
${exitCodes('unit')}`;

/** Every command name, from the table that registers them, with check (the default) and commander's help. */
const COMMAND_NAMES: readonly string[] = ['check', 'help', ...Object.keys(registerCommand())];

/** The first argument that is not an option or an option's value. */
function firstWord(args: readonly string[]): { text: string; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return i + 1 < args.length ? { text: args[i + 1]!, index: i + 1 } : undefined;
    if (!a.startsWith('-') || a === '-') return { text: a, index: i };
    if (!a.includes('=') && VALUE_FLAGS.has(a)) i++;
  }
  return undefined;
}

function isSingleCheck(args: readonly string[]): boolean {
  return args.length > 0 && !args[0]!.startsWith('-') && !COMMAND_NAMES.includes(args[0]!);
}

const BATCH_EXAMPLES = `
Examples:
  $ recall-check batch inventory.csv                     table on stdout, summary on stderr
  $ recall-check batch inventory.csv --format csv -o checked.csv
  $ cat feed.csv | recall-check batch - --format ndjson
  $ recall-check batch export.csv --model-column "Variant SKU" --serial-column "SN" --country US
${exitCodes('row')}`;

/**
 * The program's help names check as the default command and shows its arguments and options,
 * which commander would only show under `recall-check check --help`.
 */
function defaultCommandHelp(check: Command): string {
  const helper = check.createHelp();
  helper.prepareContext({ helpWidth: check.configureOutput().getOutHelpWidth?.() });
  const width = helper.padWidth(check, helper);
  const item = (term: string, description: string) => helper.formatItem(term, width, description, helper);
  return [
    '',
    'check is the default command: `recall-check A1263 …` is `recall-check check A1263 …`.',
    '',
    'Arguments of check:',
    ...helper.visibleArguments(check).map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a))),
    '',
    'Options of check:',
    ...helper.visibleOptions(check).map((o) => item(helper.optionTerm(o), helper.optionDescription(o))),
    '',
  ].join('\n');
}

/** Runs the CLI with user arguments (no node/script prefix) and returns the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const setCode = (c: number) => {
    code = c;
  };
  const program = new Command('recall-check')
    .description('Tells whether a product is under a safety recall, and exactly what to do about it.')
    .usage('[check] <model> [serial] [options]\n       recall-check <command> [options]')
    .option('-V, --version', 'print the tool and data versions')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // The width of the terminal handed in, not of whatever process.stdout is.
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
    })
    .showHelpAfterError('(run recall-check --help for usage)')
    .exitOverride();

  const check = addOptions(
    program
      .command('check', { isDefault: true })
      .description('check one unit: a model number and, where the recall depends on it, a serial number (the default command)')
      .argument('<model>', 'model number from the label, e.g. A1263')
      .argument('[serial]', 'serial number from the label ("SN: …" is fine)'),
    'check',
  )
    .addHelpText('after', EXAMPLES)
    .action(async (model: string, serial: string | undefined, _opts, cmd: Command) => setCode(await checkCommand(io, model, serial, cmd)));
  program.addHelpText('after', () => defaultCommandHelp(check) + EXAMPLES);

  // A single check is the common, latency-sensitive case: when the arguments cannot name another
  // command, the others are not built at all (help and every subcommand still get all of them).
  if (!isSingleCheck(args)) for (const register of Object.values(registerCommand())) register(program, io, setCode);

  try {
    if (args[0] === '--version' || args[0] === '-V') return await printVersion(io);
    const meant = mistypedCommand(args[0], COMMAND_NAMES);
    if (meant) throw new RecallCheckError('usage', `"${args[0]}" is not a command: did you mean \`recall-check ${meant}\`? (To check a model, give its code from the label: model codes have digits, e.g. A1263.)`);
    // "recall-check --country US batch inv.csv" would check a model called BATCH: a command, or a
    // mistyped one, after the options is refused.
    const word = firstWord(args);
    if (word !== undefined && word.index > 0) {
      const command = COMMAND_NAMES.includes(word.text) ? word.text : mistypedCommand(word.text, COMMAND_NAMES);
      if (command) throw new RecallCheckError('usage', `"${word.text}" comes after options: put the command first, e.g. \`recall-check ${command} ${[...args.slice(0, word.index), ...args.slice(word.index + 1)].join(' ')}\`${command === word.text ? '' : ` (if you meant ${command})`}`);
    }
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (e) {
    return handleError(e, io);
  }
}

async function printVersion(io: Io): Promise<number> {
  let data = 'data unavailable';
  try {
    const d = await loadRecallData();
    data = `data ${d.manifest.datasetVersion} (generated ${d.manifest.generated}, schema ${d.manifest.schemaVersion})`;
  } catch (e) {
    if (!isRecallCheckError(e)) throw e;
  }
  io.stdout.write(`recall-check ${toolVersion()}\n${data}\n`);
  return EXIT.ok;
}

type Register = (program: Command, io: Io, setCode: (c: number) => void) => void;

/** The commands besides check, by name: the one list they are registered and recognised from. */
function registerCommand(): Record<'batch' | 'config' | 'list' | 'show' | 'site' | 'data', Register> {
  return { batch: registerBatch, config: registerConfig, list: registerList, show: registerShow, site: registerSite, data: registerData };
}

function registerBatch(program: Command, io: Io, setCode: (c: number) => void): void {
  addOptions(
    program
      .command('batch')
      .description('check every row of an inventory CSV or .xlsx workbook (a file, or - for standard input)')
      .argument('<file>', 'CSV file (comma, semicolon, tab or pipe separated; UTF-8 or UTF-16) or .xlsx workbook (see --sheet)'),
    'batch',
  )
    .addHelpText('after', BATCH_EXAMPLES)
    .action(async (file: string, _opts, cmd: Command) => {
      const { batchCommand } = await import('./commands/batch.js');
      setCode(await batchCommand(io, file, cmd));
    });
}

function registerConfig(program: Command, io: Io, setCode: (c: number) => void): void {
  addOptions(
    program
      .command('config')
      .description('work with the configuration')
      .command('print')
      .description('print the options that the configuration and the environment set, where each came from (default, config, environment), and the commands that use it'),
    'config print',
  ).action(async (_opts, cmd: Command) => setCode(await configPrintCommand(io, cmd)));
}

function registerList(program: Command, io: Io, setCode: (c: number) => void): void {
  addOptions(program.command('list').description('list the recalls in the data, newest first'), 'list')
    // Read from the data when help is shown, never on a run: a hand-written list goes stale.
    .addHelpText('after', () => brandsHelp())
    .action(async (_opts, cmd: Command) => setCode(await listCommand(io, cmd)));
}

function registerShow(program: Command, io: Io, setCode: (c: number) => void): void {
  addOptions(
    program
      .command('show')
      .description('everything known about a recall (by id) or about the recalls of a model')
      .argument('<recall-id|model>', 'e.g. anker-a1263-us-2025, or A1263'),
    'show',
  )
    .addHelpText('after', '\nExit codes: 0 shown, 2 no recall id or model by that name in the data (not a safety clearance), or another error\n')
    .action(async (what: string, _opts, cmd: Command) => setCode(await showCommand(io, what, cmd)));
}

function registerSite(program: Command, io: Io, setCode: (c: number) => void): void {
  addOptions(program.command('site').description('write the offline web checker: one HTML page with the recall data, which checks a unit or a CSV file in the browser and sends nothing'), 'site')
    .addHelpText('after', '\nExamples:\n  $ recall-check site -o recall-checker.html\n  $ recall-check site -o recall-checker/          writes recall-checker/index.html\n')
    .action(async (_opts, cmd: Command) => {
      const { siteCommand } = await import('./commands/site.js');
      setCode(await siteCommand(io, cmd));
    });
}

function registerData(program: Command, io: Io, setCode: (c: number) => void): void {
  const data = program.command('data').description('work with recall definitions');
  data
    .command('validate')
    .description('validate a data directory in full: schema, references, checksums')
    .argument('[dir]', 'data directory (default: the bundled data)')
    .action(async (dir: string | undefined) => setCode(await (await dataCommands()).dataValidateCommand(io, dir)));
  addOptions(data.command('info').description('dataset version, date and age, counts, and checksums'), 'data info')
    .action(async (_opts, cmd: Command) => setCode(await (await dataCommands()).dataInfoCommand(io, cmd)));
  data
    .command('build')
    .description("validate a data directory's definitions and (re)write its manifest.json")
    .argument('<dir>', 'data directory')
    .action(async (dir: string) => setCode(await (await dataCommands()).dataBuildCommand(io, dir)));
}

function brandsHelp(): string {
  const brands = bundledBrands();
  return brands.length === 0 ? '' : `\nBrands in the bundled data (for --brand): ${brands.join(', ')}\n`;
}

/** The data commands validate with zod; loading them only when used keeps the check path fast. */
const dataCommands = () => import('./commands/data.js');

function handleError(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    // Help and version are successful exits; everything else commander rejects is a usage error,
    // which commander has already printed.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.error;
  }
  if (isRecallCheckError(e)) {
    io.stderr.write(formatUserError(e));
    return EXIT.error;
  }
  // A failing disk or a vanished file is the environment's problem, not a bug: say it plainly.
  const sys = e as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
    io.stderr.write(`recall-check: input error: ${sys.path ? `${sys.path}: ` : ''}${sys.syscall} failed (${sys.code})\n`);
    return EXIT.error;
  }
  throw e;
}

export function formatUserError(e: RecallCheckError): string {
  const label = { usage: 'usage error', input: 'input error', data: 'data error' }[e.kind];
  const lines = e.problems.map((p) => `  ${formatProblem(p)}`);
  const head = e.problems.length === 1 ? `recall-check: ${label}: ${formatProblem(e.problems[0]!)}` : `recall-check: ${label}: ${e.problems.length} problems\n${lines.join('\n')}`;
  return `${head}\n${e.hint ? `${e.hint}\n` : ''}`;
}
