/**
 * Report text as bytes. ASCII (most of an inventory, and all of the fixed wording) is the same
 * bytes in Latin-1, which Node encodes several times faster than UTF-8; one length count tells
 * whether a chunk is ASCII.
 */
export function encoded(text: string): Uint8Array {
  return Buffer.from(text, isAscii(text) ? 'latin1' : 'utf8');
}

function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

export type Encoder = (text: string) => Uint8Array;

/**
 * Text → bytes in the input's own encoding, for a report that writes the input back (the annotated
 * CSV). UTF-8 and UTF-16 are Node's own. Other encodings need iconv-lite (Node encodes no legacy
 * code page, and TextEncoder only UTF-8), loaded only for such a file, and used only for text that
 * is not ASCII (which every such encoding writes as ASCII): the verdict wording, and rows
 * re-serialised for formula escaping. A character the encoding cannot write comes out as iconv-lite's
 * substitute, never as a broken byte.
 */
export async function encoderFor(encoding: string): Promise<Encoder> {
  if (encoding === 'utf-8') return encoded;
  if (encoding === 'utf-16le') return (text) => Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return (text) => Buffer.from(text, 'utf16le').swap16();
  const { default: iconv } = await import('iconv-lite');
  // The few WHATWG encodings iconv-lite lacks (ISO-2022-JP, x-mac-cyrillic): non-ASCII text in UTF-8.
  if (!iconv.encodingExists(encoding)) return encoded;
  return (text) => (isAscii(text) ? Buffer.from(text, 'latin1') : iconv.encode(text, encoding));
}
