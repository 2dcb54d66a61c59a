/**
 * XSS payloads in every free-text field of a sponsor profile: each is either refused by the
 * schema (nothing stored) or reaches the public output with nothing executable in it.
 * Public output is checked after parsing it as HTML: no script element, no event-handler
 * attribute, no javascript:, data: or vbscript: URL in any attribute.
 */
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderContent, renderMarkdown } from '../../functions/sponsors/markdown.ts';
import { SponsorCreate, SponsorProfileInput } from '../../functions/sponsors/schemas.ts';
import { contentOf, toPublic } from '../../functions/sponsors/views.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](https://example.com "x\\" onmouseover=\\"alert(1)")',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '![x" onerror="alert(1)](https://example.com/x.png)',
  '<javascript:alert(1)>',
  '<https://example.com/"onmouseover="alert(1)>',
  '[a]: javascript:alert(1)\n\n[link][a]',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<a href="https://example.com" onclick="alert(1)">x</a>',
  '<<script>script>alert(1)<</script>/script>',
  'javascript:alert(1)',
];

const DANGEROUS_URL = /^\s*(?:javascript|data|vbscript):/i;

/** Everything executable the HTML in `text` holds once a browser parses it. */
function executable(text: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(text)) found.push('<script in the text');
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'meta'].includes(name)) {
          found.push(`<${name}>`);
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on\w+/i.test(attribute)) found.push(`${name} ${attribute}=`);
          if (DANGEROUS_URL.test(value)) found.push(`${name} ${attribute}=${value}`);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return found;
}

/** Every string in a value, however deep. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

const base = { contacts: [], products: [], socialLinks: [] };
/** Each free-text field a sponsor member writes, with the payload in it. */
const FIELDS: Record<string, (payload: string) => unknown> = {
  'description (English)': (p) => ({ ...base, description: { en: p } }),
  'description (French)': (p) => ({ ...base, description: { en: 'Text', fr: p } }),
  website: (p) => ({ ...base, website: p }),
  'social link': (p) => ({ ...base, socialLinks: [p] }),
  'contact name': (p) => ({ ...base, contacts: [{ name: p, email: 'a@example.com', public: true }] }),
  'contact phone': (p) => ({ ...base, contacts: [{ name: 'Ana', email: 'a@example.com', phone: p, public: true }] }),
  'product name': (p) => ({ ...base, products: [{ name: { en: p } }] }),
  'product name (French)': (p) => ({ ...base, products: [{ name: { en: 'Scanner', fr: p } }] }),
  'product description': (p) => ({ ...base, products: [{ name: { en: 'Scanner' }, description: { en: p } }] }),
  'product description (French)': (p) => ({
    ...base,
    products: [{ name: { en: 'Scanner' }, description: { en: 'Text', fr: p } }],
  }),
};

const sponsor = { id: 'northwind-trade', name: 'Northwind', tier: 'gold', booth: 'A12' };
const publicOutput = (input: unknown) => {
  const parsed = SponsorProfileInput.safeParse(input);
  if (!parsed.success) return undefined;
  const content = contentOf(parsed.data);
  const meta = { version: 1, approvedAt: '2027-01-10T10:00:00Z' };
  return toPublic(sponsor, content, renderContent(content), meta, [], (k) => k);
};

describe('XSS payloads in sponsor free text', () => {
  it(`holds at least 30 payloads`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  for (const [field, build] of Object.entries(FIELDS)) {
    it(`leaves nothing executable in the public output: ${field}`, () => {
      const findings: Record<string, string[]> = {};
      let rendered = 0;
      for (const payload of PAYLOADS) {
        const output = publicOutput(build(payload));
        if (!output) continue;
        rendered += 1;
        const found = strings(output).flatMap(executable);
        if (found.length > 0) findings[payload] = found;
      }
      expect(findings).toEqual({});
      // Markdown fields take every payload (as text); the others refuse markup outright.
      if (field.includes('description')) expect(rendered).toBe(PAYLOADS.length);
    });
  }

  it('refuses markup in the names organisers give', () => {
    const refused = PAYLOADS.filter((p) => !SponsorCreate.safeParse({ name: p, tier: 'gold', booth: p }).success);
    expect(refused.length).toBeGreaterThanOrEqual(PAYLOADS.filter((p) => /[<>]/.test(p)).length);
  });
});

describe('the Markdown renderer', () => {
  it('keeps formatting, lists and https links, with rel="nofollow noopener noreferrer"', () => {
    expect(renderMarkdown('# Title\n\n**Bold** and [site](https://example.com "Site")\n\n- one\n- two')).toBe(
      '<h3>Title</h3>\n<p><strong>Bold</strong> and <a href="https://example.com" title="Site" rel="nofollow noopener noreferrer">site</a></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('shows raw HTML as text and drops dangerous link targets', () => {
    expect(renderMarkdown('<b onclick="x()">hi</b> [a](javascript:alert(1))')).toBe(
      '<p>&lt;b onclick="x()"&gt;hi&lt;/b&gt; <a rel="nofollow noopener noreferrer">a</a></p>',
    );
  });

  it('shows images as their alt text (no third-party content on the page)', () => {
    expect(renderMarkdown('![Our scanner](https://example.com/x.png)')).toBe('<p>Our scanner</p>');
  });

  it('finds what the checker is meant to find (the check can fail)', () => {
    expect(executable('<a href="javascript:x" onclick="y">z</a><script>')).toEqual([
      '<script in the text',
      'a href=javascript:x',
      'a onclick=',
      '<script>',
    ]);
  });
});
