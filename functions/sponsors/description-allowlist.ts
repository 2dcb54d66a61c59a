/**
 * What a sponsor description may keep once rendered from Markdown: the one allowlist both the
 * API's sanitiser (markdown.ts) and the portal's in-browser preview (site/src/lib/safe-html.ts)
 * apply, so the preview never shows what the public page would drop. Import-free on purpose:
 * the site bundles it for the browser.
 */
/**
 * The version of these rules and of the renderer (description-markdown.ts). Live descriptions
 * are stored as rendered HTML when approved; one rendered under other rules is rendered again
 * when read, so a tightened allowlist reaches every public page. Raise it whenever either
 * changes.
 */
export const DESCRIPTION_RULES = 1;

export const DESCRIPTION_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

export const DESCRIPTION_ATTRIBUTES: Record<string, string[]> = { a: ['href', 'title'], ol: ['start'] };

export const DESCRIPTION_SCHEMES = ['https', 'http', 'mailto'] as const;

/** Headings of a description sit under the exhibitor's name (h1) and its sections (h2). */
export const mapDescriptionTag = (tag: string) => (tag === 'h1' || tag === 'h2' ? 'h3' : tag);
