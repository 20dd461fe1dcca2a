import type { RecallDefinition } from '../../src/data/schema.js';

const src = { refs: ['notice'], confidence: 'high' as const };

/** A small, valid definition to build unit-test scenarios from; override what the test is about. */
export function definition(overrides: Partial<RecallDefinition> = {}): RecallDefinition {
  return {
    schemaVersion: 1,
    id: 'test-recall',
    brand: 'Anker',
    title: { value: 'Test recall', ...src },
    authority: { value: 'Test agency', ...src },
    jurisdictions: { value: ['US'], ...src },
    announced: { value: '2025-06-12', ...src },
    products: [
      {
        model: 'A1263',
        name: { value: 'Test power bank', ...src },
        scope: { value: { kind: 'unpublished' }, ...src },
      },
    ],
    hazard: { value: 'Can overheat.', ...src },
    remedies: [{ value: { kind: 'replacement', description: 'A new one.' }, ...src }],
    disposal: { value: { steps: ['Take it to a hazardous-waste centre.'], never: ['the trash'], waitForConfirmation: false }, ...src },
    contacts: [],
    checkerUrl: { value: 'https://example.com/check', ...src },
    references: [{ id: 'notice', url: 'https://example.com/notice', title: 'Notice', publisher: 'Agency', official: true }],
    ...overrides,
  };
}

export function product(overrides: Partial<RecallDefinition['products'][number]>): RecallDefinition['products'][number] {
  return {
    model: 'A1263',
    name: { value: 'Test power bank', ...src },
    scope: { value: { kind: 'unpublished' }, ...src },
    ...overrides,
  };
}

export const sourced = <T>(value: T) => ({ value, ...src });

/**
 * An AU recall of A3102 by one published serial range with a length rule that excludes other
 * lengths: a catalog where `not-affected` is reachable (ACCJRU1D16400841–…960 affected).
 */
export function publishedRange(id: string): RecallDefinition {
  return definition({
    id,
    jurisdictions: sourced(['AU']),
    products: [
      product({
        model: 'A3102',
        scope: sourced({ kind: 'serial-ranges' as const, ranges: [{ first: 'ACCJRU1D16400841', last: 'ACCJRU1D16400960' }] }),
        serialRules: [sourced({ rule: 'length' as const, length: 16, excludesOtherwise: true })],
      }),
    ],
  });
}
