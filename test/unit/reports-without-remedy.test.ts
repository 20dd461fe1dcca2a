import { describe, expect, it } from 'vitest';
import { guidance, NO_DISPOSAL_STEPS } from '../../src/report/guidance.js';
import { renderRecall } from '../../src/report/recall-page.js';
import { PLAIN } from '../../src/report/style.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const flat = (s: string) => s.replace(/\s+/gu, ' ');
const warning = definition({ schemaVersion: 2, kind: 'warning', remedies: undefined, checkerUrl: undefined, products: [product({ model: 'ZHXPB22', scope: sourced({ kind: 'all-units' as const }) })] });
const silent = definition({ schemaVersion: 2, remedies: undefined, disposal: undefined, announced: undefined });

describe('reports of a definition without remedies, disposal or date', () => {
  it('a warning says no recall remedy exists, and offers no claim', () => {
    const g = guidance(warning, warning.products, true);
    expect(g.verify).toBeUndefined();
    expect(g.remedies).toEqual([]);
    expect(g.noRemedy).toContain('There is no recall remedy: the firm declined to recall it');
    const page = flat(renderRecall(warning, warning.products, { style: PLAIN, width: 100 }));
    expect(page).toContain('Warning Test recall');
    expect(page).toContain('A safety warning, not a recall');
    expect(page).toContain('every unit of this model is covered by the warning');
    expect(page).not.toContain('Claim the remedy');
  });

  it('a recall whose sources give no remedy, disposal or date says each is not in the sources', () => {
    const g = guidance(silent, silent.products, true);
    expect(g.noRemedy).toBe('The remedy is not on file: the sources for this recall do not say what it is. Ask the manufacturer (see Contacts).');
    expect(g.disposal).toEqual([NO_DISPOSAL_STEPS]);
    expect(g.never).toContain("never put it in the trash, household recycling or a shop's battery drop-off bin");
    const page = flat(renderRecall(silent, silent.products, { style: PLAIN, width: 100 }));
    expect(page).toContain('Announced by Test agency (the date is not in our sources)');
    expect(page).not.toContain('Claim the remedy');
  });
});

describe('what the holder checks with the manufacturer', () => {
  it('names the field the scope goes by: a batch and date, a marking, or the serial', () => {
    const batch = definition({ schemaVersion: 2, products: [product({ scope: sourced({ kind: 'batch-and-date' as const, batches: ['C14-P6/P7'], made: [{ from: '2023-06', to: '2023-07' }] }) })] });
    expect(guidance(batch, batch.products, true).verify).toBe('Check the batch code and manufacture date with the manufacturer: https://example.com/check');
    const po = definition({ schemaVersion: 2, products: [product({ scope: sourced({ kind: 'marking-list' as const, marking: 'PO number', values: ['POPP001'], unmarked: 'recalled' as const, otherValues: 'unstated' as const }) })] });
    expect(guidance(po, po.products, true).verify).toBe('Check the PO number with the manufacturer: https://example.com/check');
    const plain = definition();
    expect(guidance(plain, plain.products, true).verify).toBe('Check the serial number with the manufacturer: https://example.com/check');
  });
});
