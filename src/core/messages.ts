/**
 * The wording of every status, reason and normalisation change, in one registry. The core returns
 * codes; reporters call these to turn them into sentences.
 */
import type { Change } from './normalise.js';
import type { Reason, Status } from './result.js';

export const STATUS_HEADLINE: Record<Status, string> = {
  affected: 'AFFECTED: this unit is under a safety recall',
  verify: 'VERIFY: this model is recalled; check this unit with the manufacturer',
  'not-affected': 'NOT AFFECTED: a published rule excludes this unit from the recalls below',
  'no-recall': 'NO RECALL ON FILE for this model',
};

/** The headline when only safety warnings, which have no recall behind them, decide the verdict. */
export const WARNING_HEADLINE = 'AFFECTED: a safety agency warns owners to stop using this product (no recall; no remedy exists)';

// A control character is named by its code point: printed as itself it is invisible, or moves the
// cursor and recolours the terminal.
// eslint-disable-next-line no-control-regex
const visible = (c: string) => (/^[\u0000-\u001F\u007F-\u009F]$/u.test(c) ? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c);
const list = (items: readonly string[]) => items.map((c) => `"${visible(c)}"`).join(', ');
const orWords = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** The word that says a unit has no marking at all (scope.ts reads it). */
const NO_MARKING_WORD = 'none';

export function reasonMessage(reason: Reason): string {
  switch (reason.code) {
    case 'all-units':
      return 'Every unit of this model is recalled; the serial number does not matter.';
    case 'serial-in-published-range':
      return `The serial is in the published range ${reason.first} to ${reason.last}.`;
    case 'serial-outside-published-ranges':
      return `The serial is outside the published range${reason.ranges.length > 1 ? 's' : ''} ${reason.ranges.map((r) => `${r.first} to ${r.last}`).join(' and ')}.`;
    case 'serial-rules-unpublished':
      return 'Only some serial numbers are recalled and the manufacturer has not published which: only its checker can tell.';
    case 'serial-missing':
      return 'No serial number given, and the recall depends on it.';
    case 'serial-excluded-characters':
      return `The serial contains ${list(reason.characters)}; the manufacturer says ${reason.characters.length > 1 ? 'these letters are' : 'this letter is'} never used in its serials, so it is probably a misread${reason.suggestion ? ` (did you mean ${reason.suggestion}?)` : ''}.`;
    case 'serial-non-ascii':
      return `The serial contains non-ASCII character${reason.characters.length > 1 ? 's' : ''} ${list(reason.characters)} that look like letters or digits${reason.suggestion ? ` (did you mean ${reason.suggestion}?)` : ''}.`;
    case 'serial-spreadsheet-mangled':
      return `The serial ${reason.detail}; re-type it from the label on the unit.`;
    case 'serial-invalid-characters':
      return `The serial contains ${list(reason.characters)}, which serial numbers do not contain: re-type it from the label.`;
    case 'serial-too-short':
      return `The serial has ${reason.actual} character${reason.actual === 1 ? '' : 's'}; this recall's serials have ${reason.expected}. It may be incomplete: re-type it from the label.`;
    case 'serial-wrong-length': {
      const seen = `The serial has ${reason.actual} character${reason.actual === 1 ? '' : 's'}; this recall's serials have ${reason.expected}`;
      const joined = reason.actual % reason.expected === 0 ? `: ${reason.actual / reason.expected} serials joined?` : ': more than one serial, or a note typed after it?';
      const official = reason.excludes ? ` The manufacturer says a unit whose serial is not ${reason.expected} characters long is not in this recall: read the serial off the label and check it again.` : ' Read the serial off the label and check it again.';
      return `${seen}${joined}${official}`;
    }
    case 'serial-wrong-prefix':
      return reason.excludes
        ? `The serial does not start with "${reason.expected}"; the manufacturer says such units are not in this recall.`
        : `The serial does not start with "${reason.expected}", as this recall's serials do: check you copied it exactly.`;
    case 'outside-jurisdiction':
      return `This recall covers units sold in ${reason.jurisdictions.join(', ')}, not ${reason.country}. If the unit was bought elsewhere, check again with that country.`;
    case 'recalled-elsewhere':
      return `This model is recalled for units sold in ${reason.jurisdictions.join(', ')}; no recall on file covers units sold in ${reason.country}. Our data may not cover every country: check with the manufacturer before selling or using it.`;
    case 'model-non-ascii':
      return `The model contains non-ASCII look-alike character${reason.characters.length > 1 ? 's' : ''} ${list(reason.characters)}; read as ${reason.suggestion}.`;
    case 'model-extra-text':
      return `The model given holds more than a model number; it names the recalled model ${reason.read}. Check the model on the label.`;
    case 'model-misread':
      return `${reason.read} is the recalled model ${reason.model} with letters and digits that are read for one another (O and 0, I or L and 1, S and 5, B and 8): check the model on the label.`;
    case 'model-in-column':
      return `Column "${reason.column}" names the recalled model ${reason.read}. Check the model on the label.`;
    case 'possible-sku':
      return `${reason.sku}${reason.column === undefined ? '' : ` (in column "${reason.column}")`} looks like a full SKU of the recalled model ${reason.model} (the model and three more characters), which the recall data does not list. Check the model on the label.`;
    case 'model-not-in-columns':
      return `The file has no model column; only ${reason.columns.map((c) => `"${c}"`).join(', ')} ${reason.columns.length === 1 ? 'was' : 'were'} searched, and no recalled model was found there. This is not a safety clearance: check the model on the label.`;
    case 'model-matched-sku':
      return `${reason.sku} is a declared variant (SKU) of model ${reason.model}.`;
    case 'model-not-in-data':
      return 'No recall for this model is in the recall data. This is not a safety clearance: newer recalls may exist (recall-check data info shows the data\'s age), and unrecalled products can still fail; the manufacturer or your product-safety authority has the latest notices.';
    case 'similar-models':
      return `Recalled models with similar codes: ${reason.models.join(', ')}. Check the model number on the label; codes must match exactly.`;
    case 'read-label': {
      const at = reason.where ? ` printed ${reason.where}` : ' from the label on the unit';
      const none = reason.unmarked === 'recalled'
        ? ` A unit with no ${reason.field} is recalled too: check again with "${NO_MARKING_WORD}" as the ${reason.field}.`
        : reason.unmarked === 'not-recalled'
          ? ` A unit with no ${reason.field} is not in this recall: check again with "${NO_MARKING_WORD}".`
          : '';
      return `Only some units are recalled, told apart by the ${reason.field}: read the ${reason.field}${at} and check again with it.${none}`;
    }
    case 'serial-matches-prefix':
      return reason.length === undefined
        ? `The serial starts with "${reason.prefix}", as the recalled units' serials do.`
        : `The serial has ${reason.length} characters and starts with "${reason.prefix}", as the recalled units' serials do.`;
    case 'serial-listed':
      return `The serial ${reason.serial} is on the published list of recalled serials.`;
    case 'serial-not-listed':
      return reason.excludes
        ? `The serial is not among the ${reason.count} recalled serials the notice lists. Check you copied it exactly.`
        : `The serial is not among the ${reason.count} recalled serials the notice lists, but the notice does not say that other serials are not recalled, or the serial was changed while being read: compare the label with the list, or ask the manufacturer.`;
    case 'serial-near-listed':
      return `The serial ${reason.serial} differs from the recalled serial ${reason.listed} only in characters that are read for one another (O and 0, I or L and 1, S and 5, B and 8): check the label.`;
    case 'serial-unlisted-length':
      return `The serial has ${reason.actual} character${reason.actual === 1 ? '' : 's'}; the recalled serials the notice lists have ${orWords(reason.lengths.map(String))}. The list says nothing about a serial of another length: compare the label with the list, or ask the manufacturer.`;
    case 'marking-listed':
      return `The ${reason.marking} ${reason.value} is one of those the notice lists as recalled.`;
    case 'marking-absent':
      return reason.unmarked === 'recalled'
        ? `The notice says units with no ${reason.marking} are recalled too.`
        : reason.unmarked === 'not-recalled'
          ? `The notice says units with no ${reason.marking} are not in this recall.`
          : `The notice does not say whether units with no ${reason.marking} are recalled: ask the manufacturer.`;
    case 'marking-not-listed':
      return reason.excludes
        ? `The notice says units with a ${reason.marking} it does not list are not in this recall; ${reason.value} is not listed. Check you copied it exactly.`
        : `The ${reason.marking} ${reason.value} is not one the notice lists, and it does not say what that means: ask the manufacturer.`;
    case 'serial-last-character':
      return reason.inScope
        ? `The serial ends in "${reason.character}"; recalled units' serials end in ${orWords(reason.recalled.map((c) => `"${c}"`))}.`
        : reason.excludes
          ? `The serial ends in "${reason.character}"; the notice recalls only units whose serial ends in ${orWords(reason.recalled.map((c) => `"${c}"`))}. Check the last character on the label.`
          : `The serial ends in "${reason.character}"; the notice names ${orWords(reason.recalled.map((c) => `"${c}"`))} and does not say what other endings mean: ask the manufacturer.`;
    case 'batch-and-date-unreadable':
      return `Only units of production batches ${reason.batches.join(', ')}, made ${reason.made.map((w) => `${w.from} to ${w.to}`).join(' or ')}, are recalled. ${reason.serialGiven ? 'The serial number does not tell the batch or the manufacture date. ' : ''}Read the batch code and manufacture date on the unit or its box, and ask the manufacturer to confirm.`;
    case 'model-listing-alias':
      return `${reason.alias} is not a model number printed on units: it is how a seller listed model ${reason.model}, and it is read as ${reason.model}. Check the model printed on the unit.`;
    case 'colours-excluded':
      return `Units in ${orWords(reason.colours)} are not in this recall.`;
    case 'warning-no-recall':
      return `This is a safety warning, not a recall: ${reason.authority} tells owners of this model to stop using it, and the firm declined to recall it, so there is no refund, replacement or claim.`;
  }
}

