/**
 * A serial against the rules the sources state for it: which readings are suspect, whether the
 * serial is as typed, and which rules force "verify" or exclude the unit. Used by the matcher and
 * by the unit-scope kinds alike.
 */
import type { SerialRule } from '../data/schema.js';
import type { Normalised } from './normalise.js';
import type { Reason } from './result.js';

export function suspicionReasons(serial: Normalised): Reason[] {
  return serial.suspicions.map((s): Reason => {
    switch (s.code) {
      case 'non-ascii':
        return s.asciiGuess
          ? { code: 'serial-non-ascii', characters: s.characters, suggestion: s.asciiGuess }
          : { code: 'serial-non-ascii', characters: s.characters };
      case 'spreadsheet-mangled':
        return { code: 'serial-spreadsheet-mangled', detail: s.detail };
      case 'invalid-characters':
        return { code: 'serial-invalid-characters', characters: s.characters };
    }
  });
}

/**
 * Whether a serial's length and prefix are as typed, so that a rule may exclude the unit by them.
 * Removing spaces or dashes can join two values in one cell ("ACCJ…0900 ACCJ…0901", "…0900
 * refurb") and Unicode folding can lengthen one (ß → SS): a serial too long after either is a
 * reason to verify, not a clearance.
 */
export function exclusionsTrusted(serial: Normalised): boolean {
  return !serial.changes.some((c) => c.code === 'removed-spaces' || c.code === 'removed-dashes' || c.code === 'unicode-normalised');
}

/**
 * Sourced serial rules, split into what forces "verify" (a probable misread or a truncation) and
 * what excludes the unit (only where the source says so, and only for a serial that is too long
 * or plainly different, never for one that may have been cut short).
 */
export function applyRules(rules: readonly { value: SerialRule }[] | undefined, serial: string, trusted: boolean): { verify: Reason[]; excluded: Reason[] } {
  const verify: Reason[] = [];
  const excluded: Reason[] = [];
  for (const { value: rule } of rules ?? []) {
    switch (rule.rule) {
      case 'never-contains': {
        const found = rule.characters.filter((c) => serial.includes(c));
        if (found.length > 0) {
          // The usual misreads of letters a manufacturer never uses: O for 0, I for 1.
          let suggestion = serial;
          if (found.includes('O')) suggestion = suggestion.replaceAll('O', '0');
          if (found.includes('I')) suggestion = suggestion.replaceAll('I', '1');
          verify.push(suggestion !== serial
            ? { code: 'serial-excluded-characters', characters: found, suggestion }
            : { code: 'serial-excluded-characters', characters: found });
        }
        break;
      }
      case 'length':
        // Too long is never a clearance, even where the source says such units are not in the
        // recall: two serials joined, or a serial with more typed after it, is too long too. The
        // source's words go into the message, so the holder can decide from the label.
        if (serial.length < rule.length) verify.push({ code: 'serial-too-short', expected: rule.length, actual: serial.length });
        else if (serial.length > rule.length) verify.push({ code: 'serial-wrong-length', expected: rule.length, actual: serial.length, excludes: rule.excludesOtherwise });
        break;
      case 'prefix':
        if (!serial.startsWith(rule.prefix)) {
          const excludes = rule.excludesOtherwise && trusted;
          const reason: Reason = { code: 'serial-wrong-prefix', expected: rule.prefix, excludes };
          (excludes ? excluded : verify).push(reason);
        }
        break;
    }
  }
  return { verify, excluded };
}
