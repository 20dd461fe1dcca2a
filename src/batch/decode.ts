/**
 * Bytes → text for inventory files. Real exports arrive as UTF-8 with or without a BOM, as Excel's
 * UTF-16 "Unicode Text", and sometimes as something that is not text at all. Invalid UTF-8 is not
 * fixed up here: it becomes U+FFFD, and the row stage refuses any row that contains one, so a
 * damaged serial is never checked as if it were real.
 */
import { isAscii } from 'node:buffer';
import { RecallCheckError } from '../core/errors.js';

import type { Encoding } from '../results/input-file.js';

export type { Encoding };

export interface DecodedText {
  encoding: Encoding;
  /** The input started with a byte-order mark (kept in CSV output, which Excel needs). */
  bom: boolean;
  chunks: AsyncGenerator<string, void, undefined>;
}

const RESAVE = 'In Excel, use File › Save As › "CSV UTF-8 (Comma delimited)".';

/** Reads enough of the source to recognise its encoding, then decodes it as a stream. */
export async function decode(source: AsyncIterable<Uint8Array>, name: string): Promise<DecodedText> {
  const it = source[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let done = false;
  while (head.length < 4 && !done) {
    const next = await it.next();
    if (next.done) done = true;
    else head = concat(head, next.value);
  }

  let encoding: Encoding = 'utf-8';
  let bom = false;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bom = true;
  else if (head[0] === 0xff && head[1] === 0xfe) [encoding, bom] = ['utf-16le', true];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, bom] = ['utf-16be', true];
  else refuseNonText(head, name);

  // The byte-order mark is dropped here, so that the decoder never drops a U+FEFF from later text.
  const body = bom ? head.subarray(encoding === 'utf-8' ? 3 : 2) : head;
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  // Most chunks of an inventory are plain ASCII: those are copied as they are, which is much
  // cheaper than decoding, unless the decoder holds the first bytes of a character.
  let partial = encoding !== 'utf-8';
  const text = (bytes: Uint8Array): string => {
    if (bytes.length === 0) return '';
    if (!partial && isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const decoded = decoder.decode(bytes, { stream: true });
    // After an ASCII byte the decoder holds nothing: any unfinished character before it is done.
    partial = encoding !== 'utf-8' || bytes[bytes.length - 1]! >= 0x80;
    return decoded;
  };
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    if (body.length > 0) yield text(body);
    while (!done) {
      const next = await it.next();
      if (next.done) break;
      const decoded = text(next.value);
      if (decoded) yield decoded;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  return { encoding, bom, chunks: chunks() };
}

function refuseNonText(head: Uint8Array, name: string): void {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new RecallCheckError('input', [{ file: name, message: `this is a spreadsheet workbook (.xlsx) or another zip file, not CSV. ${RESAVE}` }]);
  }
  // UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
  if (head.includes(0)) {
    throw new RecallCheckError('input', [{ file: name, line: 1, message: `contains NUL bytes: UTF-16 text without a byte-order mark, or not text at all. ${RESAVE}` }]);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
