/**
 * What kind of file an input is, from its first bytes, not its name: a file called .csv can be a
 * workbook and the reverse, and standard input has no name. A zip is read as an .xlsx workbook,
 * except an OpenDocument spreadsheet (.ods), whose zip must begin with its "mimetype" entry; an
 * OLE compound file (D0 CF 11 E0) is an Excel 97–2003 .xls, or an .xlsx saved with a password
 * (encrypted, inside an OLE file). Those are refused with what to
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

/** The name of the stream that holds an encrypted workbook, as an OLE directory spells it (UTF-16LE). */
const ENCRYPTED = Buffer.from('EncryptedPackage', 'utf16le');
/** How far into an OLE file to look for it: its directory sits near the start of a small file. */
const ENCRYPTED_SCAN = 16 << 20;

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
  if (startsWith(head, OLE)) {
    // A password-protected .xlsx is an OLE file too, holding the encrypted workbook in streams
    // with these names (MS-OFFCRYPTO): worth reading on for, since the input is refused either way.
    let seen = head;
    for (let read = head.length; !done && read < ENCRYPTED_SCAN; ) {
      const next = await it.next();
      if (next.done) break;
      seen = Buffer.concat([seen.subarray(-ENCRYPTED.length), next.value]);
      read += next.value.length;
      if (seen.includes(ENCRYPTED)) break;
    }
    if (seen.includes(ENCRYPTED)) {
      throw new RecallCheckError('input', [{ file: name, message: 'this workbook is encrypted (saved with a password), so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, and clear it), save it, and check that file.' }]);
    }
    refuse(name, 'an Excel 97–2003 workbook (.xls), which recall-check does not read');
  }
  if (startsWith(head, ZIP)) {
    if (head.subarray(30).toString('latin1').startsWith('mimetypeapplication/vnd.oasis.opendocument')) refuse(name, 'an OpenDocument file (.ods), which recall-check does not read');
    return { kind: 'xlsx', source: all() };
  }
  return { kind: 'text', source: all() };
}

function refuse(name: string, what: string): never {
  throw new RecallCheckError('input', [{ file: name, message: `this is ${what}. Save it as an Excel Workbook (.xlsx) or as "CSV UTF-8 (Comma delimited)" (File › Save As), and check that file.` }]);
}
