/**
 * Report text as bytes. ASCII (most of an inventory, and all of the fixed wording) is the same
 * bytes in Latin-1, which Node encodes several times faster than UTF-8; one length count tells
 * whether a chunk is ASCII.
 */
export function encoded(text: string): Uint8Array {
  return Buffer.from(text, Buffer.byteLength(text, 'utf8') === text.length ? 'latin1' : 'utf8');
}
