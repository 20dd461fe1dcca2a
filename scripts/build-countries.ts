/**
 * Writes src/core/country-names.ts from i18n-iso-countries: every ISO 3166-1 alpha-2 and alpha-3
 * code and every country name (official and common) in the languages of the countries the recall
 * data covers, keyed by countryKey and mapped to alpha-2. The library itself costs ~10 ms of
 * start-up to load with its locales; the table is one string, split only when a country is read.
 * A test fails when the committed table drifts from the library: run `npm run countries:build`
 * after upgrading it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryNameTable, countryNamesModule } from './country-table.js';

const path = join(import.meta.dirname, '../src/core/country-names.ts');
writeFileSync(path, countryNamesModule(countryNameTable()));
console.log('src/core/country-names.ts');
