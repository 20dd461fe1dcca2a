/**
 * src/report/encoded.ts for the browser bundle (scripts/build-site.mjs swaps it in): the same
 * bytes without Node's Buffer. UTF-8 is TextEncoder's (the same bytes as Buffer's, lone
 * surrogates included: both write U+FFFD); UTF-16 is written unit by unit, as Buffer's utf16le
 * is. Legacy code pages use iconv-lite, as the CLI does, so a named encoding writes the same
 * substitutes; it is loaded only for such a file.
 */
export type Encoder = (text: string) => Uint8Array;

const utf8 = new TextEncoder();

export function encoded(text: string): Uint8Array {
  return utf8.encode(text);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), !bigEndian);
  return out;
}

export async function encoderFor(encoding: string): Promise<Encoder> {
  if (encoding === 'utf-8') return encoded;
  if (encoding === 'utf-16le') return (text) => utf16(text, false);
  if (encoding === 'utf-16be') return (text) => utf16(text, true);
  const { default: iconv } = await import('iconv-lite');
  if (!iconv.encodingExists(encoding)) return encoded;
  // ASCII is the same bytes in every encoding iconv-lite has; the CLI skips iconv-lite for it too.
  return (text) => (/^[\x00-\x7f]*$/u.test(text) ? utf8.encode(text) : new Uint8Array(iconv.encode(text, encoding)));
}
