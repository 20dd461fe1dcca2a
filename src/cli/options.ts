/**
 * One table of options drives the command-line flags, the configuration keys and the
 * RECALL_CHECK_* environment variables, with one precedence: default < config < environment <
 * command line. `recall-check config print` shows the result and where each value came from.
 */
import { delimiter as pathDelimiter, dirname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { RecallCheckError } from '../core/errors.js';
import { countryProblem } from '../core/messages.js';
import { normaliseCountry } from '../core/country.js';
import type { Acknowledgement, Config } from '../config/schema.js';
import { FAIL_ON, type FailOn } from '../config/fail-on.js';
import { type LoadedConfig, loadConfig } from '../config/find.js';
import { DEFAULT_MAX_DATA_AGE_DAYS } from './data-age.js';
import { FORMATS, type Format } from '../report/index.js';
import type { Io } from './io.js';

export interface Effective {
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
}

type Key = keyof Effective;

interface Spec<K extends Key> {
  key: K;
  /** Where the value sits in the configuration file. */
  configPath: string[];
  flag?: string;
  env?: string;
  describe: string;
  commands: readonly ('check' | 'batch')[];
  default: Effective[K];
  /** From a flag or environment string; throws a usage error naming `where`. */
  parse?: (raw: string | string[], where: string, cwd: string) => Effective[K];
  /** From the configuration file, already validated; paths are made relative to the file. */
  fromConfig?: (value: unknown, configDir: string) => Effective[K];
}

const usage = (where: string, message: string) => new RecallCheckError('usage', `${where}: ${message}`);

export function country(raw: string | string[], where: string): string {
  const c = normaliseCountry(String(raw));
  if (!c) throw usage(where, countryProblem(String(raw)));
  return c;
}

function choice<T extends string>(values: readonly T[]) {
  return (raw: string | string[], where: string): T => {
    if (!(values as readonly string[]).includes(String(raw))) throw usage(where, `"${raw}" is not one of ${values.join(', ')}`);
    return raw as T;
  };
}

function days(raw: string | string[], where: string): number {
  const s = String(raw).trim();
  if (!/^\d+$/u.test(s)) throw usage(where, `"${raw}" is not a whole number of days (e.g. 90)`);
  return Number(s);
}

const text = (raw: string | string[]) => String(raw);

export const OPTIONS = [
  { key: 'country', configPath: ['country'], flag: '--country <code>', env: 'RECALL_CHECK_COUNTRY', describe: 'country where the unit was sold (ISO code, e.g. US)', commands: ['check', 'batch'], default: undefined, parse: country, fromConfig: (v) => country(v as string, 'country') },
  { key: 'format', configPath: ['format'], flag: '-f, --format <format>', env: 'RECALL_CHECK_FORMAT', describe: `batch report format: ${FORMATS.join(', ')}`, commands: ['batch'], default: 'table', parse: choice(FORMATS) },
  { key: 'maxDataAgeDays', configPath: ['maxDataAgeDays'], flag: '--max-data-age <days>', env: 'RECALL_CHECK_MAX_DATA_AGE_DAYS', describe: `warn on stderr when the data is older than this many days`, commands: ['check', 'batch'], default: DEFAULT_MAX_DATA_AGE_DAYS, parse: days },
  { key: 'failOn', configPath: ['failOn'], flag: '--fail-on <level>', env: 'RECALL_CHECK_FAIL_ON', describe: 'which findings set a non-zero exit code: affected, verify (exit 1 or 3, the default) or never', commands: ['check', 'batch'], default: 'verify', parse: choice(FAIL_ON) },
  {
    key: 'dataDirs', configPath: ['dataDirs'], flag: '--extra-data-dir <dir...>', env: 'RECALL_CHECK_DATA_DIRS', describe: 'also use the definitions in these directories (validated like the bundled ones)', commands: ['check', 'batch'], default: [],
    parse: (raw, _where, cwd) => (Array.isArray(raw) ? raw : raw.split(pathDelimiter).filter(Boolean)).map((d) => resolve(cwd, d)),
    fromConfig: (v, dir) => (v as string[]).map((d) => resolve(dir, d)),
  },
  { key: 'modelColumn', configPath: ['columns', 'model'], flag: '--model-column <name>', env: 'RECALL_CHECK_MODEL_COLUMN', describe: 'column holding the model number (default: found from the header)', commands: ['batch'], default: undefined, parse: text },
  { key: 'serialColumn', configPath: ['columns', 'serial'], flag: '--serial-column <name>', env: 'RECALL_CHECK_SERIAL_COLUMN', describe: 'column holding the serial number (default: found from the header)', commands: ['batch'], default: undefined, parse: text },
  { key: 'countryColumn', configPath: ['columns', 'country'], flag: '--country-column <name>', env: 'RECALL_CHECK_COUNTRY_COLUMN', describe: 'column holding the country of sale (default: found from the header)', commands: ['batch'], default: undefined, parse: text },
  {
    key: 'scanColumns', configPath: ['columns', 'scan'], flag: '--scan-columns <names>', env: 'RECALL_CHECK_SCAN_COLUMNS', describe: 'comma-separated descriptive columns to search for recalled model codes (default: title, item name, seller SKU … found from the header)', commands: ['batch'], default: undefined,
    parse: (raw, where) => {
      const names = String(raw).split(',').map((n) => n.trim()).filter(Boolean);
      if (names.length === 0) throw usage(where, 'name at least one column, e.g. item-name,seller-sku');
      return names;
    },
  },
  { key: 'acknowledgements', configPath: ['acknowledgements'], describe: 'findings already handled (configuration file only)', commands: ['check', 'batch'], default: [] },
] as const satisfies readonly Spec<Key>[];

/** Adds the table's flags for a command, and --config / --no-config. */
export function addOptions(cmd: Command, command: 'check' | 'batch'): Command {
  for (const spec of OPTIONS as readonly Spec<Key>[]) {
    if (spec.flag && spec.commands.includes(command)) cmd.addOption(new Option(spec.flag, spec.describe));
  }
  cmd.option('--config <file>', 'read options from this configuration file');
  cmd.option('--no-config', 'ignore configuration files');
  return cmd;
}

export type Sources = Record<Key, string>;

function attributeOf(flag: string): string {
  return new Option(flag).attributeName();
}

function at(obj: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** The effective options and where each came from: flag, environment, configuration or default. */
export function resolveOptions(
  command: 'check' | 'batch',
  flags: Record<string, unknown>,
  flagSource: (attribute: string) => string | undefined,
  loaded: LoadedConfig,
  io: Io,
): { options: Effective; sources: Sources } {
  const options = {} as Record<Key, unknown>;
  const sources = {} as Sources;
  for (const spec of OPTIONS as readonly Spec<Key>[]) {
    const attribute = spec.flag ? attributeOf(spec.flag) : undefined;
    const flagName = spec.flag?.split(/[ ,]+/u).find((f) => f.startsWith('--'));
    const envValue = spec.env ? io.env[spec.env] : undefined;
    const configValue = at(loaded.config as Config, spec.configPath);
    if (attribute && spec.commands.includes(command) && flagSource(attribute) === 'cli') {
      options[spec.key] = spec.parse!(flags[attribute] as string, flagName!, io.cwd);
      sources[spec.key] = `flag ${flagName}`;
    } else if (envValue !== undefined && envValue !== '' && spec.parse) {
      options[spec.key] = spec.parse(envValue, `environment variable ${spec.env}`, io.cwd);
      sources[spec.key] = `env ${spec.env}`;
    } else if (configValue !== undefined) {
      options[spec.key] = spec.fromConfig ? spec.fromConfig(configValue, dirname(loaded.file!)) : configValue;
      sources[spec.key] = `config ${loaded.file}`;
    } else {
      options[spec.key] = spec.default;
      sources[spec.key] = 'default';
    }
  }
  return { options: options as unknown as Effective, sources };
}

/** Loads the configuration (honouring --config and --no-config) and resolves the options of a command. */
export async function effectiveOptions(command: 'check' | 'batch', cmd: Command, io: Io): Promise<{ options: Effective; sources: Sources; loaded: LoadedConfig }> {
  const flags = cmd.opts();
  const loaded: LoadedConfig = flags.config === false ? { config: {}, file: undefined } : await loadConfig(io.cwd, typeof flags.config === 'string' ? flags.config : undefined);
  return { ...resolveOptions(command, flags, (a) => cmd.getOptionValueSource(a), loaded, io), loaded };
}
