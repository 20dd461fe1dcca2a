/**
 * The input's own bytes, line by line, so that an annotated CSV can write a row back exactly as it
 * was, whatever its encoding (decoding Windows-1252 or Shift_JIS and encoding again does not give
 * every byte back, and a row with invalid UTF-8 cannot be encoded back at all). Only for encodings
 * where 0x0A is always LF (asciiCompatible); lines wait here only until their record is read, so
 * what is held is about one chunk.
 */

/** The line feeds in `text` before `end`: how many lines a stretch of decoded text moves on. */
export function lineFeedsBefore(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export class LineBytes {
  private lines: Uint8Array[] = [];
  /** Index in `lines` of the first line still held: taking a line moves this, not the array. */
  private head = 0;
  /** The bytes of the line not yet ended, in pieces. */
  private open: Uint8Array[] = [];
  /** Line number of lines[0]; undefined until aligned (see alignAt). */
  private first: number | undefined;
  /** The line with relative index 0 began before the bytes pushed: its bytes are incomplete. */
  private headIncomplete = false;
  /** Relative index of the line holding the first undecodable byte, for alignAt. */
  private anchor = 0;

  /** From the start of the input: the first line pushed is line `first`. */
  static fromStart(first: number): LineBytes {
    const q = new LineBytes();
    q.first = first;
    return q;
  }

  /**
   * From the middle of a UTF-8 input, where decoding first failed: `before` is what came before
   * `chunk` back to the last line break seen (complete when `complete`), and `anchor` counts the
   * line breaks in `chunk` before the first bad byte. Line numbers are learned from the record
   * that holds that byte (alignAt), so that valid UTF-8 is never counted line by line.
   */
  static fromFailure(before: Uint8Array, complete: boolean, anchor: number): LineBytes {
    const q = new LineBytes();
    if (before.length > 0) q.open.push(before);
    q.headIncomplete = !complete;
    q.anchor = anchor;
    return q;
  }

  get aligned(): boolean {
    return this.first !== undefined;
  }

  /** The line `line` holds the first undecodable byte: now every queued line has its number. */
  alignAt(line: number): void {
    if (this.first === undefined) this.first = line - this.anchor;
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    let i = chunk.indexOf(0x0a);
    while (i !== -1) {
      const piece = chunk.subarray(start, i);
      this.lines.push(this.open.length === 0 ? piece : join([...this.open, piece]));
      this.open = [];
      start = i + 1;
      i = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) this.open.push(chunk.subarray(start));
  }

  /** The input has ended: its last line had no line break after it. */
  end(): void {
    if (this.open.length > 0) this.lines.push(join(this.open));
    this.open = [];
  }

  /**
   * The bytes of lines `from` to `to` joined by LF, without the record's final CR (a record's text
   * has none); undefined when they are not all here. Lines before `to` are dropped.
   */
  take(from: number, to: number): Uint8Array | undefined {
    if (this.first === undefined) return undefined;
    const lo = from - this.first;
    const hi = to - this.first;
    if (lo < 0 || hi >= this.lines.length - this.head || (lo === 0 && this.headIncomplete)) {
      this.release(to);
      return undefined;
    }
    let bytes = lo === hi ? this.lines[this.head + lo]! : join(this.lines.slice(this.head + lo, this.head + hi + 1), 0x0a);
    this.release(to);
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return bytes;
  }

  /** Drops every line up to `to`: its records are read. */
  release(to: number): void {
    if (this.first === undefined) return;
    const n = Math.min(this.lines.length - this.head, to - this.first + 1);
    if (n <= 0) return;
    this.head += n;
    this.first += n;
    this.headIncomplete = false;
    // Compacted once most of the array is taken: one copy per chunk's worth of lines, not one per line.
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }
}

function join(parts: readonly Uint8Array[], separator?: number): Uint8Array {
  const gap = separator === undefined ? 0 : 1;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + gap * (parts.length - 1));
  let at = 0;
  parts.forEach((p, k) => {
    if (k > 0 && gap) out[at++] = separator!;
    out.set(p, at);
    at += p.length;
  });
  return out;
}
