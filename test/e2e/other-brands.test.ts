import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { flat } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const EXIT = { notAffected: 0, affected: 1, verify: 3 };

describe('other brands: the verdicts their sheets imply, from the built bin', () => {
  it('Belkin BPD005 57V12345678901: affected, a 14-character serial starting 57V is what CPSC recalls', async () => {
    const r = await runMain(['BPD005', '57V12345678901']);
    expect(r.code).toBe(EXIT.affected);
    expect(r.stdout).toMatch(/^BPD005 · serial 57V12345678901\nAFFECTED/u);
    expect(flat(r.stdout)).toContain('The serial has 14 characters and starts with "57V", as the recalled units\' serials do.');
    // The Japanese recall of the same model publishes no rule: it is listed, and says so.
    expect(r.stdout).toContain('belkin-bpd005-jp-2024');
  });

  it('Belkin BPD005 57V1234567890 (13 characters) in the US: verify, it may be cut short, never a clearance', async () => {
    const r = await runMain(['BPD005', '57V1234567890', '--country', 'US']);
    expect(r.code).toBe(EXIT.verify);
    expect(flat(r.stdout)).toContain('The serial has 13 characters; this recall\'s serials have 14.');
  });

  it('INIU BI-B41 000G21: affected, a listed serial; the report says red and orange units are not recalled', async () => {
    const r = await runMain(['BI-B41', '000G21']);
    expect(r.code).toBe(EXIT.affected);
    expect(flat(r.stdout)).toContain('The serial 000G21 is on the published list of recalled serials.');
    expect(flat(r.stdout)).toContain('Units in red or orange are not in this recall.');
    expect(r.stdout).toContain('Colours     black, blue; not red, orange');
  });

  it('VC Group ZHX-PB21 with no PO number typed: verify, because a PO outside PO-PP001…010 is not addressed; it asks for the PO number and says unmarked units are recalled', async () => {
    const r = await runMain(['ZHX-PB21']);
    expect(r.code).toBe(EXIT.verify);
    expect(flat(r.stdout)).toContain('read the PO number printed on the back and check again with it. A unit with no PO number is recalled too: check again with "none" as the PO number.');
    expect(r.stdout).toContain('https://velvetcaviar.com/pages/magsafe-battery-pack-recall');
  });

  it('VC Group ZHX-PB21 "none" (the unit has no PO number): affected, CPSC recalls units without one', async () => {
    const r = await runMain(['ZHX-PB21', 'none']);
    expect(r.code).toBe(EXIT.affected);
    expect(flat(r.stdout)).toContain('The notice says units with no PO number are recalled too.');
  });

  it('Baseus BS-30KP365 with a serial ending in A, sold in the US: not affected, only endings 0–9 and D are recalled there', async () => {
    const r = await runMain(['BS-30KP365', '2402ABC0123A', '--country', 'US']);
    expect(r.code).toBe(EXIT.notAffected);
    expect(r.stdout).toContain('NOT AFFECTED');
    expect(flat(r.stdout)).toContain('The serial ends in "A"; the notice recalls only units whose serial ends in "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" or "D".');
    const d = await runMain(['BS-30KP365', '2402ABC0123D', '--country', 'US']);
    expect(d.code).toBe(EXIT.affected);
  });

  it('NEWDERY ZHX-PB22: affected, never weaker than CPSC\'s "stop using it"; the report says there is no recall remedy and offers no claim', async () => {
    const r = await runMain(['ZHX-PB22']);
    expect(r.code).toBe(EXIT.affected);
    expect(r.stdout).toContain('AFFECTED: a safety agency warns owners to stop using this product (no recall; no remedy exists)');
    expect(flat(r.stdout)).toContain('There is no recall remedy: the firm declined to recall it, so no refund, replacement or claim exists.');
    expect(r.stdout).not.toContain('Claim the remedy');
    expect(r.stdout).not.toContain('Every unit of this model is recalled');
    expect(r.stdout).not.toContain('vc-group-zhx-pb21-us ·');
  });

  it('Baseus PPXCW06, the Amazon listing: affected as PPCXW06, saying it is a listing alias', async () => {
    const r = await runMain(['PPXCW06']);
    expect(r.code).toBe(EXIT.affected);
    expect(flat(r.stdout)).toContain('PPXCW06 is not a model number printed on units: it is how a seller listed model PPCXW06, and it is read as PPCXW06.');
  });

  it('Cygnett CY5092PBCHE in New Zealand: a listed batch code is affected; an unlisted one is verify, since Australia added codes later', async () => {
    expect((await runMain(['CY5092PBCHE', '4625', '--country', 'NZ'])).code).toBe(EXIT.affected);
    const r = await runMain(['CY5092PBCHE', '4626', '--country', 'NZ']);
    expect(r.code).toBe(EXIT.verify);
    expect(flat(r.stdout)).toContain('The batch code 4626 is not one the notice lists, and it does not say what that means');
  });

  it('Romoss PAC20-272 with a serial: verify, a serial never tells the manufacture date', async () => {
    const r = await runMain(['PAC20-272', 'SN12345']);
    expect(r.code).toBe(EXIT.verify);
    expect(flat(r.stdout)).toContain('The serial number does not tell the batch or the manufacture date.');
  });
});

