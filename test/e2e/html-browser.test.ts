/**
 * The HTML report in a real headless browser (Debian's Chromium, which .ci/run installs): it
 * opens from disk, shows the counts and the affected rows, makes no request, logs no error.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'recall-check-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTML report in Chromium', () => {
  // CI installs Chromium; on a machine without it this says so rather than passing silently.
  it.runIf(existsSync(CHROMIUM) || process.env.CI)('opens, shows the counts and the affected rows, and has no console errors or requests', async () => {
    const inv = join(dir, 'inv.csv');
    writeFileSync(inv, 'model,serial,country\nA3102,ACCJRU1D16400900,AU\nA1263,A1B2C3D4E5F6G7H8,US\nA9999,1,US\n');
    const out = join(dir, 'report.html');
    expect(runCli(['batch', inv, '-f', 'html', '-o', out]).code).toBe(1);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(out).href);
      expect(await page.title()).toBe(`Recall check: ${inv}`);
      expect(await page.locator('[data-status=affected] b').textContent()).toBe('1');
      expect(await page.locator('[data-status=verify] b').textContent()).toBe('1');
      expect(await page.locator('[data-status=no-recall] b').textContent()).toBe('1');
      const affected = page.locator('#affected + table tbody tr');
      expect(await affected.count()).toBe(1);
      expect(await affected.first().textContent()).toContain('ACCJRU1D16400900');
      expect(await page.locator('section.recall').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(out).href]);
    } finally {
      await browser.close();
    }
  });
});
