import { Command } from 'commander';
import { EXIT } from '../../results/exit-code.js';
import type { Io } from '../io.js';
import { addOptions, effectiveOptions } from '../options.js';

/** The effective options of a batch run here, each with where it came from. */
export async function configPrintCommand(io: Io, opts: { config?: string | false; json?: boolean }): Promise<number> {
  // Resolve as a batch run would (it has every option), without command-line flags.
  const cmd = addOptions(new Command('batch'), 'batch');
  cmd.setOptionValue('config', opts.config);
  const { options, sources, loaded } = await effectiveOptions('batch', cmd, io);
  if (opts.json) {
    io.stdout.write(JSON.stringify({ configFile: loaded.file ?? null, options, sources }, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [`config file        ${loaded.file ?? '(none found)'}`];
  for (const [key, value] of Object.entries(options)) {
    const shown = Array.isArray(value) ? (key === 'acknowledgements' ? `${value.length} entr${value.length === 1 ? 'y' : 'ies'}` : value.join(', ') || '(none)') : (value ?? '(not set)');
    lines.push(`${key.padEnd(18)} ${String(shown).padEnd(28)} ${sources[key as keyof typeof sources]}`);
  }
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
