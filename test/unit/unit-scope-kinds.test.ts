import { describe, expect, it } from 'vitest';
import { buildCatalog, lazyCatalog } from '../../src/core/catalog.js';
import { check } from '../../src/core/match.js';
import { reasonMessage } from '../../src/core/messages.js';
import { codesOf } from '../../src/data/manifest.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const codes = (r: { reasons: readonly { code: string }[] }) => r.reasons.map((x) => x.code);
const words = (r: { reasons: readonly Parameters<typeof reasonMessage>[0][] }) => r.reasons.map(reasonMessage).join(' ');

const prefix = definition({
  id: 'prefix',
  products: [product({ model: 'BPD005', scope: sourced({ kind: 'serial-prefix' as const, prefix: '57V', length: 14, where: 'on the back' }) })],
});
const prefixOnly = definition({
  id: 'prefix-only',
  products: [product({ model: 'BPB002', scope: sourced({ kind: 'serial-prefix' as const, prefix: '35S' }), serialRules: [sourced({ rule: 'length' as const, length: 14, excludesOtherwise: false })] })],
});
const list = definition({
  id: 'list',
  products: [
    product({ model: 'BIB41', scope: sourced({ kind: 'serial-list' as const, serials: ['000G21', '000H21'], unlisted: 'not-recalled' as const, where: 'on the back' }), colours: sourced(['black', 'blue']), excludedColours: sourced(['red', 'orange']) }),
    product({ model: 'DBL6000M', scope: sourced({ kind: 'serial-list' as const, serials: ['GK2309901', 'GK23081458'] }) }),
  ],
});
const marking = definition({
  id: 'marking',
  products: [
    product({ model: 'ZHXPB21', scope: sourced({ kind: 'marking-list' as const, marking: 'PO number', where: 'on the back', values: ['POPP001', 'POPP010'], unmarked: 'recalled' as const, otherValues: 'unstated' as const }) }),
    product({ model: 'VT103', scope: sourced({ kind: 'marking-list' as const, marking: 'serial number', values: [], unmarked: 'recalled' as const, otherValues: 'not-recalled' as const }) }),
  ],
});
const lastChar = definition({
  id: 'last-char',
  products: [product({ model: 'BS30KP365', scope: sourced({ kind: 'serial-last-character' as const, recalled: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'D'], othersExcluded: true, where: 'on the bottom' }) })],
});
const lastCharOpen = definition({
  id: 'last-char-open',
  products: [product({ model: 'X1234', scope: sourced({ kind: 'serial-last-character' as const, recalled: ['D'], othersExcluded: false }) })],
});
const batch = definition({
  id: 'batch',
  products: [product({ model: 'PAC20272', scope: sourced({ kind: 'batch-and-date' as const, batches: ['C14-P6/P7'], made: [{ from: '2023-06-05', to: '2023-07-28' }, { from: '2024-01-05', to: '2024-02-08' }] }) })],
});
const alias = definition({
  id: 'alias',
  products: [product({ model: 'PPCXW06', scope: sourced({ kind: 'all-units' as const }), aliases: sourced(['PPXCW06']) })],
});
const warning = definition({
  id: 'warning',
  kind: 'warning',
  authority: sourced('CPSC'),
  remedies: undefined,
  products: [product({ model: 'ZHXPB22', scope: sourced({ kind: 'all-units' as const }) })],
});
const all = [prefix, prefixOnly, list, marking, lastChar, lastCharOpen, batch, alias, warning];
const catalog = buildCatalog(all);
const run = (model: string, serial?: string) => check(catalog, { model, serial });

