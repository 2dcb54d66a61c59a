/** The page-gate checks themselves (test/support/page-gates.ts), on a tiny site made here. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, contentPages, pageWeight } from '../support/page-gates.ts';

const dist = mkdtempSync(join(tmpdir(), 'gates-'));
const write = (path: string, text: string) => {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
};
write(
  'index.html',
  '<a href="/programme/">p</a><a href="/api/events">api</a><a href="https://x.example/">x</a><a href="/missing/">m</a><script type="module" src="/_astro/a.js"></script>',
);
write('programme/index.html', '<a href="../">home</a><a href="talk">t</a><link rel="stylesheet" href="/_astro/s.css">');
write('register/index.html', '<a href="#top">top</a>');
write('_astro/a.js', 'import"./b.js";console.log(1)');
write('_astro/b.js', 'export const b=2;'.repeat(10));
write('_astro/s.css', 'body{color:red}');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('page gates', () => {
  it('reports each same-origin link no file or API route answers', () => {
    expect(brokenLinks(dist)).toEqual([
      { file: 'index.html', link: '/missing/' },
      { file: 'programme/index.html', link: 'talk' },
    ]);
  });

  it('counts the scripts a page loads, and the modules they import, towards its weight', () => {
    const home = pageWeight(dist, 'index.html');
    expect(home.assets).toEqual(['/_astro/a.js', '/_astro/b.js']);
    expect(home.jsGzip).toBeGreaterThan(0);
    expect(pageWeight(dist, 'programme/index.html')).toMatchObject({ jsGzip: 0, assets: ['/_astro/s.css'] });
    expect(contentPages(dist)).toEqual(['index.html', 'programme/index.html']);
  });
});
