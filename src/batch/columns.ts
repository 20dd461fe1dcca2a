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

/**
 * A header as matched against the synonyms: headerKey, and Latin accents dropped, because exports
 * write "modèle" as "modele" and "número de serie" as "numero de serie" as often as not. Only the
 * combining marks of Latin letters go: a Japanese voiced mark (シリアル, ナンバー) is part of the letter.
 */
export function synonymKey(name: string): string {
  return headerKey(name).normalize('NFD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC');
}

// "model name" is deliberately absent: asset systems use it for a product name, not a code.
// Besides English, the languages of the countries where the recalled units were sold (Japan, China
// and Taiwan, Germany, France, Spain and Latin America). A French "référence" is left out: it is
// as often a shop's own SKU as a model code, and a wrong model column can clear a recalled unit.
export const SYNONYMS = {
  model: [
    'model', 'modelnumber', 'modelno', 'modelnum', 'modelcode', 'mpn', 'manufacturerpartnumber', 'itemmodelnumber', 'productmodel',
    '型番', '品番', // Japanese
    '型号', '型號', // Chinese, simplified and traditional
    'modell', 'modellnummer', 'modellnr', // German
    'modèle', 'numérodemodèle', 'ndemodèle', 'nodemodèle', // French ("N° de modèle": ° is not a letter)
    'modelo', 'númerodemodelo', 'nodemodelo', // Spanish ("Nº de modelo" is "no" once read: º is an o)
  ],
  serial: [
    'serial', 'serialnumber', 'serialno', 'serialnum', 'sn', 'snnumber', 'snr',
    '製造番号', 'シリアル番号', 'シリアルno', 'シリアルナンバー', // Japanese
    '序列号', '序列號', '序号', '序號', // Chinese, simplified and traditional
    'seriennummer', 'seriennr', // German
    'numérodesérie', 'ndesérie', 'nodesérie', // French ("N° de série": ° is not a letter)
    'númerodeserie', 'nodeserie', // Spanish
  ],
  country: [
    'country', 'countryofsale', 'countrycode', 'soldin', 'salescountry', 'salecountry',
    '国', '国名', '販売国', // Japanese
    '国家', '國家', // Chinese
    'land', 'verkaufsland', // German
    'pays', 'paysdevente', // French
    'país', 'paísdeventa', // Spanish
  ],
} as const;

const SYNONYM_KEYS: Record<keyof typeof SYNONYMS, ReadonlySet<string>> = {
  model: new Set(SYNONYMS.model.map(synonymKey)),
  serial: new Set(SYNONYMS.serial.map(synonymKey)),
  country: new Set(SYNONYMS.country.map(synonymKey)),
};

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
    const keys = SYNONYM_KEYS[role];
    const hits = header.flatMap((h, i) => (keys.has(synonymKey(h)) ? [i] : []));
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
