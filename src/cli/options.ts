/**
 * The one table of options: every flag of every command, and for those that can also be set
 * elsewhere, the configuration key and the RECALL_CHECK_* environment variable, with one
 * precedence: default < config < environment < command line. Each command takes the flags the
 * table gives it and resolves only the options that are its own; `recall-check config print` shows
 * the configurable ones and where each value came from.
 */
import { delimiter as pathDelimiter, dirname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { RecallCheckError } from '../core/errors.js';
import { countryProblem } from '../core/messages.js';
import { normaliseCountry } from '../core/country.js';
import { canonicalEncoding, unknownEncoding } from '../batch/encodings.js';
import type { Acknowledgement, Config } from '../config/schema.js';
import { FAIL_ON, type FailOn } from '../config/fail-on.js';
import { type LoadedConfig, loadConfig } from '../config/find.js';
import { DEFAULT_MAX_DATA_AGE_DAYS } from './data-age.js';
import { FORMATS, type Format } from '../report/index.js';
import type { Io } from './io.js';

/** Every command that takes options, by the name it is run as. */
export const COMMANDS = ['check', 'batch', 'list', 'show', 'site', 'config print', 'data info'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Values {
  country: string | undefined;
  format: Format;
  maxDataAgeDays: number;
  failOn: FailOn;
  dataDirs: string[];
  modelColumn: string | undefined;
  serialColumn: string | undefined;
  countryColumn: string | undefined;
  scanColumns: string[] | undefined;
  acknowledgements: Acknowledgement[];
  dataDir: string | undefined;
  output: string | undefined;
  delimiter: string | undefined;
  encoding: string | undefined;
  sheet: string | undefined;
  all: boolean;
  summary: boolean;
  brand: string | undefined;
  model: string | undefined;
  json: boolean;
  /** The --config file, or false for --no-config. */
  config: string | false | undefined;
}

type Key = keyof Values;

interface Spec<K extends Key> {
  key: K;
  /** commander's flag syntax; absent for what only the configuration file can say. */
  flag?: string;
  /** The flag that turns it off (--no-config). */
  negate?: { flag: string; describe: string };
  describe: string;
  /** The default as help shows it, where it is not a value (found from the header). */
  shownDefault?: string;
  /** Wording for a command where the option means something narrower. */
  describeIn?: Partial<Record<CommandName, string>>;
  /** The commands the option belongs to: they take its flag and resolve it. */
  commands: readonly CommandName[];
  /** Commands where only the flag counts: a configured or environment value is not theirs. */
  flagOnlyIn?: readonly CommandName[];
  /** Where the value sits in the configuration file. */
  configPath?: readonly string[];
  env?: string;
  default: Values[K];
  /** From a flag or environment string; throws a usage error naming `where`. */
  parse?: (raw: string | string[], where: string, cwd: string) => Values[K];
  /** From the configuration file, already validated by its schema; throws naming `file` and the key. */
  fromConfig?: (value: unknown, file: string) => Values[K];
}

const usage = (where: string, message: string) => new RecallCheckError('usage', `${where}: ${message}`);

const CONFIG_HINT = 'Fix the configuration (see "Configuration" in the README), or run with --no-config to ignore it.';
function failConfig(file: string, path: readonly string[], message: string): never {
  throw new RecallCheckError('usage', [{ file, path: `$.${path.join('.')}`, message }], CONFIG_HINT);
}

export function country(raw: string | string[], where: string): string {
  const c = normaliseCountry(String(raw));
  if (!c) throw usage(where, countryProblem(String(raw)));
  return c;
}

const oneOf = (raw: unknown, values: readonly string[]) => `"${String(raw)}" is not one of ${values.join(', ')}`;

function choice<T extends string>(values: readonly T[]) {
  return (raw: string | string[], where: string): T => {
    if (!(values as readonly string[]).includes(String(raw))) throw usage(where, oneOf(raw, values));
    return raw as T;
  };
}

function days(raw: string | string[], where: string): number {
  const s = String(raw).trim();
  if (!/^\d+$/u.test(s)) throw usage(where, `"${raw}" is not a whole number of days (e.g. 90)`);
  return Number(s);
}

/** A literal tab is taken too (typed as $'\t'), but listed by name: a raw tab in a message is invisible. */
const DELIMITERS = [',', ';', '|', 'tab'] as const;
function delimiter(raw: string | string[], where: string): string {
  const s = String(raw);
  if (s === '\t' || s === 'tab') return '\t';
  if (!(DELIMITERS as readonly string[]).includes(s)) throw usage(where, `"${s === '\t' ? 'tab' : s}" is not one of ${DELIMITERS.join(' ')}`);
  return s;
}

const text = (raw: string | string[]) => String(raw);

function encoding(raw: string | string[], where: string): string {
  return canonicalEncoding(String(raw)) ?? (() => {
    throw usage(where, unknownEncoding(String(raw)));
  })();
}

const SOURCE_COMMANDS = ['check', 'batch', 'list', 'show', 'site'] as const;

export const OPTIONS = [
  {
    key: 'country', configPath: ['country'], flag: '--country <code>', env: 'RECALL_CHECK_COUNTRY', describe: 'country where the unit was sold: ISO code or name, e.g. US', commands: ['check', 'batch', 'list'], default: undefined, parse: country,
    fromConfig: (v, file) => normaliseCountry(v as string) ?? failConfig(file, ['country'], countryProblem(v as string)),
    // A filter of the list: a configured country of sale does not hide the other countries' recalls.
    flagOnlyIn: ['list'], describeIn: { list: 'only recalls that cover units sold in this country' },
  },
  {
    key: 'format', configPath: ['format'], flag: '-f, --format <format>', env: 'RECALL_CHECK_FORMAT', describe: `report format: ${FORMATS.join(', ')}`, commands: ['batch'], default: 'table', parse: choice(FORMATS),
    // The schema takes any string, so that the configuration does not depend on the reporters.
    fromConfig: (v, file) => {
      return (FORMATS as readonly string[]).includes(v as string) ? (v as Format) : failConfig(file, ['format'], oneOf(v, FORMATS));
    },
  },
  { key: 'maxDataAgeDays', configPath: ['maxDataAgeDays'], flag: '--max-data-age <days>', env: 'RECALL_CHECK_MAX_DATA_AGE_DAYS', describe: 'warn on stderr when the data is older than this many days', describeIn: { site: 'the page (and stderr) warns when its data is older than this many days' }, commands: ['check', 'batch', 'site'], default: DEFAULT_MAX_DATA_AGE_DAYS, parse: days },
  { key: 'failOn', configPath: ['failOn'], flag: '--fail-on <level>', env: 'RECALL_CHECK_FAIL_ON', describe: 'which findings set a non-zero exit code: affected (exit 1), verify (exit 1 or 3) or never', commands: ['check', 'batch'], default: 'verify', parse: choice(FAIL_ON) },
  { key: 'dataDir', flag: '--data-dir <dir>', describe: 'use recall definitions from this directory instead of the bundled ones', describeIn: { 'data info': 'describe this data directory instead of the bundled one' }, commands: [...SOURCE_COMMANDS, 'data info'], default: undefined },
  {
    key: 'dataDirs', configPath: ['dataDirs'], flag: '--extra-data-dir <dir...>', env: 'RECALL_CHECK_DATA_DIRS', describe: 'also use the definitions in these directories, validated like the bundled ones', commands: SOURCE_COMMANDS, default: [],
    parse: (raw, _where, cwd) => (Array.isArray(raw) ? raw : raw.split(pathDelimiter).filter(Boolean)).map((d) => resolve(cwd, d)),
    fromConfig: (v, file) => (v as string[]).map((d) => resolve(dirname(file), d)),
  },
  { key: 'modelColumn', configPath: ['columns', 'model'], flag: '--model-column <name>', env: 'RECALL_CHECK_MODEL_COLUMN', describe: 'column holding the model number', shownDefault: 'found from the header', commands: ['batch'], default: undefined, parse: text },
  { key: 'serialColumn', configPath: ['columns', 'serial'], flag: '--serial-column <name>', env: 'RECALL_CHECK_SERIAL_COLUMN', describe: 'column holding the serial number', shownDefault: 'found from the header', commands: ['batch'], default: undefined, parse: text },
  { key: 'countryColumn', configPath: ['columns', 'country'], flag: '--country-column <name>', env: 'RECALL_CHECK_COUNTRY_COLUMN', describe: 'column holding the country of sale', shownDefault: 'found from the header', commands: ['batch'], default: undefined, parse: text },
  {
    key: 'scanColumns', configPath: ['columns', 'scan'], flag: '--scan-columns <names>', env: 'RECALL_CHECK_SCAN_COLUMNS', describe: 'comma-separated descriptive columns to search for recalled model codes', shownDefault: 'title, item name, seller SKU … found from the header', commands: ['batch'], default: undefined,
    parse: (raw, where) => {
      const names = String(raw).split(',').map((n) => n.trim()).filter(Boolean);
      if (names.length === 0) throw usage(where, 'name at least one column, e.g. item-name,seller-sku');
      return names;
    },
  },
  { key: 'output', flag: '-o, --output <file>', describe: 'write the report to this file (atomically) instead of stdout', describeIn: { site: 'write the page to this file (e.g. recall-checker.html), or to index.html in this folder (a path ending in /, or an existing folder)' }, commands: ['batch', 'site'], default: undefined },
  { key: 'delimiter', flag: '--delimiter <char>', describe: `field delimiter: ${DELIMITERS.join(' ')}`, shownDefault: "sniffed from the header, or Excel's sep= line", commands: ['batch'], default: undefined, parse: delimiter },
  {
    key: 'encoding', configPath: ['encoding'], flag: '--encoding <label>', env: 'RECALL_CHECK_ENCODING', describe: 'the input\'s text encoding, a WHATWG label: windows-1252, shift_jis, euc-jp, gb18030, big5, euc-kr, utf-16le…', shownDefault: 'UTF-8, or UTF-16 by its byte-order mark', commands: ['batch'], default: undefined,
    parse: encoding, fromConfig: (v, file) => canonicalEncoding(v as string) ?? failConfig(file, ['encoding'], unknownEncoding(v as string)),
  },
  { key: 'sheet', configPath: ['sheet'], flag: '--sheet <name>', env: 'RECALL_CHECK_SHEET', describe: 'the sheet of an .xlsx workbook to check', shownDefault: 'the first sheet', commands: ['batch'], default: undefined, parse: text },
  { key: 'all', flag: '--all', describe: 'table format: list every row, not only those that need a look', commands: ['batch'], default: false },
  { key: 'summary', flag: '--summary', describe: 'table format: counts and the most frequent reasons, with example lines, instead of one line a row', commands: ['batch'], default: false },
  { key: 'brand', flag: '--brand <brand>', describe: 'only this brand (see the list below)', commands: ['list'], default: undefined },
  { key: 'model', flag: '--model <model>', describe: 'only recalls of this model', commands: ['list'], default: undefined },
  {
    key: 'json', flag: '--json', describe: 'print JSON', commands: ['check', 'list', 'show', 'config print', 'data info'], default: false,
    describeIn: { check: 'print one JSON document instead of the report', show: 'print the definitions as JSON' },
  },
  { key: 'acknowledgements', configPath: ['acknowledgements'], describe: 'findings already handled (configuration file only)', commands: ['check', 'batch'], default: [] },
  {
    key: 'config', flag: '--config <file>', describe: 'read options from this configuration file', negate: { flag: '--no-config', describe: 'ignore configuration files' },
    commands: [...SOURCE_COMMANDS, 'config print'], default: undefined,
  },
] as const satisfies readonly Spec<Key>[];

type Table = (typeof OPTIONS)[number];

/** The options of one command, typed: a command cannot read an option that is not its own. */
export type OptionsFor<C extends CommandName> = { [S in Table as C extends S['commands'][number] ? S['key'] : never]: Values[S['key']] };
export type SourcesFor<C extends CommandName> = Record<keyof OptionsFor<C>, string>;

const SPECS = OPTIONS as readonly Spec<Key>[];

/** Every flag name of the table (short and long), each once. */
export function flagNames(spec: { key: string; flag?: string; negate?: { flag: string } }): string[] {
  return [spec.flag, spec.negate?.flag].flatMap((f) => (f ? f.split(/[ ,]+/u).filter((w) => w.startsWith('-')) : []));
}

/** Flags that take a value, so that a parser of argv does not take the value for a word. */
export const VALUE_FLAGS: ReadonlySet<string> = new Set(SPECS.flatMap((s) => (s.flag?.includes('<') ? flagNames({ key: s.key, flag: s.flag }) : [])));

const own = (spec: Spec<Key>, command: CommandName) => spec.commands.includes(command);
const flagOnly = (spec: Spec<Key>, command: CommandName) => spec.flagOnlyIn?.includes(command) ?? false;

/** The help line's tail: the default and the other places the option can be set. */
function helpTail(spec: Spec<Key>, command: CommandName): string {
  const shown = spec.shownDefault ?? (Array.isArray(spec.default) || spec.default === undefined || spec.default === false ? undefined : String(spec.default));
  const parts = [shown === undefined ? '' : `default: ${shown}`];
  if (!flagOnly(spec, command)) {
    if (spec.env) parts.push(`env ${spec.env}`);
    if (spec.configPath) parts.push(`config ${spec.configPath.join('.')}`);
  }
  const tail = parts.filter(Boolean).join('; ');
  return tail ? ` (${tail})` : '';
}

/** Adds the command's flags, in table order. */
export function addOptions(cmd: Command, command: CommandName): Command {
  for (const spec of SPECS) {
    if (!spec.flag || !own(spec, command)) continue;
    cmd.addOption(new Option(spec.flag, (spec.describeIn?.[command] ?? spec.describe) + helpTail(spec, command)));
    if (spec.negate) cmd.addOption(new Option(spec.negate.flag, spec.negate.describe));
  }
  return cmd;
}

function at(obj: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

interface Resolved {
  value: unknown;
  source: string;
}

/** One option from flag, environment, configuration or default, in that order of precedence. */
function resolveOne(spec: Spec<Key>, flag: { value: unknown } | undefined, useSettings: boolean, loaded: LoadedConfig, io: Io): Resolved {
  if (flag) {
    const name = flagNames(spec).find((f) => f.startsWith('--'))!;
    return { value: spec.parse ? spec.parse(flag.value as string | string[], name, io.cwd) : flag.value, source: `flag ${name}` };
  }
  const envValue = useSettings && spec.env ? io.env[spec.env] : undefined;
  if (envValue !== undefined && envValue !== '' && spec.parse) return { value: spec.parse(envValue, `environment variable ${spec.env}`, io.cwd), source: `env ${spec.env}` };
  const configValue = useSettings && spec.configPath ? at(loaded.config as Config, spec.configPath) : undefined;
  if (configValue !== undefined) return { value: spec.fromConfig ? spec.fromConfig(configValue, loaded.file!) : configValue, source: `config ${loaded.file}` };
  return { value: spec.default, source: 'default' };
}

function collect(specs: readonly Spec<Key>[], one: (spec: Spec<Key>) => Resolved) {
  const options: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const spec of specs) {
    const r = one(spec);
    options[spec.key] = r.value;
    sources[spec.key] = r.source;
  }
  return { options, sources };
}

/** The options of `command` and where each came from. `flagSource` is commander's: 'cli' when given on the command line. */
export function resolveOptions<C extends CommandName>(
  command: C,
  flags: Record<string, unknown>,
  flagSource: (attribute: string) => string | undefined,
  loaded: LoadedConfig,
  io: Io,
): { options: OptionsFor<C>; sources: SourcesFor<C> } {
  const r = collect(SPECS.filter((s) => own(s, command)), (spec) => {
    const attribute = spec.flag === undefined ? undefined : new Option(spec.flag).attributeName();
    const given = attribute !== undefined && flagSource(attribute) === 'cli';
    return resolveOne(spec, given ? { value: flags[attribute] } : undefined, !flagOnly(spec, command), loaded, io);
  });
  return r as { options: OptionsFor<C>; sources: SourcesFor<C> };
}

/** Every option that the environment or the configuration file can set, as a run without flags would see it, and the commands each belongs to. */
export function configuredOptions(loaded: LoadedConfig, io: Io) {
  const specs = SPECS.filter((s) => s.configPath !== undefined || s.env !== undefined);
  const { options, sources } = collect(specs, (spec) => resolveOne(spec, undefined, true, loaded, io));
  const commands = Object.fromEntries(specs.map((s) => [s.key, s.commands.filter((c) => !flagOnly(s, c))]));
  return { options, sources, commands };
}

const NO_CONFIG: LoadedConfig = { config: {}, file: undefined };

/**
 * Loads the configuration (honouring --config and --no-config) when the command reads it. The
 * file is checked whole, whichever command reads it: a wrong value is reported on the next run,
 * not on the first run of the one command that uses it.
 */
export async function configFor(command: CommandName, cmd: Command, io: Io): Promise<LoadedConfig> {
  const flags = cmd.opts();
  if (!SPECS.some((s) => s.key === 'config' && own(s, command)) || flags.config === false) return NO_CONFIG;
  const loaded = await loadConfig(io.cwd, typeof flags.config === 'string' ? flags.config : undefined);
  for (const spec of SPECS) {
    const value = spec.configPath && spec.fromConfig ? at(loaded.config, spec.configPath) : undefined;
    if (value !== undefined) spec.fromConfig!(value, loaded.file!);
  }
  return loaded;
}

/** Loads the configuration and resolves the options of `command`. */
export async function effectiveOptions<C extends CommandName>(command: C, cmd: Command, io: Io): Promise<{ options: OptionsFor<C>; sources: SourcesFor<C>; loaded: LoadedConfig }> {
  const loaded = await configFor(command, cmd, io);
  return { ...resolveOptions(command, cmd.opts(), (a) => cmd.getOptionValueSource(a), loaded, io), loaded };
}
