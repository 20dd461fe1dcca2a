/**
 * What kind of file an input is, from its first bytes, not its name: a file called .csv can be a
 * workbook and the reverse, and standard input has no name. A zip is read as an .xlsx workbook,
 * except an OpenDocument spreadsheet (.ods), whose zip must begin with its "mimetype" entry; an
 * OLE compound file (D0 CF 11 E0) is an Excel 97–2003 .xls. Those two are refused with what to
 * do; everything else is text for the CSV reader.
 */
import { RecallCheckError } from '../core/errors.js';

export interface SniffedInput {
  kind: 'text' | 'xlsx';
  /** The whole input, the bytes read to sniff it included. */
  source: AsyncIterable<Uint8Array>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip's first local header (30 bytes), the name "mimetype" and the OpenDocument media type after it. */
const HEAD = 30 + 'mimetype'.length + 'application/vnd.oasis.opendocument.spreadsheet'.length;

const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((b, i) => head[i] === b);

export async function sniff(source: AsyncIterable<Uint8Array>, name: string): Promise<SniffedInput> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < HEAD && !done) {
    const next = await it.next();
    if (next.done) done = true;
    else {
      chunks.push(next.value);
      length += next.value.length;
    }
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Uint8Array, void, undefined> {
    yield* chunks;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (startsWith(head, OLE)) refuse(name, 'an Excel 97–2003 workbook (.xls), which recall-check does not read');
  if (startsWith(head, ZIP)) {
    if (head.subarray(30).toString('latin1').startsWith('mimetypeapplication/vnd.oasis.opendocument')) refuse(name, 'an OpenDocument file (.ods), which recall-check does not read');
    return { kind: 'xlsx', source: all() };
  }
  return { kind: 'text', source: all() };
}

function refuse(name: string, what: string): never {
  throw new RecallCheckError('input', [{ file: name, message: `this is ${what}. Save it as an Excel Workbook (.xlsx) or as "CSV UTF-8 (Comma delimited)" (File › Save As), and check that file.` }]);
}
