import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

/** C0 and C1 control characters but the line break: none may reach a terminal from the input. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;

const dir = mkdtempSync(join(tmpdir(), 'recall-check-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inv = join(dir, 'inv.csv');
writeFileSync(inv, ['model,serial,country', 'A3102,ACCJRU1D16400900,AU', 'A1263,A1B2C3D4E5F6G7H8,US', 'B0000', 'A9999,1,US', 'A1263,"<script>alert(1)</script>",US'].join('\n') + '\n');

describe('--format github', () => {
  it('annotates the input file: error for affected and unreadable rows, warning for verify', async () => {
    const r = await runMain(['batch', inv, '-f', 'github']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${inv},line=2,title=Recall \\(affected\\)%3A anker-r4-au-2024::A3102 ACCJRU1D16400900: The serial is in the published range`, 'u'));
    expect(lines[1]).toMatch(/^::warning file=.*,line=3,title=Recall \(verify\)%3A anker-a1263-us-2025::A1263 A1B2C3D4E5F6G7H8: /u);
    expect(lines[2]).toMatch(/^::error file=.*,line=4,title=Row not checked::B0000: line 4: expected 3 fields, got 1/u);
    expect(lines[3]).toMatch(/^::warning file=.*,line=6,/u);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY when it is set', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    await runMain(['batch', inv, '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n## Recall check: ')).toBe(true);
    expect(md).toContain('| affected | 1 |');
  });
});

describe('--format markdown', () => {
  it('counts, affected units, units to verify, and what to do per recall', async () => {
    const r = await runMain(['batch', inv, '-f', 'markdown']);
    expect(r.stdout).toContain('**1 affected unit: stop selling them.**');
    expect(r.stdout).toContain('| **total** | **5** |');
    expect(r.stdout).toMatch(/### Affected units\n\n\| line \| model \| serial \| recalls \| why \|\n\| ---: \| --- \| --- \| --- \| --- \|\n\| 2 \| A3102 \| ACCJRU1D16400900 \| anker-r4-au-2024 \|/u);
    expect(r.stdout).toContain('### What to do');
    // The same guidance as the text report, including the steps a summary is tempted to drop.
    expect(r.stdout).toContain('Keep the unit until the manufacturer confirms your claim: this recall requires it.');
    expect(r.stdout).toContain('The claim needs: CPSC: one photo of the unit');
    expect(r.stdout).toMatch(/- \*\*anker-r4-au-2024\*\* \(AU, Jul 2024\): /u);
    // Cell text cannot break the table or inject HTML.
    expect(r.stdout).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0: one rule per recall, one result per finding with its line', async () => {
    const r = await runMain(['batch', inv, '-f', 'sarif']);
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The official schema has a pattern that is only valid without the u flag.
    // A CommonJS module: its class is the default export's default.
    const Ajv = (AjvDraft04 as unknown as { default: typeof AjvDraft04.default }).default;
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    // The validator is not a rubber stamp: a result without a message is rejected.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x' }] }] })).toBe(false);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['anker-r4-au-2024', 'anker-a1263-us-2025', 'recall-check/row-not-checked']));
    expect(run.results.map((x: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['anker-r4-au-2024', 'error', 2],
      ['anker-a1263-us-2025', 'warning', 3],
      ['recall-check/row-not-checked', 'error', 4],
      ['anker-a1263-us-2025', 'warning', 6],
    ]);
  });
});

describe('--format html', () => {
  it('one self-contained page: counts, affected first, escaped cells, no external requests', async () => {
    const out = join(dir, 'report.html');
    const r = await runMain(['batch', inv, '-f', 'html', '-o', out]);
    expect(r.code).toBe(2);
    const html = readFileSync(out, 'utf8');
    expect(html.indexOf('id="affected"')).toBeLessThan(html.indexOf('id="verify"'));
    expect(html).toContain('<div class="count affected" data-status="affected"><b>1</b>affected</div>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<link|<img|src=/u);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });
});

describe('hostile cells in every format', () => {
  const hostile = join(dir, 'hostile.csv');
  writeFileSync(hostile, ['model,serial,note', 'A1263,"A1B2\n=HYPERLINK(""http://x"")",\u001b[2J\u001b[31mred', 'A1263," =1+1",\u00a0@SUM(A1)', 'A1263,"x|y</td><script>",`code`'].join('\n') + '\n');
  const ESC = /\u001b/u;

  it('html: no terminal escape sequences get through', async () => {
    expect((await runMain(['batch', hostile, '-f', 'html'])).stdout).not.toMatch(ESC);
  });

  it('github: a line break in a cell cannot start a new workflow command', async () => {
    const r = await runMain(['batch', hostile, '-f', 'github']);
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=/u);
  });

  it('markdown: cells cannot break the table or inject HTML', async () => {
    const r = await runMain(['batch', hostile, '-f', 'markdown']);
    const rowsOf = r.stdout.split('\n').filter((l) => l.startsWith('| 2 ') || l.startsWith('| 4 ') || l.startsWith('| 5 '));
    expect(rowsOf.length).toBeGreaterThan(0);
    for (const l of rowsOf) expect(l.split(/(?<!\\)\|/u)).toHaveLength(7);
    expect(r.stdout).not.toContain('<script>');
  });

  it('csv: a cell with a line break then = stays one quoted cell; leading space or NBSP before a formula is neutralised', async () => {
    const r = await runMain(['batch', hostile, '-f', 'csv']);
    expect(r.stdout).toContain('"A1B2\n=HYPERLINK(""http://x"")"');
    expect(r.stdout).toContain(`"' =1+1"`);
    expect(r.stdout).toContain(`"'\u00a0@SUM(A1)"`);
  });
});

describe('terminal escape sequences in printed text', () => {
  // Escapes where each reporter prints text from the input: the model cell, the serial cell and
  // the reason that quotes its characters, a refused row's message, an acknowledgement's reason
  // (from the configuration) and the file name.
  const project = join(dir, 'escapes');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{}');
  writeFileSync(join(project, '.recall-checkrc.json'), JSON.stringify({ acknowledgements: [{ serial: 'ACCJRU1D16400900', reason: 'RMA \u001b[31m1182\u009b2J' }] }));
  const name = 'inv\u001b[2J.csv';
  writeFileSync(join(project, name), ['model,serial,country', 'A1263\u001b[31m,A1B2C3D4E5F6G7H8,US', 'A1263,A1B2\u001b[2JC3D4E5F6G7H8,US', 'A9999,1,\u001b[31mX\u009bX', 'A3102,ACCJRU1D16400900,AU'].join('\n') + '\n');
  // What is left of each once its control characters are removed: proof the text was printed.
  const model = 'A1263[31m';
  const serial = 'A1B2[2JC3D4';
  const refused = '"[31mXX" is not a country';
  const ack = 'RMA [31m11822J';

  it.each([
    ['table', [model, serial, refused, ack]],
    ['markdown', [model, serial, refused, ack, '## Recall check: inv[2J.csv']],
    ['github', [model, serial, refused, ack, 'file=inv[2J.csv']],
  ])('%s: printed without its control characters', async (format, shown) => {
    const r = await runMain(['batch', name, '-f', format as string], { cwd: project });
    expect(r.stdout).not.toMatch(CONTROL);
    for (const text of shown as string[]) expect(r.stdout).toContain(text);
  });

  it('text (the single check): printed without its control characters', async () => {
    const r = await runMain(['a1263\u001b[31m', 'A1B2\u001b[2JC3D4E5F6G7H8', '--country', 'US'], { cwd: project });
    expect(r.stdout).not.toMatch(CONTROL);
    // The title, the note on how the input was read, and the reason quoting the serial's characters.
    expect(r.stdout).toContain('A1263[31M · serial A1B2[2JC3D4E5F6G7H8');
    expect(r.stdout).toContain('model "a1263[31m" read as A1263[31M');
    expect(r.stdout).toContain('"U+001B"');
    const acked = await runMain(['A3102', 'ACCJRU1D16400900', '--country', 'AU'], { cwd: project });
    expect(acked.stdout).not.toMatch(CONTROL);
    expect(acked.stdout).toContain(`Acknowledged in your configuration: ${ack}.`);
  });
});
