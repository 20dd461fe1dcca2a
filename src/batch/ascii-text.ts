/**
 * The one place the batch reads ASCII bytes as text with Node's Buffer: an ASCII chunk (most of
 * an inventory) is copied as Latin-1, several times cheaper than decoding it. A browser build
 * swaps this module for one built on TextDecoder alone.
 */
import { isAscii } from 'node:buffer';

export function isAsciiBytes(bytes: Uint8Array): boolean {
  return isAscii(bytes);
}

/** Text of bytes already known to be ASCII. */
export function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
