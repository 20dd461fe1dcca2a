/**
 * Writes src/core/country-names.json from i18n-iso-countries: every ISO 3166-1 alpha-2 and alpha-3
 * code and every country name (official and common) in the languages of the countries the recall
 * data covers, keyed by countryKey and mapped to alpha-2. The library itself costs ~10 ms of
 * start-up to load with its locales; a flat table costs a fraction of that. A test fails when the
 * committed table drifts from the library: run `npm run countries:build` after upgrading it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryNameTable } from './country-table.js';

const path = join(import.meta.dirname, '../src/core/country-names.json');
writeFileSync(path, JSON.stringify(countryNameTable()) + '\n');
console.log('src/core/country-names.json');
