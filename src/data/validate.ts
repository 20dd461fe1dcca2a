/**
 * Full validation of a data directory's contents: the zod schema plus the checks that span files.
 * It never throws; it returns every problem it finds, each with its file and JSON path.
 */
import type { z } from 'zod';
import { type Problem, jsonPath } from '../core/errors.js';
import { ManifestSchema, RecallSchema } from './schema.js';
import { type LoadedDefinition, semanticProblems } from './semantics.js';

function issues(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message }));
}

export function validateManifest(file: string, manifest: unknown): Problem[] {
  const result = ManifestSchema.safeParse(manifest);
  return result.success ? [] : issues(file, result.error);
}

/** Schema first, file by file; then the checks that span facts and files, over the valid ones. */
export function validateDefinitions(docs: { file: string; value: unknown }[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const valid: LoadedDefinition[] = [];
  for (const { file, value } of docs) {
    const result = RecallSchema.safeParse(value);
    if (!result.success) {
      problems.push(...issues(file, result.error));
      continue;
    }
    const first = ids.get(result.data.id);
    if (first) problems.push({ file, path: '$.id', message: `duplicate recall id "${result.data.id}", also used by ${first}` });
    else ids.set(result.data.id, file);
    valid.push({ file, recall: result.data });
  }
  problems.push(...semanticProblems(valid));
  return problems;
}
