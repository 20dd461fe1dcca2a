import { RecallCheckError } from '../../core/errors.js';
import { check } from '../../core/match.js';
import { EMPTY_MODEL } from '../../core/messages.js';
import { loadRecallData } from '../../recall-data.js';
import { renderJson } from '../../report/json.js';
import { runMeta } from '../../results/run-meta.js';
import { renderText } from '../../report/text.js';
import type { Command } from 'commander';
import { acknowledger } from '../../core/acknowledge.js';
import { refuseUnknownRecalls, reportAcknowledgements } from '../acknowledgements.js';
import { today, warnIfStale } from '../data-age.js';
import { effectiveOptions } from '../options.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { type Io, pageWidth, styleFor } from '../io.js';

export async function checkCommand(io: Io, model: string, serial: string | undefined, cmd: Command): Promise<number> {
  const { options, loaded } = await effectiveOptions('check', cmd, io);
  if (!model.trim()) throw new RecallCheckError('usage', EMPTY_MODEL);
  const data = await loadRecallData({ dataDir: options.dataDir, extraDirs: options.dataDirs });
  // Only acknowledgements that name a recall need every id (which parses every definition).
  if (options.acknowledgements.some((a) => a.recall !== undefined)) refuseUnknownRecalls(options.acknowledgements, data.recalls.map((r) => r.id), loaded.file);
  warnIfStale(io, data.manifest.generated, options.maxDataAgeDays);
  const acks = acknowledger(options.acknowledgements, today(io.env).toISOString().slice(0, 10));
  const result = acks.apply(check(data, { model, serial, country: options.country }));
  if (options.json) {
    io.stdout.write(renderJson([result], runMeta(data)));
  } else {
    const style = await styleFor(io.stdout, io.env);
    const width = pageWidth(io.stdout);
    io.stdout.write(renderText([result], { style, width }));
  }
  // One unit meets few of a stock list's acknowledgements: only expired ones are worth a word here.
  reportAcknowledgements(io, acks.uses(), { unused: false });
  return exitCodeFor(result.acknowledged ? [] : [result.status], false, options.failOn);
}
