import { describe, expect, it } from 'vitest';
import type { CheckResult, RecallMatch } from '../../src/core/result.js';
import { normaliseModel } from '../../src/core/normalise.js';
import { collapsedIn, leadingFirst, supersededIn } from '../../src/report/match-order.js';
import { definition, sourced } from '../helpers/definitions.js';

function match(id: string, jurisdictions: string[], status: RecallMatch['status'], group?: string): RecallMatch {
  const recall = definition({ id, jurisdictions: sourced(jurisdictions), ...(group ? { group } : {}) });
  return { recallId: id, status, reasons: [], product: recall.products[0]!, recall };
}
const result = (matches: RecallMatch[], country?: string): CheckResult => ({ model: normaliseModel('A1263'), status: 'verify', reasons: [], matches, ...(country ? { country } : {}) });

describe('the order of a check\'s recalls', () => {
  it('the most severe first; among equals the country of sale before a worldwide notice; else as found', () => {
    const world = match('world', ['WORLDWIDE'], 'verify', 'g');
    const jp = match('jp', ['JP'], 'verify', 'g');
    const other = match('other', ['JP'], 'affected', 'h');
    expect(leadingFirst(result([world, jp, other], 'JP')).map((m) => m.recallId)).toEqual(['other', 'jp', 'world']);
    expect(leadingFirst(result([world, jp])).map((m) => m.recallId)).toEqual(['world', 'jp']);
  });
});

describe('a worldwide notice gives way to its country definition', () => {
  const world = match('world', ['WORLDWIDE'], 'verify', 'g');
  const jp = match('jp', ['JP'], 'verify', 'g');

  it('only for the same recall (group) and only where a country was given', () => {
    expect(supersededIn(result([world, jp], 'JP'))(world)).toBe(true);
    expect(supersededIn(result([world, jp], 'JP'))(jp)).toBe(false);
    expect(supersededIn(result([world, jp]))(world)).toBe(false);
    const otherGroup = match('jp2', ['JP'], 'verify', 'h');
    expect(supersededIn(result([world, otherGroup], 'JP'))(world)).toBe(false);
  });

  it('its page is collapsed, unless it is more severe than the country\'s definition', () => {
    expect([...collapsedIn(result([world, jp], 'JP'), [world, jp])].map((m) => m.recallId)).toEqual(['world']);
    const worse = match('world', ['WORLDWIDE'], 'affected', 'g');
    expect(collapsedIn(result([worse, jp], 'JP'), [worse, jp]).size).toBe(0);
  });
});
