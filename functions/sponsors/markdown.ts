/**
 * Sponsor descriptions are Markdown, stored as written and rendered here for the public:
 * marked turns them into HTML, then sanitize-html keeps only an allowlist of elements and
 * attributes. No script, style, iframe, SVG, form or image survives; no event handler or
 * style attribute; links keep only http, https and mailto targets (so no javascript:,
 * data: or vbscript:, however encoded: sanitize-html decodes entities before it checks the
 * scheme) and open with rel="nofollow noopener noreferrer". Raw HTML in the Markdown is
 * escaped by the renderer (description-markdown.ts), so it shows as text rather than being dropped.
 */
import sanitizeHtml from 'sanitize-html';
import {
  DESCRIPTION_ATTRIBUTES,
  DESCRIPTION_RULES,
  DESCRIPTION_SCHEMES,
  DESCRIPTION_TAGS,
  mapDescriptionTag,
} from './description-allowlist.ts';
import { descriptionHtml } from './description-markdown.ts';
import type { RenderedContent, StoredContent } from './keys.ts';

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [...DESCRIPTION_TAGS],
  allowedAttributes: { ...DESCRIPTION_ATTRIBUTES, a: [...(DESCRIPTION_ATTRIBUTES.a ?? []), 'rel'] },
  allowedSchemes: [...DESCRIPTION_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    h1: mapDescriptionTag('h1'),
    h2: mapDescriptionTag('h2'),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow noopener noreferrer' },
    }),
  },
};

/** Safe HTML for the public page from a description as the sponsor wrote it. */
export function renderMarkdown(markdown: string): string {
  const html = descriptionHtml(markdown);
  return sanitizeHtml(html, SANITISE).trim();
}

/** The descriptions of a content version as the public page shows them. */
export function renderContent(content: Pick<StoredContent, 'description' | 'products'>): RenderedContent {
  return {
    rules: DESCRIPTION_RULES,
    ...(content.description ? { description: renderBilingual(content.description) } : {}),
    products: content.products.map((p) => renderBilingual(p.description)),
  };
}

/** Both languages of a bilingual Markdown text. */
export function renderBilingual(text: { en: string; fr?: string } | undefined) {
  if (!text) return undefined;
  return { en: renderMarkdown(text.en), ...(text.fr ? { fr: renderMarkdown(text.fr) } : {}) };
}
