/**
 * The portal's preview shows a description as the public page will: Markdown rendered as the
 * API renders it (functions/sponsors/description-markdown.ts), then kept to the same
 * allowlist of elements, attributes and link schemes. The result is built as DOM nodes (never
 * assigned as HTML), from a <template> whose content is inert (no script runs, nothing loads).
 */
import {
  DESCRIPTION_ATTRIBUTES,
  DESCRIPTION_SCHEMES,
  DESCRIPTION_TAGS,
  mapDescriptionTag,
} from '../../../functions/sponsors/description-allowlist.ts';

export const ALLOWED_TAGS: ReadonlySet<string> = new Set(DESCRIPTION_TAGS);

export const mapTag = mapDescriptionTag;

export const allowedAttributes = (tag: string): string[] => DESCRIPTION_ATTRIBUTES[tag] ?? [];

/**
 * Whether a link target may stay: http, https and mailto, or a relative address; never
 * protocol-relative (//host) and never another scheme (javascript:, data:, vbscript:, …),
 * judged after removing what browsers ignore (control characters, spaces and tabs).
 */
export function isSafeHref(href: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these before reading a scheme
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('//') || compact.startsWith('\\\\') || compact.startsWith('/\\')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || (DESCRIPTION_SCHEMES as readonly string[]).includes(scheme.toLowerCase());
}

/** The allowed part of `html` as nodes of `doc`; a disallowed element shows as its tag's text, like the API. */
export function sanitizedFragment(html: string, doc: Document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const out = doc.createDocumentFragment();
  copy(template.content, out, doc);
  return out;
}

function copy(from: Node, to: Node, doc: Document) {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === 3) to.appendChild(doc.createTextNode(node.textContent ?? ''));
    if (node.nodeType !== 1) continue;
    const source = node as Element;
    const tag = mapTag(source.localName);
    if (!ALLOWED_TAGS.has(tag)) {
      to.appendChild(doc.createTextNode(`<${source.localName}>`));
      copy(source, to, doc);
      continue;
    }
    const element = doc.createElement(tag);
    for (const name of allowedAttributes(tag)) {
      const value = source.getAttribute(name);
      if (value === null || (name === 'href' && !isSafeHref(value))) continue;
      element.setAttribute(name, value);
    }
    if (tag === 'a') element.setAttribute('rel', 'nofollow noopener noreferrer');
    copy(source, element, doc);
    to.appendChild(element);
  }
}
