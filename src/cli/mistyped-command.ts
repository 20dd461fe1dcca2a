/**
 * "recall-check btach f.csv" must not check a model called BTACH and pass it as "no recall". A
 * first argument that cannot be a model code (model codes have digits) and is a typo's distance
 * from a command name is taken for that command, mistyped.
 */
import leven from 'leven';

export function mistypedCommand(word: string | undefined, commands: readonly string[]): string | undefined {
  if (word === undefined || word.startsWith('-') || /\d/u.test(word) || commands.includes(word)) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of commands) {
    const d = leven(lower, name);
    // Two edits (a swap, a missing and an extra letter), and never most of the word.
    if (d <= 2 && d < name.length / 2 + 1 && d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}
