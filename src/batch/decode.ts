/**
 * Bytes → text for inventory files. Real exports arrive as UTF-8 with or without a BOM, as Excel's
 * UTF-16 "Unicode Text", in a Windows or Japanese code page (named with --encoding), and sometimes
 * as something that is not text at all. Invalid text is not fixed up here: it becomes U+FFFD, and
 * the row stage refuses to check any cell that contains one, so a damaged serial is never checked
 * as if it were real. When UTF-8 fails, the likely encoding is guessed for the message.
 */
import { RecallCheckError } from '../core/errors.js';
import { asciiText, isAsciiBytes } from './ascii-text.js';
import { asciiCompatible, canonicalEncoding, unknownEncoding } from './encodings.js';
import { type EncodingHint, guessEncoding } from './encoding-hint.js';
import { LineBytes, lineFeedsBefore } from './line-bytes.js';

import type { Encoding } from '../results/input-file.js';

export type { Encoding, EncodingHint };

export interface DecodedText {
  encoding: Encoding;
  /** The input started with a byte-order mark (kept in CSV output, which Excel needs). */
  bom: boolean;
  /** Set when a byte-order mark overrode the named encoding: what to tell the user, after the file's name. */
  bomNote: string | undefined;
  chunks: AsyncGenerator<string, void, undefined>;
  /**
   * Set once bytes that are not UTF-8 have been read (UTF-8 only): a U+FFFD in the text before
   * that is the character itself, written as valid bytes (EF BF BD), not a decoding failure.
   */
  readonly invalid: boolean;
  /** Set once UTF-8 decoding has failed (no encoding was named): the likely encoding and the flag to re-run with. */
  readonly hint: EncodingHint | undefined;
  /**
   * The input's bytes line by line, kept when its text is not UTF-8 (named in another encoding,
   * or UTF-8 that failed), so that rows can be written back byte for byte. Undefined for valid
   * UTF-8 and for UTF-16, whose text encodes back to the same bytes.
   */
  readonly lines: LineBytes | undefined;
  /** The header proved the encoding (see header-encoding.ts): the hint names it instead of the guess. */
  prove(hint: EncodingHint): void;
  /** Stop keeping lines (their records are written back from their text). */
  dropLines(): void;
}

export interface DecodeOptions {
  /** A WHATWG label: read the input in this encoding instead of detecting UTF-8 or UTF-16. */
  encoding?: string | undefined;
}

const RESAVE = 'In Excel, use File › Save As › "CSV UTF-8 (Comma delimited)".';

/** Where an ASCII chunk can be copied without the decoder: it never holds part of a character across chunks there. */
const MULTI_BYTE = new Set(['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr']);

