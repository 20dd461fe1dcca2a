/**
 * Which columns hold the model, the serial and the country of sale: named by the user, or found by
 * header synonyms. Ambiguity is an error, never a silent pick: checking the wrong column can clear
 * a recalled unit.
 */
import { RecallCheckError } from '../core/errors.js';

export type { ColumnMapping } from '../results/input-file.js';
import type { ColumnMapping } from '../results/input-file.js';

export interface ColumnOptions {
  modelColumn?: string | undefined;
  serialColumn?: string | undefined;
  countryColumn?: string | undefined;
  /** Search these columns for recalled codes instead of the descriptive columns found from the header. */
  scanColumns?: readonly string[] | undefined;
}

/** Header names as compared: lower case, letters and digits only ("Model No." → modelno). */
export function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// "model name" is deliberately absent: asset systems use it for a product name, not a code.
export const SYNONYMS = {
  model: ['model', 'modelnumber', 'modelno', 'modelnum', 'modelcode', 'mpn', 'manufacturerpartnumber', 'itemmodelnumber', 'productmodel'],
  serial: ['serial', 'serialnumber', 'serialno', 'serialnum', 'sn', 'snnumber', 'snr'],
  country: ['country', 'countryofsale', 'countrycode', 'soldin', 'salescountry', 'salecountry'],
} as const;

/**
 * Descriptive columns: a recalled code written here, in a row whose model column names none, is
 * never passed as "no recall". From the exports resellers have (see test/fixtures/corpora/
 * EXPORT-FORMATS.md): Shopify Title, Handle and Variant SKU; Amazon item-name, item-description,
 * seller-sku and product-name; eBay Title, Item Title and CustomLabel; WooCommerce Name; asset
 * systems' item name and model name.
 */
export const TEXT_SYNONYMS: readonly string[] = [
  'title', 'itemtitle', 'producttitle', 'name', 'itemname', 'productname', 'modelname', 'description', 'itemdescription',
  'productdescription', 'shortdescription', 'bodyhtml', 'handle', 'sku', 'sellersku', 'variantsku', 'customlabel',
];

type Role = keyof typeof SYNONYMS;

const FLAG: Record<Role, string> = { model: '--model-column', serial: '--serial-column', country: '--country-column' };

export function mapColumns(header: string[], opts: ColumnOptions, file: string): ColumnMapping {
  const found = header.map((h) => JSON.stringify(h)).join(', ');
  const named = (role: Role, name: string | undefined): number | undefined => {
    if (name === undefined) return undefined;
    const exact = header.flatMap((h, i) => (h.trim() === name.trim() ? [i] : []));
    const loose = exact.length > 0 ? exact : header.flatMap((h, i) => (headerKey(h) === headerKey(name) && headerKey(h) !== '' ? [i] : []));
    if (loose.length === 0) {
      throw new RecallCheckError('usage', [{ file, line: 1, message: `${FLAG[role]} "${name}" is not a column of this file. Columns found: ${found}` }]);
    }
    if (loose.length > 1) throw duplicate(role, loose);
    return loose[0];
  };
  const bySynonym = (role: Role): number | undefined => {
    const keys: readonly string[] = SYNONYMS[role];
    const hits = header.flatMap((h, i) => (keys.includes(headerKey(h)) ? [i] : []));
    if (hits.length > 1) {
      throw new RecallCheckError('input', [{ file, line: 1, message: `several columns could hold the ${role}: ${hits.map((i) => `"${header[i]}" (column ${i + 1})`).join(', ')}. Name the right one with ${FLAG[role]}.` }]);
    }
    return hits[0];
  };
  const duplicate = (role: Role, at: number[]) =>
    new RecallCheckError('input', [{ file, line: 1, message: `the header has ${at.length} columns named "${header[at[0]!]}" (columns ${at.map((i) => i + 1).join(' and ')}), so the ${role} column is ambiguous. Rename one of them.` }]);

  const model = named('model', opts.modelColumn) ?? bySynonym('model');
  // Every column of a name is searched: of two "Title" columns, either may hold the code.
  const scanNamed = opts.scanColumns?.flatMap((name) => {
    const at = header.flatMap((h, i) => (h.trim() === name.trim() || (headerKey(h) === headerKey(name) && headerKey(h) !== '') ? [i] : []));
    if (at.length === 0) throw new RecallCheckError('usage', [{ file, line: 1, message: `--scan-columns "${name}" is not a column of this file. Columns found: ${found}` }]);
    return at;
  });
  const descriptive = header.flatMap((h, i) => (TEXT_SYNONYMS.includes(headerKey(h)) ? [i] : []));
  if (model === undefined && scanNamed === undefined) {
    const oneCell = header.length === 1 && /[,;\t|]/u.test(header[0]!);
    const names = [...new Set(descriptive.map((i) => header[i]!))];
    const hint = oneCell
      ? ' The header is one cell holding a delimiter: set the right one with --delimiter.'
      : names.length > 0
        ? ` The column${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')} may name models: search ${names.length > 1 ? 'them' : 'it'} for recalled model codes with --scan-columns ${JSON.stringify(names.join(','))} (only ${names.length > 1 ? 'those columns are' : 'that column is'} searched), or name the model column with --model-column "<column>".`
        : ` Name it with --model-column "<column>".`;
    throw new RecallCheckError('input', [{ file, line: 1, message: `no model column found. Columns found: ${found || '(none)'}.${hint}` }]);
  }
  const serial = named('serial', opts.serialColumn) ?? bySynonym('serial');
  const country = named('country', opts.countryColumn) ?? bySynonym('country');
  const used = [model, serial, country];
  const scan = [...new Set(scanNamed ?? descriptive)].filter((i) => !used.includes(i));
  if (scanNamed !== undefined && scan.length === 0) {
    throw new RecallCheckError('usage', [{ file, line: 1, message: `--scan-columns names only the columns read as the model, serial or country; name the descriptive columns to search (title, item name, seller SKU…)` }]);
  }
  const mapping: ColumnMapping = { model, serial, country, scan };
  if (model !== undefined && (serial === model || country === model)) {
    throw new RecallCheckError('usage', [{ file, line: 1, message: `column "${header[model]}" cannot be both the model and the ${serial === model ? 'serial' : 'country'}: name different columns` }]);
  }
  if (serial !== undefined && serial === country) {
    throw new RecallCheckError('usage', [{ file, line: 1, message: `column "${header[serial]}" cannot be both the serial and the country: name different columns` }]);
  }

  // A duplicate of a column we read would be a silent pick: refuse it.
  for (const role of ['model', 'serial', 'country'] as const) {
    const i = mapping[role];
    if (i === undefined) continue;
    const key = header[i]!.trim();
    const same = header.flatMap((h, j) => (h.trim() === key ? [j] : []));
    if (same.length > 1) throw duplicate(role, same);
  }
  return mapping;
}
