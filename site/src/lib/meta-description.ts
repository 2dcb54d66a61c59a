/**
 * A page's meta description from its own text: search results show about 155 characters,
 * so longer texts end at a word boundary with an ellipsis. Markup (an exhibitor's rendered
 * description) is reduced to its text first.
 */
const LIMIT = 155;

export function metaDescription(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length === 0) return undefined;
  if (plain.length <= LIMIT) return plain;
  const cut = plain.slice(0, LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LIMIT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
