/**
 * No generated input makes the CLI exit with an undocumented code or print a stack trace. Each
 * case spawns the built bin, so the number of runs is small; raise it with
 * RECALL_CHECK_PROPERTY_RUNS for a longer hunt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { buildManifest } from '../../src/data/manifest.js';
import { runMain } from '../helpers/main.js';
import { definition } from '../helpers/definitions.js';
import { configureProperties } from '../helpers/property.js';

// In-process runs are cheap: an exception that escapes main() fails the property at once.
configureProperties(100);
const dir = mkdtempSync(join(tmpdir(), 'recall-check-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOCUMENTED = [0, 1, 2, 3];
const STACK = /\n\s+at .*:\d+:\d+/u;

function expectClean(r: { code: number | null; stderr: string }) {
  expect(DOCUMENTED).toContain(r.code);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/TypeError|ReferenceError|RangeError|Unhandled/u);
}

describe('fuzzing the CLI', () => {
  test.prop([fc.uint8Array({ maxLength: 400 })])('random bytes as a batch file', async (bytes) => {
    expectClean(await runMain(['batch', '-', '-f', 'ndjson'], { input: Buffer.from(bytes) }));
  });

  const cell = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('A1263', 'A3102', 'ACCJRU1D16400900', '"', '""x', '\r', 'sep=;', '=1', '\u0410'));
  test.prop([fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('csv', 'table', 'json', 'github', 'sarif')])(
    'random CSV-ish text, every format',
    async (rows, delimiter, format) => {
      const text = ['model' + delimiter + 'serial', ...rows.map((r) => r.join(delimiter))].join('\n');
      expectClean(await runMain(['batch', '-', '-f', format], { input: text }));
    },
  );

  test.prop([fc.string({ maxLength: 30 }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined })])('random model and serial arguments', async (model, serial) => {
    const args = ['--', model, ...(serial === undefined ? [] : [serial])];
    expectClean(await runMain(['check', ...args]));
  });

  // A definition broken in a random place: every field replaced by a random JSON value.
  const broken = fc.tuple(fc.constantFrom(...Object.keys(definition())), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => ({ ...definition(), [key]: value }));
  test.prop([broken])('random broken definitions: refused with exit 2, or accepted', async (doc) => {
    const d = mkdtempSync(join(dir, 'data-'));
    const text = JSON.stringify(doc);
    writeFileSync(join(d, 'x.json'), text);
    writeFileSync(join(d, 'manifest.json'), JSON.stringify(buildManifest([{ path: 'x.json', bytes: Buffer.from(text) }], undefined, '2026-01-01')));
    const r = await runMain(['data', 'validate', d]);
    expectClean(r);
    expect([0, 2]).toContain(r.code);
    expectClean(await runMain(['A1263', '--data-dir', d]));
  });
});
