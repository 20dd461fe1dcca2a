/**
 * Countries as people and marketplaces write them ("us", "USA", "U.S.", "United States",
 * "Deutschland", "日本", "GBR") → ISO 3166-1 alpha-2. The names come from i18n-iso-countries,
 * through a table generated from it at build time (scripts/build-countries.ts): loading the
 * library and its locales at run time would add ~10 ms to every start.
 */
import { countryKey } from './country-key.js';
import { COUNTRY_NAMES } from './country-names.js';

let table: Map<string, string> | undefined;

/** The generated table, split on first use: a check without a country never pays for it. */
export function countryTable(): ReadonlyMap<string, string> {
  return (table ??= new Map(COUNTRY_NAMES.split(',').map((e) => [e.slice(0, -2), e.slice(-2)])));
}

/** ISO 3166-1 alpha-2, or undefined when the value names no country (ZZ, Narnia). */
export function normaliseCountry(raw: string): string | undefined {
  return countryTable().get(countryKey(raw));
}
