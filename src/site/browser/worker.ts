/**
 * The file check, off the page's thread: the File is read as a stream, checked with the library's
 * own checkCsv, and written with the CSV reporter's own header and row writer, so the download is
 * the bytes `recall-check batch --format csv` writes for the same file and data: the header's and
 * each row's bytes in the file's own encoding, with the reporter's encoder (the build swaps in a
 * browser one, src/site/browser/shims/encoded.ts), rows that did not decode from their own bytes.
 */
import { buildCatalog, type Catalog } from '../../core/catalog.js';
import { normaliseCountry } from '../../core/country.js';
import { isRecallCheckError } from '../../core/errors.js';
import { countryProblem, noSerialColumnNote } from '../../core/messages.js';
import { decode } from '../../batch/decode.js';
import { readCsv } from '../../batch/read.js';
import { checkCsv } from '../../batch/run.js';
import { csvHeaderBytes, csvWriter } from '../../report/csv.js';
import { encoderFor } from '../../report/encoded.js';
import { collectFindings } from '../../report/findings.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's global scope, typed for the messages it takes and sends. */
const self = globalThis as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };

let catalog: Catalog | undefined;
/** Bytes are turned into Blob parts every few megabytes, so a big file's output is not all held as small arrays. */
const FLUSH_BYTES = 4 << 20;
const PROGRESS_EVERY_MS = 100;

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'data') catalog = buildCatalog(msg.recalls);
  else void checkFile(msg.file, msg.country, msg.encoding, msg.modelColumn).catch(async (err: unknown) => self.postMessage({ type: 'error', message: describe(err), columns: await columnsToChoose(err, msg.file, msg.encoding) }));
};

/**
 * The header's names, for a refusal the CLI answers with --model-column: the page offers them as a
 * choice. Read again from the file's head, as checkCsv read it; undefined for any other error.
 */
async function columnsToChoose(err: unknown, file: File, encoding: string | undefined): Promise<string[] | undefined> {
  if (!isRecallCheckError(err) || !/no model column found|several columns could hold the model/u.test(err.message)) return undefined;
  try {
    const text = await decode(file.stream() as unknown as AsyncIterable<Uint8Array>, file.name, { encoding });
    return [...(await readCsv(text.chunks, { name: file.name })).header.cells];
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  if (isRecallCheckError(err)) return `${err.message}${err.hint ? ` ${err.hint}` : ''}`;
  return `recall-check could not check this file (a bug: please report it): ${err instanceof Error ? err.message : String(err)}`;
}

async function checkFile(file: File, countryText: string, encoding: string | undefined, modelColumn: string | undefined): Promise<void> {
  if (!catalog) throw new Error('no recall data was given to the worker');
  let country: string | undefined;
  if (countryText.trim() !== '') {
    country = normaliseCountry(countryText);
    if (!country) return self.postMessage({ type: 'error', message: `Country of sale: ${countryProblem(countryText)}` });
  }
  let bytes = 0;
  let rows = 0;
  let last = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    self.postMessage({ type: 'progress', bytes, total: file.size, rows });
  };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      bytes += value.length;
      yield value;
    }
  }

  const batch = await checkCsv(catalog, chunks(), { name: file.name, country, encoding, modelColumn });
  const notes = batch.columns.serial === undefined ? [noSerialColumnNote(file.name)] : [];
  const blobs: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const add = (part: Uint8Array) => {
    pending.push(part);
    pendingBytes += part.length;
    if (pendingBytes >= FLUSH_BYTES) flush();
  };
  const flush = () => {
    blobs.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  const encode = await encoderFor(batch.encoding);
  add(csvHeaderBytes(batch, encode));
  const writer = csvWriter(batch.header.length, batch);
  const findings = collectFindings(batch.columns, 1000);
  for await (const results of batch.results) {
    add(writer.bytes(results, encode));
    findings.add(results);
    rows += results.length;
    progress();
  }
  flush();
  progress(true);
  // Known only once the rows are read, as in the CLI (which says it after the report).
  const hint = batch.encodingHint;
  self.postMessage({
    type: 'done',
    name: file.name,
    summary: batch.summary,
    findings: findings.list,
    dropped: findings.dropped,
    country,
    notes,
    notUtf8: hint === undefined ? undefined : { encoding: hint.encoding },
    // The bytes are in the file's own encoding, which the type does not claim.
    csv: new Blob(blobs, { type: 'text/csv' }),
  });
}