export function changeMessage(change: Change): string {
  switch (change.code) {
    case 'unicode-normalised':
      return 'converted full-width or compatibility characters';
    case 'upper-cased':
      return 'upper-cased';
    case 'removed-prefix':
      return `removed "${change.detail}"`;
    case 'removed-spaces':
      return 'removed spaces';
    case 'removed-dashes':
      return 'removed dashes';
    case 'read-as-missing':
      return `"${change.detail}" means no serial: read as missing`;
  }
}

/** Short, table-friendly form of a remedy kind. */
export const REMEDY_LABEL = {
  replacement: 'Replacement',
  refund: 'Refund',
  'gift-card': 'Gift card',
  'store-credit': 'Store credit',
} as const;

/** Why a country value was refused, in the same words wherever it came from. */
export function countryProblem(raw: string): string {
  return `"${raw}" is not a country: give an ISO 3166 code or a country name, e.g. US, CA, JP, AU, GB or "United States"`;
}

/** A check with no model (the CLI's usage error, the web page's message). */
export const EMPTY_MODEL = 'the model number is empty: give the model from the label, e.g. A1263';

/** Said when an inventory has no serial column (the CLI on stderr, the web page above its results). */
export function noSerialColumnNote(name: string): string {
  return `${name} has no serial column (looked for: serial, serial number, s/n, sn …); units of recalls that depend on the serial are reported as verify.`;
}
