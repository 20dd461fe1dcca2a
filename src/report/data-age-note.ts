/**
 * How old the recall data is, and the warning when it is old: worded once for the CLI's stderr
 * note and the web page's banner, which must not disagree about when data is stale.
 */
export function dataAgeDays(generated: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(`${generated}T00:00:00Z`).getTime()) / 86_400_000);
}

export function staleDataNote(age: number, generated: string): string {
  return `the recall data is ${age} days old (generated ${generated}); newer recalls may exist.`;
}
