/**
 * Text encodings by their WHATWG labels, as the platform's TextDecoder knows them: the same list
 * in Node and in a browser, so a label that works here works wherever the core runs.
 */

/** A few labels for messages: the encodings resellers' exports actually arrive in. */
export const EXAMPLE_LABELS = ['windows-1252', 'shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr', 'utf-16le'] as const;

/** The canonical name (TextDecoder's `.encoding`) of a label, or undefined when it names none. */
export function canonicalEncoding(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    // "replacement" decodes everything to U+FFFD: a label for refusing text, never one to read with.
    return encoding === 'replacement' ? undefined : encoding;
  } catch {
    return undefined;
  }
}

export function unknownEncoding(label: string): string {
  return `"${label}" is not an encoding label (WHATWG labels, e.g. ${EXAMPLE_LABELS.join(', ')})`;
}

/**
 * Whether every ASCII byte stands for its ASCII character, so that 0x0A always ends a line and a
 * line's bytes can be cut out of the input. True of every encoding TextDecoder knows but UTF-16.
 */
export function asciiCompatible(encoding: string): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be';
}
