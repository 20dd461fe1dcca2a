/**
 * The few text styles reporters use. Reporters receive a Style rather than importing chalk, so
 * they stay pure functions of the results, and plain output costs no colour library at all.
 */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const identity = (s: string) => s;

export const PLAIN: Style = { bold: identity, dim: identity, red: identity, yellow: identity, green: identity, cyan: identity };
