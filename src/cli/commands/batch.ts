/**
 * `recall-check batch`: options → data → check → the chosen reporter → exit code. Everything a
 * format decides for itself (what to list, how to encode, side files) is in its reporter.
 */
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkInput } from '../../batch/check-input.js';
import { acknowledger } from '../../core/acknowledge.js';
import { RecallCheckError } from '../../core/errors.js';
import { noSerialColumnNote } from '../../core/messages.js';
import { unreadableHeaderNote } from '../../batch/header-encoding.js';
import { loadRecallData } from '../../recall-data.js';
import { reporterFor } from '../../report/index.js';
import { PLAIN } from '../../report/style.js';
import { renderSummary } from '../../report/summary-text.js';
import { runMeta } from '../../results/run-meta.js';
import { statusesOf } from '../../results/summary.js';
import { EXIT, exitCodeFor } from '../../results/exit-code.js';
import { refuseUnknownRecalls, reportAcknowledgements } from '../acknowledgements.js';
import { today, warnIfStale } from '../data-age.js';
import { type Io, styleFor } from '../io.js';
import { effectiveOptions } from '../options.js';
import { fileOutput, type Output, streamOutput } from '../output.js';
import { progress } from '../progress.js';

export async function batchCommand(io: Io, file: string, cmd: Command): Promise<number> {
  const { options, loaded } = await effectiveOptions('batch', cmd, io);
  const fromStdin = file === '-';
  const toFile = options.output !== undefined && options.output !== '-';
  // A workbook is binary: on a terminal it is noise, and it would leave the terminal in a bad state.
  if (options.format === 'xlsx' && !toFile && io.stdout.isTTY) {
    throw new RecallCheckError('usage', '--format xlsx writes a workbook, which a terminal cannot show: add -o checked.xlsx (or redirect standard output to a file).');
  }
  const name = fromStdin ? 'stdin' : file;
  const size = fromStdin ? undefined : inputSize(resolve(io.cwd, file));
  const data = await loadRecallData({ dataDir: options.dataDir, extraDirs: options.dataDirs });
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

  const batch = await checkInput(data, counted(), {
    name,
    sheet: options.sheet,
    country: options.country,
    modelColumn: options.modelColumn,
    serialColumn: options.serialColumn,
    countryColumn: options.countryColumn,
    scanColumns: options.scanColumns,
    delimiter: options.delimiter,
    encoding: options.encoding,
    // Most runs acknowledge nothing; then no row pays for asking.
    annotate: options.acknowledgements.length > 0 ? (result) => acks.apply(result) : undefined,
  });
  if (batch.bomNote !== undefined) io.stderr.write(`recall-check: note: ${name} ${batch.bomNote}\n`);
  // A serial or country column missing from a header that did not decode: the encoding first.
  const unreadable = unreadableHeaderNote(name, batch.header, batch.columns, batch.encodingHint?.advice);
  if (unreadable !== undefined) io.stderr.write(`recall-check: note: ${unreadable}\n`);
  if (batch.columns.serial === undefined) {
    io.stderr.write(`recall-check: note: ${noSerialColumnNote(name)} Name it with --serial-column.\n`);
  }

  const create = await reporterFor(options.format);
  // A report written to a file is never coloured; on stdout, colour follows the terminal.
  const style = toFile ? PLAIN : await styleFor(io.stdout, io.env);
  // From here on a temporary file may exist: nothing awaits before the interrupt handler is set.
  const output: Output = toFile ? fileOutput(options.output!, io.cwd, fromStdin ? undefined : file, { 1: io.stdout as never, 2: io.stderr as never }) : streamOutput(io.stdout as never);
  const bar = progress(io.stderr, size);
  const cancel = io.onInterrupt?.(() => {
    output.abort();
    bar.done();
    io.stderr.write(output.atomic || !toFile ? 'recall-check: interrupted; no output file was written\n' : `recall-check: interrupted; the report written to ${options.output} is incomplete\n`);
  });
  const { results, summary, ...input } = batch;
  const reporter = create(
    {
      file: input,
      run: runMeta(data),
      style,
      width: io.stdout.isTTY && !toFile ? Math.max(100, io.stdout.columns ?? 120) : undefined,
      env: io.env,
      all: options.all ?? false,
      summary: options.summary ?? false,
    },
    output,
  );
  try {
    await reporter.start();
    for await (const rows of results) {
      await reporter.rows(rows);
      if (output.closed) break;
      bar.update(summary.rows, bytes);
    }
    bar.done();
    // The reader went away (| head): stop quietly, but the run is incomplete, so never exit 0.
    if (output.closed) return EXIT.error;
    await reporter.end(summary);
    await output.finish();
    // Formats written whole at the end (Markdown, HTML, SARIF) meet a closed reader only here.
    if (output.closed) return EXIT.error;
  } catch (e) {
    bar.done();
    output.abort();
    if (e instanceof RecallCheckError) io.stderr.write(renderSummary(`${name} (incomplete: stopped by the error below)`, summary, await styleFor(io.stderr, io.env)));
    throw e;
  } finally {
    cancel?.();
  }
  // Known only once the first undecodable byte is read: said after the report, before the counts.
  const hint = batch.encodingHint;
  if (hint !== undefined) io.stderr.write(`recall-check: note: ${name} is not UTF-8; ${hint.advice}\n`);
  io.stderr.write(renderSummary(name, summary, await styleFor(io.stderr, io.env)));
  reportAcknowledgements(io, acks.uses(), { unused: true });
  return exitCodeFor(statusesOf(summary), summary.errors.count > 0, options.failOn);
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
