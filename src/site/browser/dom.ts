/**
 * A few DOM helpers for the page. Text is always set as text (never as HTML), so nothing from the
 * data or the user's input can become markup.
 */
export type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

/** A link to an http(s) address; anything else stays text. */
export function link(url: string): Node {
  if (!/^https?:\/\//u.test(url)) return document.createTextNode(url);
  return h('a', { href: url, rel: 'noreferrer noopener', target: '_blank' }, url);
}

/** Text with the addresses in it made links. */
export function linkified(text: string): Node[] {
  return text.split(/(https?:\/\/\S+)/u).map((part, i) => (i % 2 === 1 ? link(part) : document.createTextNode(part)));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}
