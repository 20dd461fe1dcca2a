/** How each status looks on a terminal, the same in every report: red for affected and refused rows, yellow for verify, green for not-affected. */
import type { RowStatus } from '../results/row-result.js';
import type { Style } from './style.js';

export function statusStyle(status: RowStatus, style: Style): (s: string) => string {
  switch (status) {
    case 'affected':
    case 'error':
      return (s) => style.bold(style.red(s));
    case 'verify':
      return (s) => style.bold(style.yellow(s));
    case 'not-affected':
      return (s) => style.bold(style.green(s));
    case 'no-recall':
      return style.bold;
    case 'skipped':
      return (s) => s;
  }
}
