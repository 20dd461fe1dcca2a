/** The option table is the one place flags are declared, and each command resolves only its own options. */
import { describe, expect, it } from 'vitest';
import { COMMANDS, flagNames, OPTIONS, resolveOptions, VALUE_FLAGS } from '../../src/cli/options.js';
import { runMain } from '../helpers/main.js';
import { ROOT } from '../helpers/cli.js';

const io = { stdin: [] as never, stdout: { write: () => true }, stderr: { write: () => true }, cwd: ROOT };
const loaded = { config: { country: 'JP', failOn: 'never' as const }, file: '/p/.recall-checkrc.json' };
const noFlags = () => undefined;

/** The flags commander shows in a command's help: what the command really accepts. */
async function helpFlags(command: string): Promise<string[]> {
  const help = (await runMain([...command.split(' '), '--help'])).stdout;
  const options = help.slice(help.indexOf('Options:'));
  return [...options.matchAll(/^ {2}(-[^ ,]+)(?:, (-[^ ,]+))?/gmu)].flatMap((m) => [m[1]!, m[2]].filter((f) => f !== undefined)).filter((f) => f !== '-h' && f !== '--help').sort();
}

describe('the option table', () => {
  it('declares each flag once', () => {
    const names = OPTIONS.flatMap((o) => flagNames(o));
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(COMMANDS.map((c) => [c]))('%s takes exactly the flags the table gives it', async (command) => {
    const fromTable = OPTIONS.filter((o) => (o.commands as readonly string[]).includes(command)).flatMap((o) => flagNames(o)).sort();
    expect(await helpFlags(command)).toEqual(fromTable);
  });

  it('derives the flags that take a value', () => {
    for (const f of ['-o', '--output', '--delimiter', '--data-dir', '--config', '--country', '-f', '--format', '--extra-data-dir', '--brand', '--model']) expect(VALUE_FLAGS.has(f), f).toBe(true);
    for (const f of ['--json', '--all', '--no-config']) expect(VALUE_FLAGS.has(f), f).toBe(false);
  });
});

describe('each command resolves its own options', () => {
  it('check takes the configured country and fail-on; list takes neither', () => {
    const check = resolveOptions('check', {}, noFlags, loaded, { ...io, env: {} });
    expect(check.options).toMatchObject({ country: 'JP', failOn: 'never' });
    const list = resolveOptions('list', {}, noFlags, loaded, { ...io, env: { RECALL_CHECK_FAIL_ON: 'sometimes', RECALL_CHECK_COUNTRY: 'US' } });
    expect(list.options.country).toBeUndefined();
    expect(list.sources.country).toBe('default');
    expect(Object.keys(list.options)).not.toContain('failOn');
    // @ts-expect-error format is not an option of show
    expect(resolveOptions('show', {}, noFlags, loaded, { ...io, env: {} }).options.format).toBeUndefined();
  });

  it('a bad environment value of another command does not stop list', async () => {
    const r = await runMain(['list', '--json', '--no-config'], { env: { RECALL_CHECK_FAIL_ON: 'sometimes' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).recalls.length).toBeGreaterThan(0);
  });

  it('config print shows which commands use each option', async () => {
    const doc = JSON.parse((await runMain(['config', 'print', '--json', '--no-config'])).stdout);
    expect(doc.commands).toMatchObject({ format: ['batch'], failOn: ['check', 'batch'], country: ['check', 'batch'], dataDirs: ['check', 'batch', 'list', 'show', 'site'] });
    expect(Object.keys(doc.sources)).not.toContain('json');
  });
});
