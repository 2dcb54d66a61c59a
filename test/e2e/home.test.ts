import { describe, expect, it } from 'vitest';
import { demoCategories } from '../../local/demo-conference.ts';

// Booth staff are named by their exhibitor; the public pages do not offer that category.
const publicCategories = demoCategories.filter((c) => c.audience !== 'exhibitor-staff');

import { accessibilityViolations, baseUrl, cspRefusals, useBrowser } from './browser.ts';

const pages = [
  {
    lang: 'en',
    path: '/',
    title: 'Customs IT Conference & Exhibition 2027',
    dates: '8\u2009–\u200910 June 2027',
    zone: 'Times in Lisbon time (UTC+1)',
    venue: 'Lisbon Congress Centre, Praça das Indústrias 1, Lisbon, Portugal',
    switchTo: '/fr/',
  },
  {
    lang: 'fr',
    path: '/fr/',
    title: 'Conférence et exposition sur les TI douanières 2027',
    dates: '8–10 juin 2027',
    zone: 'Heures de Lisbonne (UTC+1)',
    venue: 'Centre de congrès de Lisbonne, Praça das Indústrias 1, Lisbonne, Portugal',
    switchTo: '/',
  },
] as const;

describe('home page', () => {
  // axe runs as a script, so pages are scanned with JavaScript on; a second context
  // without JavaScript proves the content does not depend on it.
  const browser = useBrowser();

  for (const expected of pages) {
    it(`shows the event in ${expected.lang}, passes axe and its own content security policy`, async () => {
      const page = await browser.newPage();
      const refused = cspRefusals(page);
      const response = await page.goto(`${baseUrl}${expected.path}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      // Static HTML, but read through waiting locators all the same (lists through expect.poll).
      expect(await page.locator('html').getAttribute('lang')).toBe(expected.lang);
      await expect.poll(() => page.locator('h1').allInnerTexts()).toEqual([expected.title]);
      await expect.poll(() => page.locator('.facts time').allInnerTexts()).toEqual([expected.dates]);
      expect(await page.locator('.facts dd').nth(1).innerText()).toBe(expected.venue);
      // The zone as the programme names it, not its identifier (Europe/Lisbon).
      expect(await page.locator('.facts dd small').innerText()).toBe(expected.zone);

      // Other e2e files may add categories; the live script appends them after the seeded ones.
      await expect
        .poll(async () => (await page.locator('.categories h3').allInnerTexts()).slice(0, publicCategories.length))
        .toEqual(publicCategories.map((c) => (expected.lang === 'fr' ? (c.name.fr ?? c.name.en) : c.name.en)));

      const prefix = expected.lang === 'fr' ? '/fr' : '';
      const hrefs = (selector: string) =>
        page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      // The public menu (the same links in the phone menu); portal and console sit in the sign-in area.
      const menu = ['programme', 'speakers', 'exhibition', 'register', 'my-agenda'].map((s) => `${prefix}/${s}/`);
      await expect.poll(() => hrefs('header nav .menu-wide a')).toEqual(menu);
      expect(await hrefs('header nav .menu-phone a')).toEqual(menu);
      expect(await hrefs('header .signin a')).toEqual([`${prefix}/portal/`, `${prefix}/console/`]);
      expect(await hrefs('footer a')).toContain(`${prefix}/privacy/`);
      expect(await page.locator('a.lang').getAttribute('href')).toBe(expected.switchTo);
      expect(await page.locator('a').first().getAttribute('href')).toBe('#main');

      expect(await accessibilityViolations(page)).toEqual([]);
      expect(refused).toEqual([]);
    });
  }

  it('renders the event and its categories without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/fr/`);
    await expect.poll(() => page.locator('h1').allInnerTexts()).toEqual([pages[1].title]);
    // Categories other e2e files create reach the static page too, after the seeded ones, once
    // the twin has rebuilt the site.
    await expect
      .poll(async () => (await page.locator('.categories h3').allInnerTexts()).slice(0, publicCategories.length))
      .toEqual(publicCategories.map((c) => c.name.fr ?? c.name.en));
    // The build-time state of each category, in words.
    expect(await page.locator('.categories .badge').first().innerText()).toMatch(/^(Ouverte|Dernières places)$/);
  });

  it('switches language with the header link', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.locator('a.lang').click();
    await page.waitForURL(`${baseUrl}/fr/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('serves every navigation target in both languages and a 404 page otherwise', async () => {
    const page = await browser.newPage();
    for (const path of ['/programme/', '/fr/programme/', '/console/', '/fr/register/', '/privacy/', '/fr/privacy/']) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      // The console's island draws its sign-in button after load: scan what a visitor sees.
      if (path === '/console/') await page.locator('#console-signin button').waitFor();
      expect(await accessibilityViolations(page), path).toEqual([]);
      // The privacy notice states the retention the functions delete by (RETENTION_DAYS, 90 here).
      if (path.endsWith('privacy/')) {
        expect(await page.locator('main').innerText(), path).toContain(
          path === '/privacy/'
            ? 'deleted automatically 90 days after the event ends'
            : 'automatiquement 90\u00a0jours après la fin',
        );
      }
    }
    const missing = await page.goto(`${baseUrl}/no-such-page/`);
    expect(missing?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').allInnerTexts()).toEqual(['Page not found · Page introuvable']);
    // One page answers every missing path (CloudFront serves it for any), so it speaks French too.
    const french = await page.goto(`${baseUrl}/fr/pas-de-page/`);
    expect(french?.status()).toBe(404);
    expect(await page.locator('main [lang="fr"]').allInnerTexts()).toEqual([
      '· Page introuvable',
      'La page demandée n’existe pas.',
      'Accueil',
    ]);
  });
});

describe('speaker pages', () => {
  const browser = useBrowser();

  it('give a speaker’s title and organisation in the page’s language', async () => {
    const page = await browser.newPage();
    const role = async (path: string) => {
      await page.goto(`${baseUrl}${path}`);
      return page.locator('main .role').innerText();
    };
    expect(await role('/speakers/amara-diallo/')).toBe(
      'Director of Information Systems, Directorate General of Customs, Senegal',
    );
    expect(await role('/fr/speakers/amara-diallo/')).toBe(
      'Directeur des systèmes d’information, Direction générale des douanes, Sénégal',
    );
    // French "de" elides before the vowel of a name.
    expect(await page.getByRole('link', { name: 'Séances d’Amara Diallo (.ics)' }).count()).toBe(1);
  });
});

describe('API on the same origin', () => {
  it('lists the demo event and answers unknown routes with a problem', async () => {
    const events = (await (await fetch(`${baseUrl}/api/events`)).json()) as { items: { id: string }[] };
    expect(events.items.map((e) => e.id)).toEqual(['citce-2027']);

    const detail = (await (await fetch(`${baseUrl}/api/events/citce-2027`)).json()) as {
      categories: { id: string; capacity: number; available: number }[];
    };
    // Other e2e files may add categories after the seeded ones.
    expect(detail.categories.slice(0, demoCategories.length).map((c) => [c.id, c.capacity])).toEqual(
      demoCategories.map((c) => [c.id, c.capacity]),
    );
    // Other e2e files register people, so only the bound is fixed here.
    for (const c of detail.categories) expect(c.available).toBeLessThanOrEqual(c.capacity);

    const missing = await fetch(`${baseUrl}/api/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toEqual({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No resource at /api/nope.',
    });
  });
});
