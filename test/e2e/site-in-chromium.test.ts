/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions handed to page.evaluate run in the page, with DOM types.)
/**
 * The offline web checker (`recall-check site`) in a real headless browser, Debian's Chromium
 * (which .ci/run installs), driven by playwright-core without a browser of its own. The page is
 * opened from disk as a user would; every test also asserts that it made no network request and
 * logged no error. Screenshots of each state go to test-output/site/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AVAILABLE = existsSync(CHROMIUM) || Boolean(process.env.CI);
const SHOTS = join(ROOT, 'test-output/site');
const INVENTORY = join(ROOT, 'test/fixtures/site/inventory.csv');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const A1263_CHECKER = 'https://www.anker.com/a1263-recall';

const dir = mkdtempSync(join(tmpdir(), 'recall-check-site-'));
const file = join(dir, 'recall-checker.html');
const folder = join(dir, 'folder');

let browser: Browser;
let page: Page;
/** Whether the running test opened a page (closed after it). */
let opened = false;
let problems: string[];
let requests: string[];

if (!AVAILABLE) console.warn(`site-in-chromium: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH; CI always runs these tests)`);

/** The page opened from disk, with what it logs and requests recorded. */
async function open(hash = '', viewport = { width: 1280, height: 900 }, now?: Date): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  page = await context.newPage();
  opened = true;
  if (now) await page.clock.setFixedTime(now);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The page itself and the blob its worker is made from are local; anything else left the device.
  page.on('request', (r) => {
    if (!/^(file|blob|data):/u.test(r.url())) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href + hash);
  return page;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page as it is now. */
async function accessibilityProblems(): Promise<string[]> {
  // Evaluated through the driver, not added as a <script>: the page's policy allows no other script.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run()).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function checkUnit(model: string, serial: string, country: string): Promise<void> {
  await page.fill('#model', model);
  await page.fill('#serial', serial);
  await page.fill('#country', country);
  await page.click('#check-button');
  await page.waitForSelector('#verdict');
}

describe.runIf(AVAILABLE)('the web page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    expect(runCli(['site', '-o', file, '--no-config']).code).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    problems = [];
    requests = [];
    opened = false;
  });
  afterEach(async () => {
    const seen = { problems, requests };
    if (opened) await page.context().close();
    expect(seen).toEqual({ problems: [], requests: [] });
  });

  it('A1263 with a serial: verify, the input as read, what to do, and the checker link', async () => {
    await open();
    await checkUnit('a-1263', 'A1B2C3D4E5F6G7H8', 'US');
    expect(await page.locator('#verdict').textContent()).toBe('VERIFY: this model is recalled; check this unit with the manufacturer');
    expect(await page.locator('.report').textContent()).toContain('model "a-1263" read as A1263 (upper-cased, removed dashes)');
    expect(await page.locator('#model-read').textContent()).toContain('read as A1263');
    // "Check at" and the verify step both link the manufacturer's checker.
    expect(await page.locator(`.report a[href="${A1263_CHECKER}"]`).count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.recall ul.steps').first().textContent()).toContain(`Check the serial number with the manufacturer: ${A1263_CHECKER}`);
    await shot('verify');
    expect(await accessibilityProblems()).toEqual([]);
  });

  it('A3102 with a serial in the published range, sold in AU: affected, with each section of the terminal report', async () => {
    await open();
    await checkUnit('A3102', 'ACCJRU1D16400900', 'AU');
    expect(await page.locator('#verdict').textContent()).toBe('AFFECTED: this unit is under a safety recall');
    expect(await page.locator('.report').getAttribute('data-status')).toBe('affected');
    const cli = runCli(['check', 'A3102', 'ACCJRU1D16400900', '--country', 'AU', '--no-config']).stdout.replace(/\s+/gu, ' ');
    // Every line the page shows is the CLI's own wording: fields, steps, lists and sources.
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('.report dt, .report dd, .report li, .report h3, .report h4, .report .never, #verdict')].map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        const marker = copy.querySelector('.marker');
        const text = (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
        return marker ? `${marker.textContent} ${text.slice((marker.textContent ?? '').length).trim()}` : text;
      }),
    );
    expect(lines.length).toBeGreaterThan(25);
    expect(lines.filter((l) => !cli.includes(l))).toEqual([]);
    for (const heading of ['What to do now', 'How to dispose of it', 'Sources']) expect(lines.some((l) => l.startsWith(heading)), heading).toBe(true);
    await shot('affected');
    await page.setViewportSize({ width: 375, height: 740 });
    // A phone screen: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shot('affected-phone');
    await page.emulateMedia({ media: 'print' });
    // The claim sheet: the verdict, the unit, the remedy and proof; not the form or the file check.
    expect(await page.locator('#check-form').isVisible()).toBe(false);
    expect(await page.locator('#file-section').isVisible()).toBe(false);
    expect(await page.locator('#verdict').isVisible()).toBe(true);
    expect(await page.locator('.recall ul.steps').first().textContent()).toContain('What the claim needs:');
    await shot('affected-print');
  });

  for (const [model, serial, country] of [['A1263', 'A1B2C3D4E5F6G7H8', 'US'], ['A3102', 'ACCJRU1D16400900', 'AU']] as const) {
    it(`printed, ${model} is a claim sheet of at most two pages: verdict, unit, remedy and proof, date and data`, async () => {
      await open('', undefined, new Date('2026-12-02T12:00:00Z'));
      await checkUnit(model, serial, country);
      await page.emulateMedia({ media: 'print' });
      const visible = async (selector: string) => page.locator(selector).first().isVisible();
      expect(await visible('#verdict')).toBe(true);
      expect(await page.locator('#verdict-title').textContent()).toContain(serial);
      expect(await visible('.recall ul.steps')).toBe(true);
      expect(await page.locator('#checked-on').textContent()).toMatch(/^Checked on 2026-12-02 with recall data \S+ \(generated \d{4}-\d\d-\d\d\), recall-check /u);
      expect(await visible('#checked-on')).toBe(true);
      for (const hidden of ['header h1', '#check-heading', '#check-form', '.recall dl.facts', 'ul.sources', '.sources-heading', '.recall-list', '#file-section']) {
        expect(await visible(hidden), hidden).toBe(false);
      }
      // One marker a checklist line: the box, not the box and the bullet.
      const subMarkers = await page.evaluate(() => [...document.querySelectorAll('ul.steps li.sub')].map((li) => [getComputedStyle(li, '::before').content, getComputedStyle(li.querySelector('.marker')!).display]));
      for (const [before, marker] of subMarkers) expect(before === 'none' || marker === 'none').toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu)?.length ?? 0;
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(2);
      writeFileSync(join(SHOTS, `claim-${model}.pdf`), pdf);
      await shot(`claim-${model}-print`);
    });
  }

  it('an unknown model: no recall on file, said not to be a clearance and not styled as one', async () => {
    await open();
    await checkUnit('ZZ9999', '', 'US');
    const verdict = page.locator('#verdict');
    expect(await verdict.textContent()).toBe('NO RECALL ON FILE for this model');
    expect(await page.locator('.report').textContent()).toContain('This is not a safety clearance');
    expect(await verdict.getAttribute('class')).toBe('verdict verdict-no-recall');
    // Not the not-affected green, in text or border.
    const colours = await verdict.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).borderLeftColor]);
    const green = await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.className = 'verdict verdict-not-affected';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(colours).not.toContain(green);
    await shot('no-recall');
    expect(await accessibilityProblems()).toEqual([]);
  });

  it('a file: progress, counts, findings, and a download byte for byte the CLI\'s batch --format csv', async () => {
    const cliOut = join(dir, 'cli.csv');
    expect(runCli(['batch', INVENTORY, '--format', 'csv', '-o', cliOut, '--no-config']).code).toBe(2);
    await open();
    await page.setInputFiles('#file', INVENTORY);
    await page.waitForSelector('#download');
    const count = async (s: string) => page.locator(`.counts [data-status="${s}"] b`).textContent();
    expect([await count('affected'), await count('verify'), await count('no-recall'), await count('skipped'), await count('error')]).toEqual(['1', '3', '2', '2', '2']);
    expect(await page.locator('#progress').evaluate((el) => (el as HTMLProgressElement).value)).toBe(1);
    expect(await page.locator('#findings tbody tr').count()).toBe(5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('inventory.recall-check.csv');
    const fromPage = readFileSync((await download.path())!);
    expect(fromPage.equals(readFileSync(cliOut))).toBe(true);
    await shot('file');
    expect(await accessibilityProblems()).toEqual([]);
  });

  it('a file of many chunks, with characters split across them: the same bytes as the CLI, while the page stays responsive', async () => {
    // About 6 MB: read in many stream chunks, whose boundaries fall inside multi-byte characters and quoted line breaks.
    const rows = ['SKU,Model,Serial,Country,Title'];
    const models = ['A1263', 'a-3102', 'ZZ9999', 'A1263 ', 'B0001'];
    for (let i = 0; i < 60_000; i++) rows.push(`P${i},${models[i % models.length]},ACCJRU1D${String(16400000 + i).padStart(8, '0')},${i % 7 === 0 ? 'AU' : 'US'},"Café Ünïcødé power bank ${i}${i % 11 === 0 ? '\r\nsecond line' : ''}"`);
    const big = join(dir, 'big.csv');
    writeFileSync(big, rows.join('\r\n') + '\r\n');
    const cliOut = join(dir, 'big.cli.csv');
    runCli(['batch', big, '--format', 'csv', '-o', cliOut, '--no-config']);
    await open();
    await page.setInputFiles('#file', big);
    // The main thread answers while the worker checks.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1000);
    await page.waitForSelector('#download', { timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(readFileSync((await download.path())!).equals(readFileSync(cliOut))).toBe(true);
  }, 90_000);

  // Files that are not plain UTF-8: the CLI writes each row that did not decode from its own bytes,
  // and the rest in the file's encoding; the page must write the same bytes.
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const cp1252 = 'SKU;Model;Serial;Country;Title\r\n1;A3102;ACCJRU1D16400900;AU;Caf\xe9 \xfcber\r\n2;A1263;A1B2C3D4E5F6G7H8;US;"na\xefve ""q"""\r\n3;ZZ9999;;US;\xe9t\xe9\r\n4;A1263;X;US;"broken \xe9\r\n5;A3102;ACCJRU1D16400900;AU;ok\r\n';
  const odd: [string, Buffer][] = [
    ['windows-1252.csv', latin1(cp1252)],
    ['windows-1252-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1(cp1252)])],
    ['one-bad-byte.csv', Buffer.concat([Buffer.from('SKU,Model,Serial,Country,Title\r\n1,A3102,ACCJRU1D16400900,AU,Caf\u00e9\r\n2,A1263,A1B2C3D4E5F6G7H8,US,bad '), Buffer.from([0xff]), Buffer.from(' byte\r\n3,ZZ9999,,US,"q ""x"""\r\n')])],
    ['utf-16le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SKU,Model,Serial,Country\r\n1,A3102,ACCJRU1D16400900,AU\r\n2,Caf\u00e9,,US\r\n', 'utf16le')])],
  ];
  for (const [name, bytes] of odd) {
    it(`a file that is not plain UTF-8 (${name}): the download is byte for byte the CLI's`, async () => {
      const input = join(dir, name);
      writeFileSync(input, bytes);
      const cliOut = join(dir, `${name}.cli.csv`);
      runCli(['batch', input, '--format', 'csv', '-o', cliOut, '--no-config']);
      await open();
      await page.setInputFiles('#file', input);
      await page.waitForSelector('#download');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const fromPage = readFileSync((await download.path())!);
      expect(fromPage.toString('latin1')).toBe(readFileSync(cliOut).toString('latin1'));
      await shot(`file-${name.replace(/\.csv$/u, '')}`);
    });
  }

  it('a file that is not UTF-8: the page\'s own advice, an encoding choice that re-checks it as --encoding does, and the no-serial note', async () => {
    const input = join(dir, 'cp1252.csv');
    writeFileSync(input, latin1('SKU;Model;Country;Title\r\n1;A3102;AU;Caf\xe9 \xfcber\r\n2;A1263;US;"na\xefve ""q"""\r\n3;ZZ9999;US;\xe9t\xe9 d\xe9j\xe0 fran\xe7ais\r\n4;A1263;US;gar\xe7on \xe0 la cr\xe8me\r\n'));
    const cliOut = join(dir, 'cp1252.cli.csv');
    runCli(['batch', input, '--format', 'csv', '--encoding', 'windows-1252', '-o', cliOut, '--no-config']);
    await open();
    expect(await page.inputValue('#file-encoding')).toBe('auto');
    await page.setInputFiles('#file', input);
    await page.waitForSelector('#download');
    const notes = (await page.locator('#file-result [role="note"]').allTextContents()).join('\n');
    expect(notes).toContain('cp1252.csv is not UTF-8; it looks like windows-1252: choose windows-1252 under "Text encoding"');
    expect(notes).not.toContain('--encoding');
    expect(notes).toContain('cp1252.csv has no serial column');
    await page.selectOption('#file-encoding', 'windows-1252');
    await page.waitForFunction(() => document.querySelector('#download') && !document.querySelector('#file-result')?.textContent?.includes('not UTF-8'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(readFileSync((await download.path())!).toString('latin1')).toBe(readFileSync(cliOut).toString('latin1'));
    await shot('file-encoding');
  });

  it('a second file while one is checked replaces it; the same file can be chosen again; a new country re-checks and is named', async () => {
    await open();
    // Tab order: the country and encoding come before the file they apply to.
    const order = await page.evaluate(() => [...document.querySelectorAll('#file-section input, #file-section select')].map((el) => el.id));
    expect(order).toEqual(['file-country', 'file-encoding', 'file']);
    const rows = ['SKU,Model'];
    for (let i = 0; i < 200_000; i++) rows.push(`P${i},ZZ9999`);
    const slow = join(dir, 'slow.csv');
    writeFileSync(slow, rows.join('\n') + '\n');
    await page.setInputFiles('#file', slow);
    await page.setInputFiles('#file', INVENTORY);
    await page.waitForSelector('#download');
    await page.waitForTimeout(1500);
    expect(await page.locator('#file-status').textContent()).toContain('inventory.csv: 9 rows checked');
    expect(await page.locator('#file-result').textContent()).not.toContain('slow.csv');
    expect(await page.inputValue('#file')).toBe('');
    await page.evaluate(() => document.querySelector('#file-result')!.replaceChildren());
    await page.setInputFiles('#file', INVENTORY);
    await page.waitForSelector('#download');
    await page.fill('#file-country', 'Australia');
    await page.locator('#file-country').dispatchEvent('change');
    await page.waitForFunction(() => document.querySelector('#file-status')?.textContent?.includes('sold in AU'));
    expect(await page.locator('#file-status').textContent()).toBe('inventory.csv: 9 rows checked; rows that name no country read as sold in AU.');
  });

  it('a file the CLI refuses: the same message, on the page', async () => {
    const cli = runCli(['batch', join(ROOT, 'test/fixtures/exports/ebay-file-exchange.csv'), '--no-config']);
    expect(cli.code).toBe(2);
    await open();
    await page.setInputFiles('#file', join(ROOT, 'test/fixtures/exports/ebay-file-exchange.csv'));
    await page.waitForSelector('#file-result .error');
    const message = (await page.locator('#file-result .error').textContent())!;
    expect(message).toContain('no model column found');
    expect(cli.stderr).toContain(message.slice(message.indexOf('no model column')));
    // The page's --model-column: the header's names to choose from; the check with one is the CLI's.
    expect(await page.locator('#model-column option').allTextContents()).toEqual(['*Action(SiteID=US|Country=US|Currency=USD|Version=1193)', '*Category', '*Title', '*StartPrice', '*Quantity', '*Format', '*Duration', '*Location', 'CustomLabel']);
    const cliOut = join(dir, 'ebay.cli.csv');
    runCli(['batch', join(ROOT, 'test/fixtures/exports/ebay-file-exchange.csv'), '--model-column', 'CustomLabel', '--format', 'csv', '-o', cliOut, '--no-config']);
    await page.selectOption('#model-column', 'CustomLabel');
    await page.click('#model-column-check');
    await page.waitForSelector('#download');
    expect(await page.locator('.counts [data-status="verify"] b').textContent()).toBe('2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(readFileSync((await download.path())!).equals(readFileSync(cliOut))).toBe(true);
    await shot('file-model-column');
  });

  it('a refusal the page has no choice for (two serial columns): it says so, and which CLI flag to use', async () => {
    const input = join(dir, 'two-serials.csv');
    writeFileSync(input, 'SKU,Model,Serial,S/N\r\n1,A1263,X,Y\r\n');
    await open();
    await page.setInputFiles('#file', input);
    await page.waitForSelector('#file-result .error');
    expect(await page.locator('#file-result .error').textContent()).toContain('--serial-column');
    expect(await page.locator('#file-result [role="note"]').textContent()).toContain('This page cannot choose columns');
    expect(await page.locator('#model-column').count()).toBe(0);
  });

  it('works by keyboard alone: Tab reaches the fields in order, Enter checks, focus moves to the verdict', async () => {
    await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('model');
    await page.keyboard.type('A1263');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('serial');
    await page.keyboard.type('A1B2C3D4E5F6G7H8');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('country');
    await page.keyboard.type('US');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#verdict');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verdict-title');
    expect(await page.locator('#verdict').textContent()).toContain('VERIFY');
    await shot('keyboard');
  });

  it('the shareable link reopens the check without the serial, and the check never puts the serial in it', async () => {
    await open('#model=A1263&country=US');
    expect(await page.locator('#verdict').textContent()).toContain('VERIFY');
    expect(await page.inputValue('#model')).toBe('A1263');
    expect(await page.inputValue('#country')).toBe('US');
    // Drawn before the first paint: nothing on the page moved when the verdict appeared.
    const shift = await page.evaluate(() => new Promise<number>((done) => {
      new PerformanceObserver((list) => done(list.getEntries().reduce((n, e) => n + ((e as unknown as { hadRecentInput: boolean }).hadRecentInput ? 0 : (e as unknown as { value: number }).value), 0))).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => done(0), 500);
    }));
    expect(shift).toBe(0);
    await checkUnit('A3102', 'ACCJRU1D16400900', 'AU');
    expect(new URL(page.url()).hash).toBe('#model=A3102&country=AU');
    expect(await page.locator('#share-link').getAttribute('href')).toBe('#model=A3102&country=AU');
    expect(page.url()).not.toContain('ACCJRU');
    await shot('shared-link');
  });

  it('a model field that holds the serial too: the link carries only the recalled code read from it', async () => {
    await open();
    await checkUnit('A1263 SN A1B2C3D4E5F6G7H8', '', 'US');
    expect(await page.locator('#verdict').textContent()).toContain('VERIFY');
    expect(new URL(page.url()).hash).toBe('#model=A1263&country=US');
    expect(await page.locator('#share-link').getAttribute('href')).toBe('#model=A1263&country=US');
    expect(page.url()).not.toContain('A1B2C3');
    // Extra text in which no recalled code is found: no link at all, rather than one with the text.
    await checkUnit('ZZ9999 SN A1B2C3D4E5F6G7H8', '', '');
    expect(await page.locator('#share').isVisible()).toBe(false);
    expect(page.url()).not.toContain('A1B2C3');
  });

  it('an error clears the link; the empty-model message is the CLI\'s', async () => {
    await open();
    await checkUnit('A1263', '', 'US');
    expect(new URL(page.url()).hash).toBe('#model=A1263&country=US');
    await page.fill('#country', 'Atlantis');
    await page.click('#check-button');
    await page.waitForSelector('#result .error');
    expect(await page.locator('#share').isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('');
    await checkUnit('A1263', '', 'US');
    await page.fill('#model', '');
    await page.click('#check-button');
    await page.waitForSelector('#result .error');
    expect(await page.locator('#share').isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('');
    const cli = runCli(['check', ' ', '--no-config']).stderr;
    const shown = (await page.locator('#result .error').textContent())!;
    expect(cli).toContain(`${shown[0]!.toLowerCase()}${shown.slice(1).replace(/\.$/u, '')}`);
  });

  it('data whose date is after this device\'s clock: said so, never a negative age', async () => {
    await open('', undefined, new Date('2020-01-01T12:00:00Z'));
    const line = (await page.locator('#data-line').textContent())!;
    expect(line).toContain("in the future by this device's clock");
    expect(line).not.toMatch(/-\d+ days?/u);
  });

  it('forbids every connection: the policy says connect-src none, and a request from the page is refused', async () => {
    await open();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    const outcome = await page.evaluate(() => fetch('https://example.com/?serial=1').then(() => 'sent', () => 'refused'));
    expect(outcome).toBe('refused');
    // The refusal itself is logged as a console error: that is the one this test expects.
    expect(problems.every((p) => p.includes('Content Security Policy'))).toBe(true);
    problems = [];
  });

  it('shows the data version and age, and the CLI\'s stale-data warning when the data is old', async () => {
    const now = new Date('2027-06-01T12:00:00Z');
    await open('', undefined, now);
    const generated = JSON.parse(runCli(['data', 'info', '--json']).stdout).generated as string;
    expect(await page.locator('#data-line').textContent()).toContain(`generated ${generated}`);
    const cli = runCli(['check', 'A1263', '--no-config'], { env: { RECALL_CHECK_NOW: '2027-06-01' } }).stderr;
    const note = /note: (the recall data is \d+ days old \(generated [\d-]+\); newer recalls may exist\.)/u.exec(cli)![1]!;
    const shown = (await page.locator('#stale').textContent())!;
    expect(await page.locator('#stale').isVisible()).toBe(true);
    expect(shown.toLowerCase()).toContain(note.toLowerCase());
    await shot('stale-data');
  });

  it('-o folder/ writes the same page as index.html', async () => {
    expect(runCli(['site', '-o', `${folder}/`, '--no-config']).code).toBe(0);
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe(readFileSync(file, 'utf8'));
  });
});