describe('serial prefix plus length', () => {
  it('14 characters starting 57V: affected', () => {
    const r = run('BPD005', '57V12345678901');
    expect(r.status).toBe('affected');
    expect(codes(r)).toEqual(['serial-matches-prefix']);
    expect(words(r)).toContain('14 characters and starts with "57V"');
  });
  it('13 characters: verify, it may be cut short; 15: verify, never a clearance (two serials joined?); wrong prefix: not affected', () => {
    expect(run('BPD005', '57V1234567890').status).toBe('verify');
    expect(codes(run('BPD005', '57V1234567890'))).toEqual(['serial-too-short']);
    expect(run('BPD005', '57V123456789012').status).toBe('verify');
    expect(run('BPD005', '57W12345678901').status).toBe('not-affected');
    expect(codes(run('BPD005', '57W12345678901'))).toEqual(['serial-wrong-prefix']);
  });
  it('a serial that was joined from spaced parts is never excluded by its length or prefix', () => {
    expect(run('BPD005', '57V1234567 89012').status).toBe('verify');
    expect(run('BPD005', '57W1234 5678901').status).toBe('verify');
  });
  it('no serial: verify, asking for the serial printed on the back', () => {
    const r = run('BPD005');
    expect(r.status).toBe('verify');
    expect(codes(r)).toEqual(['read-label']);
    expect(words(r)).toContain('read the serial number printed on the back');
  });
  it('a prefix with no stated length: the length rule only asks to verify', () => {
    expect(run('BPB002', '35S12345678901').status).toBe('affected');
    expect(run('BPB002', '35S123456789012').status).toBe('verify');
    expect(run('BPB002', '36S12345678901').status).toBe('not-affected');
    expect(run('BPB002', '35').status).toBe('verify');
  });
});

describe('an explicit list of serials', () => {
  it('a listed serial is affected, and the excluded colours are said', () => {
    const r = run('BI-B41', '000G21');
    expect(r.status).toBe('affected');
    expect(codes(r)).toEqual(['serial-listed', 'colours-excluded']);
    expect(words(r)).toContain('Units in red or orange are not in this recall.');
  });
  it('an unlisted serial of a listed length is not affected; of another length, verify', () => {
    expect(run('BIB41', '000G22').status).toBe('not-affected');
    expect(codes(run('BIB41', '000G22'))).toEqual(['serial-not-listed']);
    const longer = run('BIB41', '000G21A');
    expect(longer.status).toBe('verify');
    expect(codes(longer)).toEqual(['serial-unlisted-length', 'colours-excluded']);
  });
  it('where the source does not say that only the listed serials are recalled, an unlisted one is verify', () => {
    const silent = buildCatalog([definition({ schemaVersion: 2, products: [product({ model: 'LISTED1', scope: sourced({ kind: 'serial-list' as const, serials: ['AB12'] }) })] })]);
    expect(check(silent, { model: 'LISTED1', serial: 'AB13' }).status).toBe('verify');
    expect(check(silent, { model: 'LISTED1', serial: 'AB12' }).status).toBe('affected');
  });
  it('mixed lengths: each listed value matches at its own length, and neither length is a clearance of the other', () => {
    expect(run('DBL6000M', 'GK23081458').status).toBe('affected');
    expect(run('DBL6000M', 'GK2309901').status).toBe('affected');
    // iWALK's notice does not say that unlisted values are not recalled (the values may be lots).
    expect(run('DBL6000M', 'GK2309902').status).toBe('verify');
    expect(run('DBL6000M', 'GK23081459').status).toBe('verify');
    expect(run('DBL6000M', 'GK230814').status).toBe('verify');
  });
  it('no serial: verify naming the serial', () => {
    expect(codes(run('BIB41'))).toEqual(['read-label', 'colours-excluded']);
  });
  it('a listed serial misread (O for 0, l for 1) is verify, never not affected', () => {
    for (const serial of ['OOOG21', '000G2l', '0O0H21']) {
      expect(run('BIB41', serial).status, serial).toBe('verify');
      expect(codes(run('BIB41', serial))[0]).toBe('serial-near-listed');
    }
  });
});

