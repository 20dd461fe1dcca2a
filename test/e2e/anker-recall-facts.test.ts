/**
 * The Anker definitions say what their sources say, end to end: each test here is a fact an audit
 * against ../shared/facts/anker-recalls.md (and its addendum) found wrong or missing, checked
 * through the built CLI as a holder would meet it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, flat } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const def = (id: string) => JSON.parse(readFileSync(join(DATA, `${id}.json`), 'utf8'));
const show = async (what: string) => flat((await runMain(['show', what])).stdout);

describe('remedy and disposal per jurisdiction', () => {
  it('R2 Japan: Anker Japan collects and refunds the unit; the worldwide "not sent back" is not applied', async () => {
    const out = await show('anker-r2-jp-2023');
    expect(out).toMatch(/Collection and refund \(製品の回収と返金\)/u);
    expect(out).toContain('https://www.ankerjapan.com/pages/a1366-support');
    expect(out).toContain('Keep the unit until the manufacturer confirms your claim');
    expect(out).not.toMatch(/not (sent back|returned)/u);
    expect(out).toContain('https://getnews.jp/archives/3380896');
  });

  it('A1366 sold in Japan: the worldwide "not sent back" is not shown beside Japan\'s collection', async () => {
    const out = flat((await runMain(['A1366', '--country', 'JP'])).stdout);
    expect(out).toContain('Collection and refund');
    expect(out).not.toMatch(/not returned to Anker/u);
    expect(out).toContain('Also a worldwide notice of a recall above (for units sold in JP, that recall\'s definition for JP applies) anker-r2-global-2023 (18 Jan 2023): affected.');
    // Elsewhere the worldwide notice is the recall, in full.
    expect(flat((await runMain(['A1366', '--country', 'FR'])).stdout)).toContain('it is not returned to Anker');
  });

  it('R4 US: wait for customer service\'s return or disposal guidelines, never "dispose now"', async () => {
    expect(def('anker-r4-us-2024').disposal.value.waitForConfirmation).toBe(true);
    const out = await show('anker-r4-us-2024');
    expect(out).toContain('Keep the unit until the manufacturer confirms your claim');
    expect(out).toContain('customer service gives guidelines on how to return or dispose of the speaker');
  });

  it('every recall whose claim flow sends instructions after confirmation waits for them', async () => {
    for (const id of ['anker-r4-us-2024', 'anker-r4-global-2024', 'anker-a1263-us-2025', 'anker-r8-jp-2025', 'anker-r2-jp-2023']) {
      expect(def(id).disposal.value.waitForConfirmation, id).toBe(true);
    }
  });
});

describe('each product its own checker and colours', () => {
  it('show anker-r4-us-2024 sends A3302 owners to the A3302 checker, A3102 owners to the A3102 one', async () => {
    const out = await show('anker-r4-us-2024');
    expect(out).toContain('A3102: https://us.soundcore.com/pages/a3102-recall; A3302: https://us.ankerwork.com/pages/a3302-recall');
  });

  it('list --json gives each model its checker', async () => {
    const list = JSON.parse((await runMain(['list', '--json', '--model', 'A3302', '--country', 'US'])).stdout);
    const us = list.recalls.find((r: { id: string }) => r.id === 'anker-r4-us-2024');
    expect(us.checkerUrls).toEqual({ A3102: 'https://us.soundcore.com/pages/a3102-recall', A3302: 'https://us.ankerwork.com/pages/a3302-recall' });
  });

  it('a check of A3302 in the US names only the A3302 checker for the US recall', async () => {
    const r = await runMain(['A3302', '--country', 'US']);
    const us = flat(r.stdout.slice(r.stdout.indexOf('anker-r4-us-2024')));
    expect(r.stdout).toContain('Check at    https://us.ankerwork.com/pages/a3302-recall');
    expect(us.slice(0, us.indexOf('How to dispose'))).not.toContain('a3102-recall');
  });

  it('A3102 red and blue are not covered, and the report says so before the serial check', async () => {
    for (const id of ['anker-r3-jp-2024', 'anker-r4-us-2024', 'anker-r4-global-2024']) {
      const a3102 = def(id).products.find((p: { model: string }) => p.model === 'A3102');
      expect(a3102.excludedColours.value, id).toEqual(['red', 'blue']);
    }
    const out = flat((await runMain(['A3102', '--country', 'US'])).stdout);
    expect(out).toContain('Check the colour: red or blue units are not in this recall (only black).');
  });
});

describe('rules and references', () => {
  it('R3 Japan states no serial rule that only another recall\'s page gives', async () => {
    const r3 = def('anker-r3-jp-2024');
    for (const p of r3.products) for (const rule of p.serialRules ?? []) expect(rule.refs).not.toContain('soundcore-uk');
    expect(r3.references.map((x: { id: string }) => x.id)).not.toContain('soundcore-uk');
    // A serial with an O is then not called a misread by R3 (R4's worldwide notice, which gives the rule, still does).
    const json = JSON.parse((await runMain(['A3102', 'ACCJRU1D1640O841', '--country', 'JP', '--json'])).stdout);
    const codes = (id: string) => json.results[0].matches.find((m: { recallId: string }) => m.recallId === id).reasons.map((x: { code: string }) => x.code);
    expect(codes('anker-r3-jp-2024')).toEqual(['serial-rules-unpublished', 'colours-excluded']);
    expect(codes('anker-r4-global-2024')).toEqual(['serial-excluded-characters', 'colours-excluded']);
  });

  it('A1263: no aggregator behind any fact; colours absent until a reputable page gives them', async () => {
    const a1263 = def('anker-a1263-us-2025');
    const urls = a1263.references.map((x: { url: string }) => x.url).join(' ');
    expect(urls).not.toMatch(/gadgethype\.top|decorvow\.pages\.dev/u);
    expect(a1263.products[0].colours).toBeUndefined();
  });

  it('A1263: the gift card is recorded with both conditions the sources give', async () => {
    const out = await show('anker-a1263-us-2025');
    expect(out).toMatch(/Gift card: A \$30 gift card for Anker\.com\. Sources differ on when it is offered: one says buyers choose it instead of the replacement, another that it is offered if replacements are on back order\./u);
  });

  it('A1263: each contact carries its own note, and the CPSC page is cited under its own title', async () => {
    const a1263 = def('anker-a1263-us-2025');
    const web = a1263.contacts.find((c: { value: { kind: string } }) => c.value.kind === 'web');
    expect(web.note).not.toMatch(/e-?mail/iu);
    const phone = a1263.contacts.find((c: { value: { kind: string } }) => c.value.kind === 'phone');
    expect(phone.refs).not.toContain('cp24');
    const cpsc = a1263.references.find((x: { id: string }) => x.id === 'cpsc-power-banks-oct-2024');
    expect(cpsc.title).toBe('Anker Power Banks Recalled Due to Fire and Burn Hazards; Manufactured by Anker Innovations');
  });
});

describe('guidance follows the hazard', () => {
  it('the A8185011 cable recall gives no lithium-battery advice', async () => {
    for (const out of [await show('anker-r1-a8185011-2016'), flat((await runMain(['A8185011'])).stdout)]) {
      expect(out).toContain('Stop using it.');
      expect(out).not.toMatch(/Do not charge it|lithium|battery drop-off/iu);
      // Every unit is recalled: there is no serial to check.
      expect(out).not.toContain('Check the serial number');
    }
  });

  it('a power bank still gets the battery advice', async () => {
    expect(flat((await runMain(['A1366'])).stdout)).toContain('Do not charge it; keep it away from anything that can burn.');
  });
});

describe('every sourced jurisdiction, each with its own form and contacts', () => {
  const checkAt = (out: string) => [...out.matchAll(/^Check at {4}(.+)$/gmu)].map((m) => m[1]);

  it('A1647 sold in Saudi Arabia: the Saudi recall and its Middle East form lead; the Saudi line is named', async () => {
    const r = await runMain(['A1647', '--country', 'SA']);
    expect(r.code).toBe(3);
    expect(checkAt(r.stdout)[0]).toBe('https://anker.com/mmrc2506');
    const first = r.stdout.indexOf('── ');
    expect(r.stdout.slice(first, r.stdout.indexOf('\n', first))).toContain('anker-r7-sa-2025');
    expect(flat(r.stdout)).toContain('8008500030');
    // The Saudi notice does not list its models: the report says so rather than guessing.
    expect(flat(r.stdout)).toMatch(/recalls "multiple models" without listing them/u);
  });

  it('A1642 sold in Japan: affected (all units sold there), Anker Japan\'s form first, never the worldwide US form', async () => {
    const r = await runMain(['A1642', '--country', 'JP']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^AFFECTED/mu);
    expect(checkAt(r.stdout)).toEqual(['https://www.ankerjapan.com/pages/202409-support']);
    const first = r.stdout.indexOf('── ');
    expect(r.stdout.slice(first, r.stdout.indexOf('\n', first))).toContain('anker-r7-jp-2025');
    expect(flat(r.stdout)).toContain('0120-253-004');
  });

  it('R5 Japan: colours and sale windows per model, and the A-prefixed 16-character serial', async () => {
    const out = await show('anker-r5-jp-2024');
    expect(out).toContain('Colours black, white, pink, purple; not green');
    expect(out).toContain('Colours black, white, purple; not pink');
    expect(out).toContain('sold 12 Jan 2024 – 17 Sep 2024');
    expect(out).toContain('sold 1 Feb 2024 – 17 Sep 2024');
    const serial = JSON.parse((await runMain(['A1647', 'B2C3D4E5F6G7H8J9', '--country', 'JP', '--json'])).stdout);
    const r5jp = serial.results[0].matches.find((m: { recallId: string }) => m.recallId === 'anker-r5-jp-2024');
    expect(r5jp.reasons.map((x: { code: string }) => x.code)).toEqual(['serial-wrong-prefix', 'colours-excluded']);
  });

  it('R5 China and R7 Germany: what the sources do not give is said to be not on file', async () => {
    const cn = await show('anker-r5-cn-2024');
    expect(cn).toContain('No disposal instructions are on file for this recall');
    expect(cn).toContain('about 4,501 units');
    const de = await show('anker-r7-de-2025');
    expect(de).toContain('The remedy is not on file');
    expect(de).toContain('+49 (0) 69 9579 7960');
  });

  it('R8 Japan: the phone window, from the Consumer Affairs Agency\'s details as relayed', async () => {
    const out = await show('anker-r8-jp-2025');
    expect(out).toContain('0120-775-171 (9:00–17:00, weekends and holidays included)');
    expect(out).not.toContain('202510-support');
  });
});

describe('a batch sends each row to the same forms as a single check', () => {
  it('the country\'s recall leads, and a worldwide notice\'s form gives way to the country\'s definition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-anker-'));
    try {
      const file = join(dir, 'stock.csv');
      writeFileSync(file, 'model,serial,country\nA1647,,SA\nA1647,,CN\nA1647,,DE\n');
      const r = await runMain(['batch', file, '--format', 'csv']);
      const rows = r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(','));
      const url = (i: number) => rows[i]!.at(-1);
      expect(rows[0]![4]!.split(' ')[0]).toBe('anker-r7-sa-2025');
      expect(url(0)).toBe('https://anker.com/mmrc2506 https://www.anker.com/a1642-a1647-a1652-recall-form');
      // China has its own definition of the 2024 recall: the worldwide (US) form is not offered there.
      expect(url(1)).toBe('https://recall.anker.com.cn/recall-form/');
      // Germany has none for 2024: the worldwide form still applies.
      expect(url(2)).toBe('https://www.anker.com/a1642-a1647-a1652-recall-form');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Markdown summary says a remedy or disposal that is not on file is not on file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-anker-'));
    try {
      const file = join(dir, 'stock.csv');
      writeFileSync(file, 'model,serial,country\nA1647,,DE\nA8185011,,US\n');
      const out = flat((await runMain(['batch', file, '--format', 'markdown'])).stdout);
      expect(out).toContain('Remedy: The remedy is not on file');
      expect(out).toContain('Disposal: No disposal instructions are on file for this recall');
      const cable = out.slice(out.indexOf('**anker-r1-a8185011-2016**'));
      expect(cable.slice(0, cable.indexOf('- **', 4) === -1 ? undefined : cable.indexOf('- **', 4))).not.toMatch(/charge it|lithium/iu);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
