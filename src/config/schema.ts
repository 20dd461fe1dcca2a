/**
 * The configuration file's format, validated strictly: an unknown key or a wrong type is an error
 * naming the file and the key. Pure: it takes a parsed value and returns problems as data.
 */
import { z } from 'zod';
import { jsonPath, type Problem } from '../core/errors.js';
import { FAIL_ON } from './fail-on.js';

// YAML reads an unquoted 2027-03-31 as a date, not a string: take both.
const date = z.preprocess((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v), z.iso.date({ message: 'use a date as YYYY-MM-DD' }));

export const AcknowledgementSchema = z
  .strictObject({
    recall: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    serial: z.string().min(1).optional(),
    reason: z.string().trim().min(1, 'say why this finding is handled (e.g. "quarantined 2026-11-02, RMA 1182")'),
    expires: date.optional(),
  })
  .refine((a) => a.recall !== undefined || a.model !== undefined || a.serial !== undefined, {
    message: 'an acknowledgement needs at least one of recall, model or serial',
  });

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Directories of the organisation's own definitions, checked in addition to the bundled ones. */
  dataDirs: z.array(z.string().min(1)).optional(),
  /** An ISO 3166 code or a country name; read as the --country flag is. */
  country: z.string().min(1).optional(),
  columns: z
    .strictObject({
      model: z.string().min(1).optional(),
      serial: z.string().min(1).optional(),
      country: z.string().min(1).optional(),
      /** Descriptive columns to search for recalled model codes, instead of those found from the header. */
      scan: z.array(z.string().min(1)).min(1).optional(),
    })
    .optional(),
  /** The sheet of an .xlsx workbook to check, by name. */
  sheet: z.string().min(1).optional(),
  /** A batch report format; checked against the list of formats where the option is resolved (src/cli/options.ts), so that the configuration does not depend on the reporters. */
  format: z.string().min(1).optional(),
  /** The input's text encoding, a WHATWG label; checked where the option is resolved (src/cli/options.ts). */
  encoding: z.string().min(1).optional(),
  maxDataAgeDays: z.int().nonnegative().optional(),
  failOn: z.enum(FAIL_ON).optional(),
  acknowledgements: z.array(AcknowledgementSchema).optional(),
});

export type Config = z.infer<typeof ConfigSchema>;
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export function validateConfig(value: unknown, file: string): { ok: true; config: Config } | { ok: false; problems: Problem[] } {
  const result = ConfigSchema.safeParse(value ?? {});
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: result.error.issues.map((i) => ({ file, path: jsonPath(i.path), message: i.message })) };
}
