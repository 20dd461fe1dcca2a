/**
 * Countries as people and marketplaces write them ("us", "USA", "U.S.", "United States",
 * "Deutschland", "日本", "GBR") → ISO 3166-1 alpha-2. The names come from i18n-iso-countries,
 * through a table generated from it at build time (scripts/build-countries.ts): loading the
 * library and its locales at run time would add ~10 ms to every start.
 */
import NAMES from './country-names.json' with { type: 'json' };
import { countryKey } from './country-key.js';

const table = NAMES as Record<string, string>;

/** ISO 3166-1 alpha-2, or undefined when the value names no country (ZZ, Narnia). */
export function normaliseCountry(raw: string): string | undefined {
  return Object.hasOwn(table, countryKey(raw)) ? table[countryKey(raw)] : undefined;
}
