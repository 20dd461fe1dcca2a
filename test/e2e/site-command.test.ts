/** `recall-check site`: where it writes the page, what data it embeds, and its user errors. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfData, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-site-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The data a written page carries. */
function embedded(html: string): { recalls: { id: string }[]; data: { version: string; bundled: boolean }; maxDataAgeDays: number } {
  const json = /<script type="application\/json" id="recall-data">(.*?)<\/script>/su.exec(html)![1]!;
  return JSON.parse(json);
}

describe('recall-check site', () => {
  it('writes one page with every recall of the verified data, and says where and how big', () => {
    const out = join(dir, 'page.html');
    const r = runCli(['site', '-o', out, '--max-data-age', '30', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*page\.html \([\d,]+ kB, \d+ recalls, data [\d.-]+\)/u);
    const page = embedded(readFileSync(out, 'utf8'));
    const ids = (JSON.parse(runCli(['list', '--json', '--no-config']).stdout).recalls as { id: string }[]).map((x) => x.id).sort();
    expect(page.recalls.map((x) => x.id).sort()).toEqual(ids);
    expect(page.data.bundled).toBe(true);
    expect(page.maxDataAgeDays).toBe(30);
  });

  it('embeds the data of --data-dir, validated, and says it is not the bundled data', () => {
    const data = copyOfData();
    try {
      const out = join(dir, 'other.html');
      expect(runCli(['site', '-o', out, '--data-dir', data.dir, '--no-config']).code).toBe(0);
      expect(embedded(readFileSync(out, 'utf8')).data.bundled).toBe(false);
    } finally {
      data.cleanup();
    }
  });

  it('without -o: one usage message naming -o, exit 2', () => {
    const r = runCli(['site', '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('recall-check: usage error: say where to write the page with -o: a file (-o recall-checker.html) or a folder (-o recall-checker/)\n');
  });

  it('a place it cannot write: one message, no stack trace, exit 2', () => {
    const r = runCli(['site', '-o', join(dir, 'no/such/folder/page.html'), '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^recall-check: usage error: cannot write .*page\.html \(ENOENT\): check that its folder exists and can be written\n$/u);
  });
});
