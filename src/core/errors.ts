/**
 * Errors a user can fix. Each names where the problem is and what to do; the CLI prints it as one
 * message and exits 2. Anything that is not a RecallCheckError is a bug in recall-check.
 */
export type ErrorKind = 'usage' | 'input' | 'data';

export interface Problem {
  /** File the problem is in, when there is one. */
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  /** JSON path inside the file, e.g. $.products[0].scope. */
  path?: string | undefined;
  message: string;
}

export class RecallCheckError extends Error {
  readonly kind: ErrorKind;
  readonly problems: Problem[];
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, problems: Problem[] | string, hint?: string) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'RecallCheckError';
    this.kind = kind;
    this.problems = list;
    this.hint = hint;
  }
}

export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
  if (p.path) where += `${where ? ' ' : ''}at ${p.path}`;
  return where ? `${where}: ${p.message}` : p.message;
}

export function isRecallCheckError(e: unknown): e is RecallCheckError {
  return e instanceof RecallCheckError;
}

/** $.a[0].b from ['a', 0, 'b']. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
}
