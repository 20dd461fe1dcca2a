/**
 * The library API. The CLI is built on exactly these functions.
 *
 *   import { loadRecallData, check } from 'recall-check';
 *   const data = await loadRecallData();
 *   const result = check(data, { model: 'A1263', serial: 'A1B2…' });
 *   result.status; // 'affected' | 'verify' | 'not-affected' | 'no-recall'
 */
export { check, type CheckInput } from './core/match.js';
export { inRange } from './core/serial-range.js';
export { buildCatalog, type Catalog, type CatalogEntry } from './core/catalog.js';
export { normaliseCountry } from './core/country.js';
export { normaliseModel, normaliseSerial, type Change, type Normalised, type Suspicion } from './core/normalise.js';
export { STATUSES, worse, type CheckResult, type NormalisedField, type Reason, type ReasonCode, type RecallMatch, type Status } from './core/result.js';
export { reasonMessage, changeMessage, STATUS_HEADLINE } from './core/messages.js';
export { whereToVerify, type VerifyAt } from './core/where-to-verify.js';
export { RecallCheckError, formatProblem, isRecallCheckError, type ErrorKind, type Problem } from './core/errors.js';
export { loadDataset, BUNDLED_DATA_DIR, type Dataset, type LoadOptions } from './data/load.js';
export { loadRecallData, type LoadRecallDataOptions, type RecallData } from './recall-data.js';
export type { Battery, Fact, Manifest, Product, RecallDefinition, Reference, Scope, SerialRule } from './data/schema.js';
export { EXIT, exitCodeFor } from './results/exit-code.js';
export { checkCsv, checkRows, type BatchOptions, type CsvBatch, type CsvBatchOptions, type RowInput } from './batch/run.js';
export { checkInput, type InputBatchOptions } from './batch/check-input.js';
export type { ColumnOptions } from './batch/columns.js';
export { rowStatus, type RowError, type RowResult, type RowStatus, type SkipReason } from './results/row-result.js';
export type { Summary } from './results/summary.js';
export type { ColumnMapping, Encoding, InputFile } from './results/input-file.js';
export { runMeta, type RunMeta } from './results/run-meta.js';
export { FORMATS, reporterFor, type CreateReporter, type Format, type ReportContext, type Reporter, type Sink } from './report/index.js';
