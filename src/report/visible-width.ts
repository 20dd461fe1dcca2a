/**
 * How many terminal columns text takes: colour escape codes take none, full-width (CJK) characters
 * two. Wrapping and table alignment count with this, never with `.length`, so colour never changes
 * a layout and Japanese or Chinese text from the data does not run past the edge.
 *
 * fast-string-truncated-width rather than string-width: string-width's start-up (Intl.Segmenter,
 * Unicode-set regexes) measured +55 ms to import and +110 ms with its first wide character, on a
 * single check of ~90 ms; this one measured ~+10 ms, and it also says where to cut for an ellipsis.
 */
// Imported statically, so the CLI bundle holds it (a few kB): requiring it at run time loaded
// node:module and read it from node_modules, which cost a single check more than parsing it.
import fastTruncatedWidth from 'fast-string-truncated-width';

const truncatedWidth = () => fastTruncatedWidth;

const ALL = { limit: Infinity, ellipsis: '' };
/**
 * Printable ASCII, one column a character: most words of a report, counted without the library (a
 * call costs ~5 µs, a report has a thousand words). The colour codes a Style writes are set aside
 * first; any other escape (there should be none: cells go through stripControl) goes to the library.
 */
const ASCII = /^[\x20-\x7E]*$/u;
// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[[\d;]*m/gu;

export function visibleWidth(text: string): number {
  const plain = text.includes('\u001B') ? text.replace(SGR, '') : text;
  return ASCII.test(plain) ? plain.length : truncatedWidth()(text, ALL).width;
}

/** Text cut to at most `width` columns, ending in an ellipsis when it was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (ASCII.test(text)) return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  const cut = truncatedWidth()(text, { limit: width, ellipsis: '…' });
  return cut.truncated ? `${text.slice(0, cut.index)}…` : text;
}

/** Text padded to `width` columns (text already that wide is returned as it is). */
export function padToWidth(text: string, width: number, fill = ' '): string {
  const w = visibleWidth(text);
  return w >= width ? text : text + fill.repeat(width - w);
}
