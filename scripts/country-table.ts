/**
 * Builds the country-name table from i18n-iso-countries (a build-time and test-time dependency
 * only; see scripts/build-countries.ts). Not imported at run time.
 */
import { createRequire } from 'node:module';
import { countryKey } from '../src/core/country-key.js';

/** English and the languages of the recall data's countries (CA fr, DE de, JP ja, CN/TW/HK zh, SA ar, ...). */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'ja', 'zh', 'ko', 'ar'] as const;

interface Countries {
  getAlpha2Codes(): Record<string, string>;
  alpha2ToAlpha3(code: string): string | undefined;
  registerLocale(locale: unknown): void;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
}

export function countryNameTable(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const lib = require('i18n-iso-countries/index.js') as Countries;
  for (const l of LOCALES) lib.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
  const table = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (name: string, code: string) => {
    const key = countryKey(name);
    if (key === '' || ambiguous.has(key)) return;
    const had = table.get(key);
    if (had !== undefined && had !== code) {
      // Two countries share a spelling: neither gets it, so it is refused rather than guessed.
      table.delete(key);
      ambiguous.add(key);
    } else table.set(key, code);
  };
  const codes = Object.keys(lib.getAlpha2Codes()).sort();
  // Codes first: a two- or three-letter code always means its own country, whatever a name says.
  for (const code of codes) {
    table.set(countryKey(code), code);
    table.set(countryKey(lib.alpha2ToAlpha3(code)!), code);
  }
  const isCode = new Set(table.keys());
  for (const lang of LOCALES) {
    for (const [code, names] of Object.entries(lib.getNames(lang, { select: 'all' }))) {
      for (const name of names) if (!isCode.has(countryKey(name))) add(name, code);
    }
  }
  return Object.fromEntries([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
