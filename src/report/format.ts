/** Small formatting helpers shared by the human-readable reporters. */
import { visibleWidth } from './visible-width.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2025-06-12 → 12 Jun 2025; 2023-03 → Mar 2023; 2016 → 2016. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** When a recall was announced, or that no source with enough confidence says. */
export function formatAnnounced(announced: { value: string } | undefined): string {
  return announced ? formatDate(announced.value) : 'date unknown';
}

export function formatWindow(w: { from: string; to: string }): string {
  return `${formatDate(w.from)} – ${formatDate(w.to)}`;
}

/** 1158000 → 1,158,000. Not toLocaleString: its first call loads ICU data, ~15 ms of start-up. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/**
 * Greedy word wrap by visible width: colour codes take no column, a full-width character two.
 * Words longer than the width (URLs) are kept whole rather than broken, so they stay clickable and
 * copyable.
 */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string {
  const lines: string[] = [];
  let line = firstIndent;
  let used = visibleWidth(firstIndent);
  const indentWidth = visibleWidth(indent);
  let lineHasWord = false;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const w = visibleWidth(word);
    if (lineHasWord && used + 1 + w > width) {
      lines.push(line);
      line = indent + word;
      used = indentWidth + w;
    } else {
      line += (lineHasWord ? ' ' : '') + word;
      used += (lineHasWord ? 1 : 0) + w;
    }
    lineHasWord = true;
  }
  lines.push(line);
  return lines.join('\n');
}

/** C0 and C1 control characters, which could move the cursor or recolour a terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;

/** User-supplied text made safe to print: line breaks and tabs become spaces, other controls go. */
export function stripControl(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
}
