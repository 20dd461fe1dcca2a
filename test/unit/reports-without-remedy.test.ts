import { describe, expect, it } from 'vitest';
import { guidance } from '../../src/report/guidance.js';
import { renderRecall } from '../../src/report/recall-page.js';
import { PLAIN } from '../../src/report/style.js';
import { definition, product, sourced } from '../helpers/definitions.js';

const flat = (s: string) => s.replace(/\s+/gu, ' ');
const warning = definition({ schemaVersion: 2, kind: 'warning', remedies: undefined, checkerUrl: undefined, products: [product({ model: 'ZHXPB22', scope: sourced({ kind: 'all-units' as const }) })] });
const silent = definition({ schemaVersion: 2, remedies: undefined, disposal: undefined, announced: undefined });

describe('reports of a definition without remedies, disposal or date', () => {
  it('a warning says no recall remedy exists, and offers no claim', () => {
    const g = guidance(warning, true);
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
    const g = guidance(silent, true);
    expect(g.noRemedy).toBe('The remedy is not in our sources: see the official notice or contact the firm.');
    expect(g.disposal).toEqual(['Our sources give no disposal steps for this recall: ask the firm, or your local household hazardous-waste centre, before you dispose of it.']);
    expect(g.never).toContain('General lithium-battery safety');
    const page = flat(renderRecall(silent, silent.products, { style: PLAIN, width: 100 }));
    expect(page).toContain('Announced by Test agency (the date is not in our sources)');
    expect(page).not.toContain('Claim the remedy');
  });
});

describe('what the holder checks with the manufacturer', () => {
  it('names the field the scope goes by: a batch and date, a marking, or the serial', () => {
    const batch = definition({ schemaVersion: 2, products: [product({ scope: sourced({ kind: 'batch-and-date' as const, batches: ['C14-P6/P7'], made: [{ from: '2023-06', to: '2023-07' }] }) })] });
    expect(guidance(batch, true).verify).toBe('Check the batch code and manufacture date with the manufacturer: https://example.com/check');
    const po = definition({ schemaVersion: 2, products: [product({ scope: sourced({ kind: 'marking-list' as const, marking: 'PO number', values: ['POPP001'], unmarked: 'recalled' as const, otherValues: 'unstated' as const }) })] });
    expect(guidance(po, true).verify).toBe('Check the PO number with the manufacturer: https://example.com/check');
    expect(guidance(definition(), true).verify).toBe('Check the serial number with the manufacturer: https://example.com/check');
  });
});
