/**
 * The shareable link of a check: #model=A1263&country=US. The serial is never in it: a link is
 * pasted into chats and tickets, and a serial identifies one person's unit.
 */
import type { CheckResult, Reason } from '../../core/result.js';

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

/**
 * The model a link may carry: the code the check read, never the text typed. A model field that
 * held more than a model ("A1263 SN A1B2…") may hold the serial: the link then has the recalled
 * code found in it, and when no code was found in text with spaces in it, there is no link.
 */
export function sharedModel(r: CheckResult): string | undefined {
  const reasons: Reason[] = [...r.reasons, ...r.matches.flatMap((m) => m.reasons)];
  for (const reason of reasons) if (reason.code === 'model-extra-text' || reason.code === 'model-in-column') return reason.read;
  if (r.matches.length === 0 && /\s/u.test(r.model.input.trim())) return undefined;
  return r.model.value === '' ? undefined : r.model.value;
}
