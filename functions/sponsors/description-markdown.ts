/**
 * How a sponsor description's Markdown becomes HTML, before the allowlist: one definition for
 * the API (markdown.ts, then sanitize-html) and the portal's in-browser preview
 * (site/src/scripts/portal/preview.ts), so the preview reads as the public page will. Only
 * `marked` is imported: the site bundles this for the browser. Changing it changes what
 * approved descriptions render to: raise DESCRIPTION_RULES (description-allowlist.ts).
 */
import { Marked } from 'marked';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    // Raw HTML blocks and inline tags are shown as the text they are, never as markup.
    html: ({ text }) => escapeHtml(text),
    // Images would load third-party content on the public page: shown as their alt text.
    image: ({ text }) => escapeHtml(text),
  },
});

/** The description's HTML as marked renders it, not yet kept to the allowlist. */
export const descriptionHtml = (markdown: string): string => marked.parse(markdown) as string;
