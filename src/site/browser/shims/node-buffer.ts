/**
 * node:buffer for the browser bundle, which only src/batch/decode.ts imports, for `isAscii`: its
 * fast path copies an ASCII chunk with Buffer instead of decoding it. Answering "not ASCII" always
 * sends every chunk through TextDecoder, which gives the same text for ASCII bytes; Buffer itself
 * is then never reached. scripts/build-site.mjs maps node:buffer here.
 */
export function isAscii(): boolean {
  return false;
}
