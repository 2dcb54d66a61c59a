/**
 * `npm run lighthouse`: Lighthouse 12 scores (performance, accessibility, best practices,
 * SEO) for one page of each type, as the local twin serves them: in memory on a free port,
 * with its API (so live seat counts and islands work) and the headers CloudFront adds. The
 * twin builds the site if it is stale. Driven through the machine's Chromium (CHROME_PATH,
 * default /usr/bin/chromium). Prints a table and the audits that kept a score under 100;
 * asserts nothing.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startLocalStack } from '../local/stack.ts';
import { contentPages, htmlFiles } from '../test/support/page-gates.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = `${ROOT}site/dist`;
const stack = await startLocalStack({ root: ROOT, port: 0, inMemory: true, progress: (m) => console.log(m) });
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

const base = stack.url;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows: string[] = [];
  const misses: string[] = [];
  for (const page of chosen) {
    const url = `${base}/${page.replace(/index\.html$/, '')}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const c = result?.lhr.categories;
    // What kept a category under 100, so a score below it says what to fix.
    for (const category of Object.values(c ?? {})) {
      for (const ref of category.auditRefs) {
        const audit = result?.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          misses.push(`/${page.replace(/index\.html$/, '')}: ${category.id} · ${ref.id} (${audit.score})`);
        }
      }
    }
    const score = (k: string) => Math.round((c?.[k]?.score ?? 0) * 100);
    rows.push(
      `| /${page.replace(/index\.html$/, '')} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
  }
  console.log('| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|');
  console.log(rows.join('\n'));
  if (misses.length > 0) console.log(`\nAudits under full marks:\n${misses.join('\n')}`);
} finally {
  chrome?.kill();
  await stack.stop();
}
