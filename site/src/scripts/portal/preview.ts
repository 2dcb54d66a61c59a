/**
 * The preview of the description as the public will see it: the API's Markdown renderer
 * (marked, GFM, line breaks, raw HTML and images shown as text) and its allowlist, applied
 * here (lib/safe-html.ts). Loaded only when someone asks for a preview.
 */
import { descriptionHtml } from '../../../../functions/sponsors/description-markdown.ts';
import { sanitizedFragment } from '../../lib/safe-html.ts';
import { el } from '../dom.ts';
import type { PortalText } from './types.ts';

export const renderPreview = (markdown: string) => sanitizedFragment(descriptionHtml(markdown), document);

export function showPreview(
  target: HTMLElement,
  content: { description?: { en: string; fr?: string } | undefined },
  t: PortalText,
  _lang: string,
) {
  const heading = el('h4', { id: target.getAttribute('aria-labelledby') ?? '', tabindex: '-1' }, t.previewHeading);
  const parts: Node[] = [heading, el('p', { class: 'hint' }, t.previewNote)];
  for (const [lang, label] of [
    ['en', t.descriptionEn],
    ['fr', t.descriptionFr],
  ] as const) {
    const text = content.description?.[lang];
    if (!text) continue;
    parts.push(el('p', { class: 'lang-label' }, label), el('div', { class: 'public-text', lang }, renderPreview(text)));
  }
  target.replaceChildren(...parts);
}
