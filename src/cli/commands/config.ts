import type { Command } from 'commander';
import { EXIT } from '../../results/exit-code.js';
import type { Io } from '../io.js';
import { configFor, configuredOptions, resolveOptions } from '../options.js';

/** The options that the configuration and the environment set, each with where it came from and the commands that use it. */
export async function configPrintCommand(io: Io, cmd: Command): Promise<number> {
  const loaded = await configFor('config print', cmd, io);
  const own = resolveOptions('config print', cmd.opts(), (a) => cmd.getOptionValueSource(a), loaded, io).options;
  const { options, sources, commands } = configuredOptions(loaded, io);
  if (own.json) {
    io.stdout.write(JSON.stringify({ configFile: loaded.file ?? null, options, sources, commands }, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [`config file        ${loaded.file ?? '(none found)'}`];
  for (const [key, value] of Object.entries(options)) {
    const shown = Array.isArray(value) ? (key === 'acknowledgements' ? `${value.length} entr${value.length === 1 ? 'y' : 'ies'}` : value.join(', ') || '(none)') : (value ?? '(not set)');
    lines.push(`${key.padEnd(18)} ${String(shown).padEnd(28)} ${sources[key]}`);
  }
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
