/**
 * Gates over every page of the built site (site/dist, both languages), whichever pages exist:
 * the W3C Nu HTML checker finds no error, no internal link is broken (uploaded logos, under
 * /media/, are asked of the running twin), and each content page
 * stays within its budgets (≤ 10 KB of JavaScript gzip, ≤ 100 KB in all without images).
 * The e2e global setup builds the site when it is stale; these read the files it wrote.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import {
  brokenLinks,
  contentPages,
  htmlFiles,
  JS_BUDGET_GZIP,
  PAGE_BUDGET,
  pageWeight,
  vnuErrors,
} from '../support/page-gates.ts';

const DIST = fileURLToPath(new URL('../../site/dist', import.meta.url));
const baseUrl = inject('baseUrl');

describe('every built page', () => {
  it('has a built site to check, in both languages', () => {
    expect(existsSync(DIST), `no site at ${DIST}`).toBe(true);
    const pages = htmlFiles(DIST);
    expect(pages).toContain('index.html');
    expect(pages).toContain('fr/index.html');
  });

  it('passes the W3C Nu HTML checker with no error', () => {
    const errors = vnuErrors(DIST).map((e) => `${e.file}:${e.line ?? '?'} ${e.message}`);
    expect(errors).toEqual([]);
  }, 300_000);

  it('links only to paths the site or the API answers', async () => {
    // Uploaded logos live in object storage (/media/, served by the twin as by CloudFront in
    // AWS), not in site/dist: those links are asked of the running twin.
    const broken: string[] = [];
    for (const { file, link } of brokenLinks(DIST)) {
      const answered = link.startsWith('/media/') && (await fetch(`${baseUrl}${link}`)).status === 200;
      if (!answered) broken.push(`${file} → ${link}`);
    }
    expect(broken).toEqual([]);
  });

  it('keeps each content page within 10 KB of JavaScript gzip and 100 KB in all without images', () => {
    const pages = contentPages(DIST);
    expect(pages).toContain('index.html');
    const over = pages
      .map((page) => pageWeight(DIST, page))
      .filter((w) => w.jsGzip > JS_BUDGET_GZIP || w.totalBytes > PAGE_BUDGET)
      .map((w) => `${w.page}: ${w.jsGzip} B JS gzip, ${w.totalBytes} B in all`);
    expect(over).toEqual([]);
  });
});
