import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCsv, type CsvBatch, type RowResult } from '../../batch/run.js';
import { statusesOf, type Summary } from '../../batch/summary.js';
import { RecallCheckError } from '../../core/errors.js';
import { loadRecallData } from '../../recall-data.js';
import { jsonWriter, ndjson } from '../../report/batch-json.js';
import { csvHeader, csvWriter } from '../../report/csv.js';
import type { RunMeta } from '../../report/json.js';
import { PLAIN, type Style } from '../../report/style.js';
import { renderSummary } from '../../report/summary-text.js';
import { tableHeader, tableRows } from '../../report/table.js';
import { parseMaxAge, warnIfStale } from '../data-age.js';
import { exitCodeFor } from '../exit-code.js';
import type { Format } from '../formats.js';
import { type Io, styleFor } from '../io.js';
import { fileOutput, type Output, streamOutput } from '../output.js';
import { progress } from '../progress.js';
import { parseCountry, runMeta } from './check.js';


export interface BatchCliOptions {
  format: Format;
  output?: string;
  modelColumn?: string;
  serialColumn?: string;
  countryColumn?: string;
  country?: string;
  delimiter?: string;
  dataDir?: string;
  all?: boolean;
  maxDataAge?: string;
}

interface Writer {
  start(): string;
  rows(rows: readonly RowResult[]): string;
  end(summary: Summary): string;
}

function writerFor(format: Format, batch: CsvBatch, meta: RunMeta, style: Style, width: number | undefined, all: boolean): Writer {
  switch (format) {
    case 'csv':
      return { start: () => csvHeader(batch.header, batch.headerRaw, batch), rows: csvWriter(batch.header.length, batch), end: () => '' };
    case 'ndjson':
      return { start: () => ndjson.start(batch, meta), rows: ndjson.rows, end: ndjson.end };
    case 'json': {
      const w = jsonWriter();
      return { start: () => w.start(batch, meta), rows: w.rows, end: w.end };
    }
    case 'table': {
      const opts = { style, width, all };
      return { start: () => tableHeader(opts), rows: (rows) => tableRows(rows, batch.columns.model, batch.columns.serial, opts), end: () => '' };
    }
  }
}

export async function batchCommand(io: Io, file: string, opts: BatchCliOptions): Promise<number> {
  const country = parseCountry(opts.country);
  const maxAge = parseMaxAge(opts.maxDataAge);
  const fromStdin = file === '-';
  const name = fromStdin ? 'stdin' : file;
  const size = fromStdin ? undefined : inputSize(resolve(io.cwd, file));
  const data = await loadRecallData({ dataDir: opts.dataDir });
  warnIfStale(io, data.manifest.generated, maxAge);

  let bytes = 0;
  const raw = fromStdin ? io.stdin : createReadStream(resolve(io.cwd, file), { highWaterMark: 64 * 1024 });
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of raw as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      yield chunk;
    }
  }

  const batch = await checkCsv(data, counted(), {
    name,
    country,
    modelColumn: opts.modelColumn,
    serialColumn: opts.serialColumn,
    countryColumn: opts.countryColumn,
    delimiter: opts.delimiter,
  });
  if (batch.columns.serial === undefined) {
    io.stderr.write(`recall-check: note: ${name} has no serial column (looked for: serial, serial number, s/n, sn …); units of recalls that depend on the serial are reported as verify. Name it with --serial-column.\n`);
  }

  const output: Output = opts.output ? fileOutput(opts.output, io.cwd, fromStdin ? undefined : file) : streamOutput(io.stdout as never);
  // A report written to a file is never coloured; on stdout, colour follows the terminal.
  const style = opts.output ? PLAIN : await styleFor(io.stdout, io.env);
  const width = io.stdout.isTTY && !opts.output ? Math.max(100, io.stdout.columns ?? 120) : undefined;
  const writer = writerFor(opts.format, batch, runMeta(data), style, width, opts.all ?? false);
  const bar = progress(io.stderr, size);
  const interrupt = () => {
    output.abort();
    bar.done();
    io.stderr.write('\nrecall-check: interrupted; no output file was written\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await output.write(writer.start());
    for await (const rows of batch.results) {
      await output.write(writer.rows(rows));
      if (output.closed) break;
      bar.update(batch.summary.rows, bytes);
    }
    bar.done();
    if (output.closed) return exitCodeFor(statusesOf(batch.summary), batch.summary.errors.count > 0);
    await output.write(writer.end(batch.summary));
    await output.finish();
  } catch (e) {
    bar.done();
    output.abort();
    if (e instanceof RecallCheckError) io.stderr.write(renderSummary(`${name} (incomplete: stopped by the error below)`, batch.summary, await styleFor(io.stderr, io.env)));
    throw e;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  io.stderr.write(renderSummary(name, batch.summary, await styleFor(io.stderr, io.env)));
  return exitCodeFor(statusesOf(batch.summary), batch.summary.errors.count > 0);
}

function inputSize(path: string): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new RecallCheckError('usage', [{ file: path, message: 'is a directory; give a CSV file, or - for standard input' }]);
    return st.size;
  } catch (e) {
    if (e instanceof RecallCheckError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new RecallCheckError('usage', [{ file: path, message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code})` }]);
  }
}
