/**
 * `npm run lighthouse`: Lighthouse 12 scores (performance, accessibility, best practices,
 * SEO) for one page of each type in the built site (site/dist), served by a small static
 * server on 127.0.0.1, driven through the machine's Chromium (CHROME_PATH, default
 * /usr/bin/chromium). Prints a table; asserts nothing. Pages that do not exist are skipped.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { contentPages, htmlFiles } from '../test/support/page-gates.ts';

const DIST = process.env.SITE_DIST ?? new URL('../site/dist', import.meta.url).pathname;
if (!existsSync(join(DIST, 'index.html'))) {
  console.error('No built site in site/dist: run `npm start` (or the e2e tests) once to build it.');
  process.exit(1);
}
const TYPES = [
  'index.html',
  'programme/index.html',
  'speakers/index.html',
  'exhibition/index.html',
  'register/index.html',
];
const pages = htmlFiles(DIST);
// One page of each kind: the fixed ones, then the first session, speaker and exhibitor page.
const firstOf = (re: RegExp) => contentPages(DIST).find((p) => re.test(p) && !TYPES.includes(p));
const chosen = [
  ...TYPES.filter((p) => pages.includes(p)),
  firstOf(/^programme\/.+\/index\.html$/),
  firstOf(/^speakers\/.+\/index\.html$/),
  firstOf(/^exhibition\/.+\/index\.html$/),
  pages.includes('fr/index.html') ? 'fr/index.html' : undefined,
].filter((p): p is string => p !== undefined);

const TYPES_BY_EXT: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = join(DIST, path);
  if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES_BY_EXT[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const rows: string[] = [];
  for (const page of chosen) {
    const url = `${base}/${page.replace(/index\.html$/, '')}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const c = result?.lhr.categories;
    const score = (k: string) => Math.round((c?.[k]?.score ?? 0) * 100);
    rows.push(
      `| /${page.replace(/index\.html$/, '')} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
  }
  console.log('| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|');
  console.log(rows.join('\n'));
} finally {
  await chrome.kill();
  server.close();
}
