/**
 * Published serial ranges ("ACCJRU1D16400841 to ACCJRU1D16400960"): what makes one sound, and
 * which serials it holds. The validator and the matcher read a range through the same prefix, so
 * a range the data accepts is exactly the range the check applies.
 */

/** How many leading characters the bounds share: what every serial of the range starts with. */
function sharedPrefixLength(first: string, last: string): number {
  let p = 0;
  while (p < first.length && first[p] === last[p]) p++;
  return p;
}

const DIGITS = /^\d*$/u;

/** Why a published range cannot be compared safely, or undefined when it can. */
export function rangeProblem(first: string, last: string): string | undefined {
  if (first.length !== last.length) return `range bounds have different lengths (${first.length} and ${last.length})`;
  const p = sharedPrefixLength(first, last);
  const a = first.slice(p);
  const b = last.slice(p);
  if (!DIGITS.test(a) || !DIGITS.test(b)) {
    return 'range bounds must differ only in trailing digits, so that membership is a numeric comparison';
  }
  if (a > b) return `range start ${first} is after its end ${last}`;
  return undefined;
}

/**
 * Membership in a published range. Bounds are validated (rangeProblem) to share a prefix and
 * differ only in trailing digits, so membership is: same length, same prefix, and a digits-only
 * tail that lies between the bounds' tails. A plain lexicographic comparison would let "…008Z1"
 * into "…00841–…00960".
 */
export function inRange(serial: string, first: string, last: string): boolean {
  if (serial.length !== first.length || first.length !== last.length) return false;
  const p = sharedPrefixLength(first, last);
  if (serial.slice(0, p) !== first.slice(0, p)) return false;
  const tail = serial.slice(p);
  if (!DIGITS.test(tail)) return false;
  return tail >= first.slice(p) && tail <= last.slice(p);
}
