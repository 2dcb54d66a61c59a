/**
 * axe (WCAG 2.2 A and AA) over every page of the built site, both languages, as the local
 * twin serves it: nothing serious or critical anywhere. The signed-in states of the console
 * and the portal are scanned by the journeys that reach them (console, exhibition, sign-in,
 * agenda and keyboard-journeys tests); here their pages are scanned as a visitor first sees
 * them. Three pages at a time in one browser; each page is scanned once it has loaded.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../support/page-gates.ts';
import { AXE_SOURCE, axeViolations, baseUrl, useBrowser } from './browser.ts';

const DIST = fileURLToPath(new URL('../../site/dist', import.meta.url));
const AT_ONCE = 3;
const urlPath = (file: string) => `/${file.replace(/index\.html$/, '')}`;

async function seriousViolations(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  const status = response?.status();
  // A rebuild by another file's publish may have removed a page since the list was read.
  if (status === 404 && !existsSync(join(DIST, path, path.endsWith('/') ? 'index.html' : ''))) return [];
  if (path !== '/404.html' && status !== 200) return [`${path}: HTTP ${status}`];
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${path} ${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describe('every built page', () => {
  const browser = useBrowser();

  it('passes axe with nothing serious or critical, in English and French', async () => {
    const paths = htmlFiles(DIST).map(urlPath);
    expect(paths).toContain('/');
    expect(paths).toContain('/fr/');
    const queue = [...paths];
    const found: string[] = [];
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        const page = await browser.newPage();
        // Compiled once per document load by the browser, instead of sent with every scan.
        await page.context().addInitScript({ content: AXE_SOURCE });
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          found.push(...(await seriousViolations(page, path)));
        }
      }),
    );
    expect(found).toEqual([]);
  }, 600_000);

  it('reports what it is meant to find', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="x.png"><a href="/"></a></main></html>',
    );
    const ids = (await axeViolations(page)).map((v) => `${v.id} (${v.impact})`);
    expect(ids).toEqual(['image-alt (critical)', 'link-name (serious)']);
  });
});