describe('other brands in batch: verify names what to read off the unit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recall-check-brands-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each row says which field to read, in the reason and the action', async () => {
    const path = join(dir, 'stock.csv');
    writeFileSync(path, 'Model,Serial\nZHX-PB21,\nZHX-PB21,PO-PP003\nPAC20-272,123\nBI-B41,\nBS-30KP365,X1\n');
    const r = await runMain(['batch', path, '--format', 'csv']);
    const rows = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((x) => x.recall_status)).toEqual(['verify', 'affected', 'verify', 'verify', 'affected']);
    expect(rows[0]!.recall_reason).toContain('read the PO number printed on the back');
    expect(rows[0]!.recall_action).toBe('Hold the unit; read its PO number (on the back) from the unit and check it again');
    expect(rows[2]!.recall_action).toBe('Hold the unit; read its batch code and manufacture date from the unit and ask the manufacturer to confirm');
    expect(rows[3]!.recall_action).toBe('Hold the unit; read its serial number (on the back or the bottom) from the unit and check it again');
  });
});

describe('list and show cover every brand', () => {
  const brands = ['Anker', 'Baseus', 'Belkin', 'Casely', 'Charmast', 'Cygnett', 'ESR', 'INIU', 'Isla Rae', 'iWALK', 'NEWDERY', 'POM', 'Romoss', 'Velvet Caviar', 'VEEKTOMX', 'XO Poppy', 'Xiaomi', 'ZAGG'];

  it('list --brand finds each brand, whatever its case', async () => {
    const all = JSON.parse((await runMain(['list', '--json'])).stdout).recalls as { brand: string }[];
    expect([...new Set(all.map((r) => r.brand))].sort()).toEqual([...brands].sort());
    for (const brand of brands) {
      const r = JSON.parse((await runMain(['list', '--brand', brand.toLowerCase(), '--json'])).stdout).recalls as { brand: string }[];
      expect(r.length, brand).toBeGreaterThan(0);
      expect(r.every((x) => x.brand === brand), brand).toBe(true);
    }
  });

  it('show gives a warning, a linked expansion and an alias their own lines', async () => {
    expect(flat((await runMain(['show', 'newdery-zhx-pb22-us-2025'])).stdout)).toContain('A safety warning, not a recall');
    expect(flat((await runMain(['show', 'esr-halolock-2025'])).stdout)).toContain('Related esr-halolock-expansion-2025: a later recall that adds to this one');
    expect(flat((await runMain(['show', 'PPCXW06'])).stdout)).toContain('Listed as PPXCW06');
  });
});
