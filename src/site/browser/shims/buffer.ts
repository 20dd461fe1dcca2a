/**
 * The global Buffer for the browser bundle (scripts/build-site.mjs injects it where code names
 * the global): the batch and report code uses Buffer.concat alone, to join byte parts (csv.ts,
 * sniff.ts). A Uint8Array is what the page needs of the result.
 */
export const Buffer = {
  concat(parts: readonly Uint8Array[]): Uint8Array {
    let length = 0;
    for (const p of parts) length += p.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  },
};
