import { appendFileSync, createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCsv, type CsvBatch, type RowResult } from '../../batch/run.js';
import { statusesOf, type Summary } from '../../batch/summary.js';
import { RecallCheckError } from '../../core/errors.js';
import { loadRecallData } from '../../recall-data.js';
import { jsonWriter, ndjson } from '../../report/batch-json.js';
import { csvHeader, csvWriter } from '../../report/csv.js';
import { collectFindings } from '../../report/findings.js';
import { githubRows } from '../../report/github.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderSarif } from '../../report/sarif.js';
import { type RunMeta, runMeta } from '../../report/json.js';
import { PLAIN, type Style } from '../../report/style.js';
import { renderSummary } from '../../report/summary-text.js';
import { tableHeader, tableRows } from '../../report/table.js';
import type { Command } from 'commander';
import { acknowledger } from '../../core/acknowledge.js';
import { refuseUnknownRecalls, reportAcknowledgements } from '../acknowledgements.js';
import { today, warnIfStale } from '../data-age.js';
import { effectiveOptions } from '../options.js';
import { EXIT, exitCodeFor } from '../exit-code.js';
import type { Format } from '../../report/formats.js';
import { type Io, styleFor } from '../io.js';
import { fileOutput, type Output, streamOutput } from '../output.js';
import { progress } from '../progress.js';


export interface BatchFlags {
  output?: string;
  delimiter?: string;
  dataDir?: string;
  all?: boolean;
}

interface Writer {
  start(): string;
  rows(rows: readonly RowResult[]): string;
  end(summary: Summary): string;
  /** How to encode what rows() returned; UTF-8 unless the writer knows the text is ASCII. */
  encoding?(): 'latin1' | 'utf8';
}

function writerFor(format: Format, batch: CsvBatch, meta: RunMeta, style: Style, width: number | undefined, all: boolean, io: Io): Writer {
  const findings = () => {
    const f = collectFindings(batch.columns);
    return { f, rows: (rows: readonly RowResult[]) => (f.add(rows), '') };
  };
  switch (format) {
    case 'github': {
      // Annotations as rows arrive; the Markdown summary goes to the job summary at the end.
      const { f, rows: collect } = findings();
      return {
        start: () => '',
        rows: (rows) => (collect(rows), githubRows(rows, batch.name, batch.columns.model, batch.columns.serial)),
        end: (summary) => {
          const path = io.env.GITHUB_STEP_SUMMARY;
          if (path) appendFileSync(path, renderMarkdown(batch.name, summary, f));
          return '';
        },
      };
    }
    case 'markdown': {
      const { f, rows } = findings();
      return { start: () => '', rows, end: (summary) => renderMarkdown(batch.name, summary, f) };
    }
    case 'sarif': {
      const { f, rows } = findings();
      return { start: () => '', rows, end: () => renderSarif(batch.name, f, meta.tool) };
    }
    case 'html': {
      const { f, rows } = findings();
      return { start: () => '', rows, end: (summary) => renderHtml(batch.name, summary, f, meta) };
    }
    case 'csv': {
      const w = csvWriter(batch.header.length, batch);
      // ASCII text is the same bytes in Latin-1, which is encoded several times faster.
      return { start: () => csvHeader(batch.header, batch.headerRaw, batch), rows: w.rows, end: () => '', encoding: () => (batch.ascii() && w.ascii() ? 'latin1' : 'utf8') };
    }
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

export async function batchCommand(io: Io, file: string, flags: BatchFlags, cmd: Command): Promise<number> {
  const { options, loaded } = await effectiveOptions('batch', cmd, io);
  const fromStdin = file === '-';
  const name = fromStdin ? 'stdin' : file;
  const size = fromStdin ? undefined : inputSize(resolve(io.cwd, file));
  const data = await loadRecallData({ dataDir: flags.dataDir, extraDirs: options.dataDirs });
  // Only acknowledgements that name a recall need every id (which parses every definition).
  if (options.acknowledgements.some((a) => a.recall !== undefined)) refuseUnknownRecalls(options.acknowledgements, data.recalls.map((r) => r.id), loaded.file);
  warnIfStale(io, data.manifest.generated, options.maxDataAgeDays);
  const acks = acknowledger(options.acknowledgements, today(io.env).toISOString().slice(0, 10));

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
    country: options.country,
    modelColumn: options.modelColumn,
    serialColumn: options.serialColumn,
    countryColumn: options.countryColumn,
    scanColumns: options.scanColumns,
    delimiter: flags.delimiter,
    // Most runs acknowledge nothing; then no row pays for asking.
    annotate: options.acknowledgements.length > 0 ? (result) => acks.apply(result) : undefined,
  });
  if (batch.columns.serial === undefined) {
    io.stderr.write(`recall-check: note: ${name} has no serial column (looked for: serial, serial number, s/n, sn …); units of recalls that depend on the serial are reported as verify. Name it with --serial-column.\n`);
  }

  const toFile = flags.output !== undefined && flags.output !== '-';
  const output: Output = toFile ? fileOutput(flags.output!, io.cwd, fromStdin ? undefined : file) : streamOutput(io.stdout as never);
  // A report written to a file is never coloured; on stdout, colour follows the terminal.
  const style = toFile ? PLAIN : await styleFor(io.stdout, io.env);
  const width = io.stdout.isTTY && !toFile ? Math.max(100, io.stdout.columns ?? 120) : undefined;
  const writer = writerFor(options.format, batch, runMeta(data), style, width, flags.all ?? false, io);
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
      await output.write(writer.rows(rows), writer.encoding?.());
      if (output.closed) break;
      bar.update(batch.summary.rows, bytes);
    }
    bar.done();
    // The reader went away (| head): stop quietly, but the run is incomplete, so never exit 0.
    if (output.closed) return EXIT.error;
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
  reportAcknowledgements(io, acks.uses(), { unused: true });
  return exitCodeFor(statusesOf(batch.summary), batch.summary.errors.count > 0, options.failOn);
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
