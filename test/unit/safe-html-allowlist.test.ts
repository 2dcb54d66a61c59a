import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../functions/sponsors/markdown.ts';
import { ALLOWED_TAGS, allowedAttributes, isSafeHref, mapTag } from '../../site/src/lib/safe-html.ts';

describe("the portal preview's allowlist", () => {
  it('keeps http, https, mailto and relative links', () => {
    expect(
      ['https://example.com', 'http://example.com/a', 'mailto:a@example.com', '/exhibition/', '#top', 'page.html'].map(
        isSafeHref,
      ),
    ).toEqual([true, true, true, true, true, true]);
  });

  it('refuses script, data and protocol-relative targets however they are written', () => {
    expect(
      [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '\u0001javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        '//evil.example.com',
        '\\\\evil.example.com',
        '/\\evil.example.com',
      ].map(isSafeHref),
    ).toEqual(new Array(11).fill(false));
  });

  it('has no element that runs, loads or styles anything, and only link and list attributes', () => {
    for (const tag of ['script', 'style', 'iframe', 'img', 'svg', 'object', 'form', 'input', 'math', 'a ']) {
      expect(ALLOWED_TAGS.has(tag)).toBe(false);
    }
    expect([allowedAttributes('a'), allowedAttributes('ol'), allowedAttributes('p'), allowedAttributes('td')]).toEqual([
      ['href', 'title'],
      ['start'],
      [],
      [],
    ]);
  });

  it('puts headings of a description under the page’s own headings', () => {
    expect(['h1', 'h2', 'h3', 'p'].map(mapTag)).toEqual(['h3', 'h3', 'h3', 'p']);
  });

  it('lets through only elements the preview also allows, from the API’s sanitiser', () => {
    const html = renderMarkdown(
      '# Title\n\n## Part\n\n**b** _i_ ~~d~~ `c`\n\n> q\n\n1. one\n\n- two\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[x](https://example.org)\n\n```\ncode\n```',
    );
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual([
      'a',
      'blockquote',
      'code',
      'del',
      'em',
      'h3',
      'hr',
      'li',
      'ol',
      'p',
      'pre',
      'strong',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'tr',
      'ul',
    ]);
    for (const tag of tags) expect(ALLOWED_TAGS.has(tag as string)).toBe(true);
  });
});
