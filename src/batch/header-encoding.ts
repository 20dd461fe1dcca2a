/**
 * The encoding of a header that did not decode as UTF-8, proven rather than guessed: chardet's
 * statistics on a header of a few short words are noise (an EUC-JP or Big5 header scores as
 * Windows-1252), but a header that decodes without error in an encoding and then maps to the
 * model, serial or country columns is read correctly in it.
 */
import Papa from 'papaparse';
import { RecallCheckError } from '../core/errors.js';
import { type ColumnOptions, mapColumns } from './columns.js';
import type { EncodingHint } from './encoding-hint.js';
import type { ColumnMapping } from '../results/input-file.js';

/** The encodings exports actually arrive in, multi-byte first: Windows-1252 decodes almost any bytes. */
const CANDIDATES = ['shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr', 'windows-1252'] as const;

/**
 * The first encoding (the guess first, then CANDIDATES) in which the header's bytes decode
 * without error and map more of the model, serial and country columns than `mapped` (the mapping
 * of the header as it decoded, undefined when it failed); undefined when none does.
 */
export function provenHeaderEncoding(bytes: Uint8Array, delimiter: string, opts: ColumnOptions, mapped: ColumnMapping | undefined, guess: string | undefined): string | undefined {
  const baseline = mapped === undefined ? -1 : roles(mapped);
  const order = [...new Set([...(guess === undefined ? [] : [guess]), ...CANDIDATES])];
  for (const encoding of order) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const cells = Papa.parse<string[]>(text, { delimiter }).data[0] ?? [];
    try {
      if (roles(mapColumns(cells, opts, '')) > baseline) return encoding;
    } catch (e) {
      if (!(e instanceof RecallCheckError)) throw e;
    }
  }
  return undefined;
}

/** The hint for a proven encoding: the header is the proof. */
export function provenHint(encoding: string): EncodingHint {
  return { encoding, advice: `its header reads as ${encoding}: re-run with --encoding ${encoding}` };
}

function roles(m: ColumnMapping): number {
  return [m.model, m.serial, m.country].filter((i) => i !== undefined).length;
}

/**
 * Said when the header has a cell that did not decode and the serial or country column was not
 * found: that column may be the unreadable cell, so the fix is the encoding before any column flag.
 */
export function unreadableHeaderNote(name: string, header: readonly string[], columns: ColumnMapping, advice: string | undefined): string | undefined {
  const bad = header.filter((h) => h.includes('\uFFFD'));
  if (bad.length === 0) return undefined;
  const missing = [columns.serial === undefined ? 'serial' : undefined, columns.country === undefined ? 'country' : undefined].filter((r) => r !== undefined);
  if (missing.length === 0) return undefined;
  const cells = bad.map((h) => JSON.stringify(h)).join(', ');
  return `${name}: the header cell${bad.length > 1 ? 's' : ''} ${cells} could not be read, so its ${missing.join(' and ')} column may be there but unreadable; ${advice ?? 're-save the file as UTF-8'}.`;
}
