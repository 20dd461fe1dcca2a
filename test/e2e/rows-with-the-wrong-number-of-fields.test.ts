/**
 * A row with more or fewer fields than the header (a note in a column with no header, an
 * unquoted comma in a title, a row cut short) cannot be read column by column. It is still
 * searched for a recalled code: one that names a recall is a finding (verify at most, beside its
 * error), so the summary never reads "affected 1" beside recalled units it could half read.
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main.js';
import { scratchFiles } from '../helpers/project.js';

const { file: writeFile } = scratchFiles('recall-check-fields-');

const FILE = [
  'model,serial,country,title',
  'A1366,,US,ok', //                                   line 2: affected
  'a-1366,,US,x,note in a column with no header', //   line 3: 5 fields, names A1366
  'A9999,1,US,x,note', //                              line 4: 5 fields, names nothing
  'A3102,ACCJRU1D16400900,AU,Anker, 10000 speaker', // line 5: an unquoted comma in the title
  'A1263', //                                          line 6: cut short
  'B0000,1,US,Anker A1263 power bank,extra', //         line 7: the recalled code is in the title
].join('\n') + '\n';

describe('rows with the wrong number of fields', () => {
  it('are findings when their text names a recall, verify at most, each with its error; a row naming none stays an error', async () => {
    const r = await runMain(['batch', writeFile('fields.csv', FILE), '-f', 'ndjson']);
    expect(r.code).toBe(2);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    const rows = docs.filter((d) => d.type === 'row').map((d) => [d.line, d.status, d.error?.code ?? null]);
    expect(rows).toEqual([
      [2, 'affected', null],
      [3, 'verify', 'field-count'],
      [4, 'error', 'field-count'],
      [5, 'verify', 'field-count'],
      [6, 'verify', 'field-count'],
      [7, 'verify', 'field-count'],
    ]);
    const summary = docs.find((d) => d.type === 'summary');
    expect(summary.byStatus).toMatchObject({ affected: 1, verify: 4 });
    expect(summary.errors).toMatchObject({ count: 5, findings: 4, lines: [3, 4, 5, 6, 7] });
    // Every row is accounted for once: statuses + skipped + errors − the errors that are findings.
    const statuses = Object.values(summary.byStatus as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(statuses + summary.skipped.count + summary.errors.count - summary.errors.findings).toBe(summary.rows);
  });

  it('an in-range serial in a row whose columns may have moved is never affected by its serial: verify, saying why', async () => {
    const r = await runMain(['batch', writeFile('moved.csv', FILE), '-f', 'table', '--all']);
    const line5 = r.stdout.split('\n').find((l) => l.startsWith('5 '))!;
    expect(line5).toMatch(/^5 +verify /u);
    expect(line5).toContain('Part of this row could not be read: expected 4 fields, got 5');
  });
});