describe('a marking list that also recalls unmarked units', () => {
  it('a listed PO number is affected, as typed with its dash', () => {
    const r = run('ZHX-PB21', 'PO-PP010');
    expect(r.status).toBe('affected');
    expect(codes(r)).toEqual(['marking-listed']);
  });
  it('nothing typed: verify, asking for the PO number and saying unmarked units are recalled', () => {
    const r = run('ZHX-PB21');
    expect(r.status).toBe('verify');
    expect(words(r)).toContain('read the PO number printed on the back');
    expect(words(r)).toContain('A unit with no PO number is recalled too: check again with "none"');
  });
  it('"none": affected, because the notice recalls units with no PO number', () => {
    const r = run('ZHX-PB21', 'none');
    expect(r.status).toBe('affected');
    expect(codes(r)).toEqual(['marking-absent']);
  });
  it('a PO number the notice does not list: verify, never a clearance', () => {
    const r = run('ZHX-PB21', 'PO-PP011');
    expect(r.status).toBe('verify');
    expect(codes(r)).toEqual(['marking-not-listed']);
  });
  it('where units with any serial are not recalled: a serial excludes, none is affected', () => {
    expect(run('VT103', 'AB123').status).toBe('not-affected');
    expect(run('VT103', 'none').status).toBe('affected');
    expect(run('VT103').status).toBe('verify');
  });
});

describe("the serial's last character", () => {
  it('ends in a digit or D: affected; in A: not affected', () => {
    expect(run('BS-30KP365', 'ABC1230').status).toBe('affected');
    expect(run('BS-30KP365', 'ABC123D').status).toBe('affected');
    const a = run('BS-30KP365', 'ABC123A');
    expect(a.status).toBe('not-affected');
    expect(words(a)).toContain('ends in "A"');
  });
  it('an ending after removed spaces is not trusted to exclude', () => {
    expect(run('BS-30KP365', 'ABC123 A').status).toBe('verify');
  });
  it('where the source does not exclude other endings: verify', () => {
    expect(run('X1234', 'ABC').status).toBe('verify');
    expect(run('X1234', 'ABD').status).toBe('affected');
  });
});

describe('batch codes and manufacture dates', () => {
  it('always verify: a serial never tells the manufacture date', () => {
    for (const serial of [undefined, '12345', 'C14P6']) {
      const r = run('PAC20-272', serial);
      expect(r.status).toBe('verify');
      expect(codes(r)).toEqual(['batch-and-date-unreadable']);
    }
    expect(words(run('PAC20-272', '12345'))).toContain('The serial number does not tell the batch or the manufacture date.');
    expect(words(run('PAC20-272'))).toContain('2023-06-05 to 2023-07-28 or 2024-01-05 to 2024-02-08');
  });
});

describe('listing aliases', () => {
  it('an alias matches as the model it names, with a reason saying so, in both catalogs', () => {
    const lazy = lazyCatalog(all.map(codesOf), (i) => all[i]!);
    for (const cat of [catalog, lazy]) {
      const r = check(cat, { model: 'PPXCW06' });
      expect(r.status).toBe('affected');
      expect(codes(r)).toEqual(['model-listing-alias', 'all-units']);
      expect(words(r)).toContain('how a seller listed model PPCXW06');
    }
  });
  it('the model itself carries no alias reason', () => {
    expect(codes(run('PPCXW06'))).toEqual(['all-units']);
  });
});

describe('a warning without a recall', () => {
  it('is affected, never weaker, and says there is no recall remedy', () => {
    const r = run('ZHX-PB22');
    expect(r.status).toBe('affected');
    expect(codes(r)).toEqual(['warning-no-recall']);
    expect(words(r)).toContain('the firm declined to recall it, so there is no refund, replacement or claim');
  });
  it('ZHX-PB21 and ZHX-PB22 stay apart', () => {
    expect(run('ZHX-PB21').matches.map((m) => m.recallId)).toEqual(['marking']);
    expect(run('ZHX-PB22').matches.map((m) => m.recallId)).toEqual(['warning']);
  });
});