const BOMS: Record<string, readonly number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };
const BOM_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/** Reads enough of the source to recognise its encoding, then decodes it as a stream. */
export async function decode(source: AsyncIterable<Uint8Array>, name: string, opts: DecodeOptions = {}): Promise<DecodedText> {
  const named = opts.encoding === undefined ? undefined : canonicalEncoding(opts.encoding);
  if (opts.encoding !== undefined && named === undefined) throw new RecallCheckError('usage', `--encoding: ${unknownEncoding(opts.encoding)}`);
  const it = source[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let done = false;
  while (head.length < 4 && !done) {
    const next = await it.next();
    if (next.done) done = true;
    else head = concat(head, next.value);
  }

  let encoding: Encoding = named ?? 'utf-8';
  let bom = false;
  const startsWith = (bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);
  // As the WHATWG decode algorithm does, a byte-order mark wins over a named encoding: a file
  // that starts with one was saved in that encoding, whatever label the run was given.
  const marked = (Object.keys(BOMS) as Encoding[]).find((e) => startsWith(BOMS[e]!));
  let bomNote: string | undefined;
  if (named !== undefined && marked !== undefined) {
    [encoding, bom] = [marked, true];
    if (marked !== named) bomNote = `starts with a ${BOM_NAMES[marked]} byte-order mark: read as ${marked}, not as the named ${named} (a byte-order mark overrides the encoding named)`;
  } else if (named !== undefined) refuseNonText(head, name, named);
  else if (startsWith(BOMS['utf-8']!)) bom = true;
  else if (startsWith(BOMS['utf-16le']!)) [encoding, bom] = ['utf-16le', true];
  else if (startsWith(BOMS['utf-16be']!)) [encoding, bom] = ['utf-16be', true];
  else refuseNonText(head, name, undefined);

  // The byte-order mark is dropped here, so that the decoder never drops a U+FEFF from later text.
  const body = bom ? head.subarray(BOMS[encoding]!.length) : head;
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  const multiByte = MULTI_BYTE.has(encoding);
  // Only UTF-8 and single-byte encodings may skip the decoder: in the others an ASCII byte can be
  // the second half of a character, or the decoder carries state (ISO-2022-JP).
  const fastPath = !multiByte || encoding === 'utf-8';
  let lines = named !== undefined && encoding !== 'utf-8' && asciiCompatible(encoding) ? LineBytes.fromStart(1) : undefined;
  let hint: EncodingHint | undefined;
  let keepLines = true;
  // In UTF-8, the first U+FFFD means the file is in some other encoding (or damaged): from there
  // on its bytes are kept, and unless UTF-8 was named, its likely encoding is guessed.
  let watch = encoding === 'utf-8';
  let previous: Uint8Array | undefined;
  let invalid = false;

  // Most chunks of an inventory are plain ASCII: those are copied as they are, which is much
  // cheaper than decoding, unless the decoder holds the first bytes of a character.
  let partial = !fastPath;
  // Whether the last chunk went through the decoder: only such text can hold a U+FFFD.
  let viaDecoder = false;
  const text = (bytes: Uint8Array): string => {
    viaDecoder = false;
    if (bytes.length === 0) return '';
    if (!partial && isAsciiBytes(bytes)) return asciiText(bytes);
    viaDecoder = true;
    const decoded = decoder.decode(bytes, { stream: true });
    // After an ASCII byte the UTF-8 decoder holds nothing: any unfinished character before it is done.
    partial = !fastPath || (encoding === 'utf-8' && bytes[bytes.length - 1]! >= 0x80);
    return decoded;
  };
  const failed = async (bytes: Uint8Array, decoded: string) => {
    watch = false;
    invalid = true;
    const bad = decoded.indexOf('\uFFFD');
    const anchor = lineFeedsBefore(decoded, bad);
    const cut = previous === undefined ? -1 : previous.lastIndexOf(0x0a);
    const before = previous === undefined ? new Uint8Array(0) : previous.subarray(cut + 1);
    if (keepLines) lines = LineBytes.fromFailure(before, previous === undefined || cut !== -1, anchor);
    if (named === undefined) hint = await guessEncoding(bytes);
  };
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    const feed = async (bytes: Uint8Array) => {
      const decoded = text(bytes);
      if (watch && viaDecoder && decoded.includes('\uFFFD') && !allLiteral(previous, bytes, decoded)) await failed(bytes, decoded);
      lines?.push(bytes);
      previous = bytes;
      return decoded;
    };
    if (body.length > 0) yield await feed(body);
    while (!done) {
      const next = await it.next();
      if (next.done) break;
      const decoded = await feed(next.value);
      if (decoded) yield decoded;
    }
    const tail = decoder.decode();
    if (watch && tail.includes('\uFFFD')) await failed(previous ?? new Uint8Array(0), tail);
    lines?.end();
    if (tail) yield tail;
  }
  return {
    encoding,
    bom,
    bomNote,
    chunks: chunks(),
    get hint() {
      return hint;
    },
    get invalid() {
      return invalid;
    },
    get lines() {
      return lines;
    },
    prove(proven) {
      hint = proven;
    },
    dropLines() {
      keepLines = false;
      lines = undefined;
    },
  };
}

function refuseNonText(head: Uint8Array, name: string, named: string | undefined): void {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new RecallCheckError('input', [{ file: name, message: `this is a spreadsheet workbook (.xlsx) or another zip file, not CSV. ${RESAVE}` }]);
  }
  // UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
  if (head.includes(0) && named !== 'utf-16le' && named !== 'utf-16be') {
    throw new RecallCheckError('input', [{ file: name, line: 1, message: `contains NUL bytes: UTF-16 text without a byte-order mark (re-run with --encoding utf-16le or --encoding utf-16be), or not text at all. ${RESAVE}` }]);
  }
}

/**
 * Whether every U+FFFD in a chunk's text is the character itself, from the valid bytes EF BF BD
 * (a file converted by a tool that replaced what it could not read), not a byte that failed: then
 * the file is valid UTF-8, and no other encoding is to be guessed. The last two bytes of the chunk
 * before count, for a character cut between chunks.
 */
function allLiteral(previous: Uint8Array | undefined, bytes: Uint8Array, decoded: string): boolean {
  let replaced = 0;
  for (let i = decoded.indexOf('\uFFFD'); i !== -1; i = decoded.indexOf('\uFFFD', i + 1)) replaced++;
  const carried = previous === undefined ? 0 : Math.min(2, previous.length);
  const at = (i: number) => (i < carried ? previous![previous!.length - carried + i]! : bytes[i - carried]!);
  const n = carried + bytes.length;
  let literal = 0;
  for (let i = 0; i + 2 < n && literal < replaced; i++) if (at(i) === 0xef && at(i + 1) === 0xbf && at(i + 2) === 0xbd) literal++;
  return literal === replaced;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
