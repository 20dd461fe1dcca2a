/**
 * The shareable link of a check: #model=A1263&country=US. The serial is never in it: a link is
 * pasted into chats and tickets, and a serial identifies one person's unit.
 */
export interface Shared {
  model: string;
  country: string;
}

export function shareHash(s: Shared): string {
  const p = new URLSearchParams();
  p.set('model', s.model);
  if (s.country.trim() !== '') p.set('country', s.country);
  return `#${p.toString()}`;
}

export function readHash(hash: string): Shared | undefined {
  const p = new URLSearchParams(hash.replace(/^#/u, ''));
  const model = p.get('model');
  return model ? { model, country: p.get('country') ?? '' } : undefined;
}
