/**
 * The file check, off the page's thread: the File is read as a stream, checked with the library's
 * own checkCsv, and written with the CSV reporter's own header and row writer, so the download is
 * the bytes `recall-check batch --format csv` writes for the same file and data. (The reporter's
 * sink wrapper encodes with Node's Buffer; a Blob encodes the same strings as UTF-8, which is what
 * the CLI writes.)
 */
import { buildCatalog, type Catalog } from '../../core/catalog.js';
import { normaliseCountry } from '../../core/country.js';
import { isRecallCheckError } from '../../core/errors.js';
import { countryProblem, noSerialColumnNote } from '../../core/messages.js';
import { checkCsv } from '../../batch/run.js';
import { csvHeader, csvWriter } from '../../report/csv.js';
import { collectFindings } from '../../report/findings.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's global scope, typed for the messages it takes and sends. */
const self = globalThis as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };

let catalog: Catalog | undefined;
/** Text is turned into Blob parts every few megabytes, so a big file's output is not all held as strings. */
const FLUSH_CHARS = 4 << 20;
const PROGRESS_EVERY_MS = 100;

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'data') catalog = buildCatalog(msg.recalls);
  else void checkFile(msg.file, msg.country).catch((err: unknown) => self.postMessage({ type: 'error', message: describe(err) }));
};

function describe(err: unknown): string {
  if (isRecallCheckError(err)) return `${err.message}${err.hint ? ` ${err.hint}` : ''}`;
  return `recall-check could not check this file (a bug: please report it): ${err instanceof Error ? err.message : String(err)}`;
}

async function checkFile(file: File, countryText: string): Promise<void> {
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

  const batch = await checkCsv(catalog, chunks(), { name: file.name, country });
  const notes = batch.columns.serial === undefined ? [noSerialColumnNote(file.name)] : [];
  const blobs: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const add = (text: string) => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= FLUSH_CHARS) flush();
  };
  const flush = () => {
    blobs.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };
  add(csvHeader(batch.header, batch.headerRaw, batch));
  const writer = csvWriter(batch.header.length, batch);
  const findings = collectFindings(batch.columns, 1000);
  for await (const results of batch.results) {
    add(writer.rows(results));
    findings.add(results);
    rows += results.length;
    progress();
  }
  flush();
  progress(true);
  self.postMessage({
    type: 'done',
    name: file.name,
    summary: batch.summary,
    findings: findings.list,
    dropped: findings.dropped,
    notes,
    csv: new Blob(blobs, { type: 'text/csv;charset=utf-8' }),
  });
}
