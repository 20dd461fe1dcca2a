/**
 * src/batch/ascii-text.ts for the browser bundle (scripts/build-site.mjs swaps it in). Answering
 * "not ASCII" always sends every chunk through TextDecoder, which gives the same text for ASCII
 * bytes; the Buffer copy is Node's speed trick only.
 */
export function isAsciiBytes(): boolean {
  return false;
}

export function asciiText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
