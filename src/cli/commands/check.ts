import { RecallCheckError } from '../../core/errors.js';
import { check } from '../../core/match.js';
import { normaliseCountry } from '../../core/normalise.js';
import { loadRecallData, type RecallData } from '../../recall-data.js';
import { renderJson, type RunMeta } from '../../report/json.js';
import { renderText } from '../../report/text.js';
import { toolVersion } from '../../version.js';
import { parseMaxAge, warnIfStale } from '../data-age.js';
import { exitCodeFor } from '../exit-code.js';
import { type Io, styleFor } from '../io.js';

export interface CheckOptions {
  json?: boolean;
  country?: string;
  dataDir?: string;
  maxDataAge?: string;
}

export async function checkCommand(io: Io, model: string, serial: string | undefined, opts: CheckOptions): Promise<number> {
  const country = parseCountry(opts.country);
  const maxAge = parseMaxAge(opts.maxDataAge);
  if (!model.trim()) throw new RecallCheckError('usage', 'the model number is empty: give the model from the label, e.g. A1263');
  const data = await loadRecallData({ dataDir: opts.dataDir });
  warnIfStale(io, data.manifest.generated, maxAge);
  const result = check(data, { model, serial, country });
  if (opts.json) {
    io.stdout.write(renderJson([result], runMeta(data)));
  } else {
    const style = await styleFor(io.stdout, io.env);
    const width = Math.max(60, Math.min(io.stdout.isTTY ? (io.stdout.columns ?? 100) : 100, 100));
    io.stdout.write(renderText([result], { style, width }));
  }
  return exitCodeFor([result.status]);
}

export function parseCountry(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const country = normaliseCountry(raw);
  if (!country) throw new RecallCheckError('usage', `--country "${raw}" is not a two-letter ISO 3166 country code: use e.g. US, CA, JP, AU, GB`);
  return country;
}

export function runMeta(data: RecallData): RunMeta {
  return {
    tool: { name: 'recall-check', version: toolVersion() },
    data: { version: data.manifest.datasetVersion, generated: data.manifest.generated, schemaVersion: data.manifest.schemaVersion },
  };
}
