import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import { findCodes } from '../../src/core/find-codes.js';
import { misreadCodes } from '../../src/core/misread-codes.js';
import { definition } from '../helpers/definitions.js';

/** A catalog of one recall of `model`. */
const catalogOf = (model: string) => buildCatalog([definition({ products: [{ ...definition().products[0]!, model }] })]);

describe('indexes built per catalog', () => {
  // A library user may check against two data sets in turn: each search must use its own codes.
  it('a search against another catalog uses that catalog\'s codes, and the first one\'s again after', () => {
    const a = catalogOf('PB2030MI');
    const b = catalogOf('XQ7700');
    expect(findCodes(a, 'Power bank PB2030MI').map((f) => f.code)).toEqual(['PB2030MI']);
    expect(misreadCodes(a, 'PB2030M1')).toEqual(['PB2030MI']);
    expect(findCodes(b, 'Power bank PB2030MI')).toEqual([]);
    expect(findCodes(b, 'Power bank XQ7700').map((f) => f.code)).toEqual(['XQ7700']);
    expect(misreadCodes(b, 'PB2030M1')).toEqual([]);
    expect(misreadCodes(b, 'XQ77OO')).toEqual(['XQ7700']);
    expect(findCodes(a, 'Power bank XQ7700')).toEqual([]);
    expect(misreadCodes(a, 'PB2030M1')).toEqual(['PB2030MI']);
  });
});
