/**
 * The exhibition from end to end: sponsor A edits and submits while the live version stays
 * public, the organiser approves in the console, the twin rebuilds the site, and the
 * exhibitor page and the floor plan show the new text in English and French. Screenshots
 * (desktop and 390 px, both languages, by `npm run screenshots`) go to test/e2e/screenshots/ for people to look at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, baseUrl, cspRefusals, screenshotsAtBothWidths, useBrowser } from './browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const NEW_EN = 'Northwind now runs risk engines for single windows, tested end to end.';
const NEW_FR = 'Northwind exploite désormais des moteurs de risque pour les guichets uniques.';
const CONTACT = 'Marta Silva';
const PRODUCT = 'Northwind Customs Gateway';
/** A line of the seeded live description (local/demo-conference.ts), as the public sees it. */
const OLD_EN = '<li>Declaration processing at national scale</li>';

/** The live profile the public API shows. */
const publicProfile = async (sponsorId: string) => {
  const response = await fetch(`${baseUrl}/api/events/citce-2027/sponsors/${sponsorId}`);
  return (await response.json()) as { descriptionHtml?: { en: string; fr?: string }; booth?: string };
};

/** The static page as a browser without JavaScript reads it. */
const pageText = async (path: string) => {
  const response = await fetch(`${baseUrl}${path}`);
  return response.ok ? await response.text() : `HTTP ${response.status}`;
};

/** Gzipped bytes of the JavaScript a built page loads (its module scripts and what they preload). */
function pageScriptBytes(html: string): number {
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const files = [...new Set(sources)].map((src) => readFileSync(join(root, 'site/dist', src.split('?')[0] ?? '')));
  return [...files, ...inline.map((s) => Buffer.from(s))].reduce((sum, b) => sum + gzipSync(b).length, 0);
}

const token = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('conference:tokens') ?? '{}') as { accessToken: string }).accessToken,
  );

describe('the exhibition', () => {
  const browser = useBrowser();

  it('lists live exhibitors by tier, with pages and a floor plan that read without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const lang of ['en', 'fr'] as const) {
      const prefix = lang === 'fr' ? '/fr' : '';
      await page.goto(`${baseUrl}${prefix}/exhibition/`);
      await expect
        .poll(() => page.locator('h1').allInnerTexts())
        .toEqual([lang === 'fr' ? 'Exposition' : 'Exhibition']);
      await expect
        .poll(() => page.locator('.exhibitors h3').allInnerTexts())
        .toEqual(expect.arrayContaining(['Northwind Trade Systems', 'Borealis Scanning']));
      // Booths on the plan are links named for the exhibitor, in the page's language.
      const booth = lang === 'fr' ? 'Stand A12 — Northwind Trade Systems' : 'Booth A12 — Northwind Trade Systems';
      expect(await page.getByRole('link', { name: booth }).getAttribute('href')).toBe(
        `${prefix}/exhibition/northwind-trade/`,
      );
    }
    // As people see them (axe runs as a script, so with JavaScript on), in both languages and sizes.
    const seen = await browser.newPage();
    for (const [lang, prefix] of [
      ['en', ''],
      ['fr', '/fr'],
    ] as const) {
      for (const [name, path] of [
        ['exhibition', '/exhibition/'],
        ['floor-plan', '/exhibition/floor-plan/'],
        ['exhibitor', '/exhibition/northwind-trade/'],
      ] as const) {
        await seen.goto(`${baseUrl}${prefix}${path}`);
        await seen.locator('h1').waitFor();
        expect(await accessibilityViolations(seen)).toEqual([]);
        await screenshotsAtBothWidths(seen, `${name}-${lang}`);
      }
    }
    for (const path of ['/exhibition/', '/exhibition/northwind-trade/', '/exhibition/floor-plan/', '/fr/exhibition/']) {
      const bytes = pageScriptBytes(await pageText(path));
      console.log(`[exhibition] ${path}: ${bytes} bytes of JavaScript (gzip)`);
      expect(bytes).toBeLessThanOrEqual(10 * 1024);
    }
  });

  it('keeps the live version public while sponsor A edits, then publishes what the organiser approves', async () => {
    // Before: the seeded live description, on the API and on the built page.
    expect((await publicProfile('northwind-trade')).descriptionHtml?.en).toContain(OLD_EN);

    // Sponsor A edits and submits in the portal.
    const portal = await browser.signedIn('sponsor-a@example.org', '/portal/');
    const refused = cspRefusals(portal);
    await expect
      .poll(() => portal.getByRole('heading', { level: 2 }).allInnerTexts())
      .toEqual(['Northwind Trade Systems']);
    await expect.poll(() => portal.locator('.state strong').innerText()).toBe('Live');
    await portal.getByLabel('Description (English, Markdown)').fill(NEW_EN);
    await portal.getByLabel('Description (French, Markdown)').fill(NEW_FR);
    // Two contacts, the first removed again: the one left becomes "Contact 1" with its fields.
    const addContact = portal.getByRole('button', { name: 'Add a contact' });
    await addContact.click();
    await addContact.click();
    await portal.getByRole('group', { name: 'Contact 2' }).getByLabel('Name').fill(CONTACT);
    await portal.getByRole('button', { name: 'Remove contact 1' }).click();
    const contact = portal.getByRole('group', { name: 'Contact 1' });
    await expect.poll(() => contact.getByLabel('Name').inputValue()).toBe(CONTACT);
    expect(await portal.getByRole('group', { name: 'Contact 2' }).count()).toBe(0);
    await contact.getByLabel('Email').fill('marta.silva@northwind.example');
    await contact.getByLabel('Show on the public page').check();
    await portal.getByRole('button', { name: 'Add a product' }).click();
    const product = portal.getByRole('group', { name: 'Product 1' });
    await expect
      .poll(() => product.getByLabel('Name (English)').evaluate((e) => e === document.activeElement))
      .toBe(true);
    await product.getByLabel('Name (English)').fill(PRODUCT);
    await product.getByLabel('Description (English)').fill('Pre-arrival risk assessment for express consignments.');
    await portal.getByRole('button', { name: 'Preview as the public will see it' }).click();
    await expect.poll(() => portal.locator('.preview .public-text[lang="en"]').innerText()).toBe(NEW_EN);
    await portal.getByRole('button', { name: 'Submit for review' }).click();
    await expect
      .poll(() => portal.locator('.profile-form .feedback').innerText())
      .toBe('Submitted for review. The public still sees the live version until the organisers approve.');
    await expect.poll(() => portal.locator('.state strong').innerText()).toBe('Under review');
    expect(await accessibilityViolations(portal)).toEqual([]);
    await screenshotsAtBothWidths(portal, 'portal-en');
    expect(refused).toEqual([]);

    // The public still sees the live version, on the API and the static page.
    expect((await publicProfile('northwind-trade')).descriptionHtml?.en).toContain(OLD_EN);
    expect(await pageText('/exhibition/northwind-trade/')).toContain(OLD_EN);

    // Sponsor A reaches nothing of sponsor B's.
    const bearer = { authorization: `Bearer ${await token(portal)}` };
    const other = '/api/sponsors/borealis-scanning';
    const statuses = await Promise.all(
      [
        fetch(`${baseUrl}${other}/profile`, { headers: bearer }),
        fetch(`${baseUrl}${other}/staff`, { headers: bearer }),
        fetch(`${baseUrl}${other}/leads`, { headers: bearer }),
        fetch(`${baseUrl}${other}/leads.csv`, { headers: bearer }),
        fetch(`${baseUrl}${other}/logo-upload`, {
          method: 'POST',
          headers: { ...bearer, 'content-type': 'application/json' },
          body: JSON.stringify({ contentType: 'image/png', size: 100 }),
        }),
      ].map(async (r) => (await r).status),
    );
    expect(statuses).toEqual([403, 403, 403, 403, 403]);

    // The organiser sees the change beside the live version and approves it.
    const organiser = await browser.signedIn('organiser@example.org', '/console/sponsors/');
    const item = organiser.locator('.review-item', { hasText: 'Northwind Trade Systems' });
    await expect.poll(() => item.locator('tr.changed th').allInnerTexts()).toContain('Description (English)\nChanged');
    await expect.poll(() => item.locator('tr.changed ins').first().innerText()).toBe(`+ ${NEW_EN}`);
    expect(await accessibilityViolations(organiser)).toEqual([]);
    await screenshotsAtBothWidths(organiser, 'console-sponsors-en');
    await organiser.getByRole('button', { name: 'Approve and publish Northwind Trade Systems' }).click();
    await expect
      .poll(() => organiser.locator('#review-heading + .feedback').innerText())
      .toBe('Northwind Trade Systems approved: the public pages update shortly.');
    expect((await publicProfile('northwind-trade')).descriptionHtml).toEqual({
      en: `<p>${NEW_EN}</p>`,
      fr: `<p>${NEW_FR}</p>`,
    });

    // The twin rebuilds the site: the exhibitor page shows the new text in both languages.
    await expect
      .poll(() => pageText('/exhibition/northwind-trade/'), { timeout: 150_000, interval: 2_000 })
      .toContain(NEW_EN);
    expect(await pageText('/fr/exhibition/northwind-trade/')).toContain(NEW_FR);
    // With the product and the contact the sponsor made public.
    expect(await pageText('/exhibition/northwind-trade/')).toContain(PRODUCT);
    expect(await pageText('/exhibition/northwind-trade/')).toContain(CONTACT);

    const page = await browser.newPage();
    for (const lang of ['en', 'fr'] as const) {
      const prefix = lang === 'fr' ? '/fr' : '';
      await page.goto(`${baseUrl}${prefix}/exhibition/`);
      await page.locator('.exhibitors').first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshotsAtBothWidths(page, `exhibition-${lang}`);

      // From the floor plan, the booth's link leads to the exhibitor's new text.
      await page.goto(`${baseUrl}${prefix}/exhibition/floor-plan/`);
      const booth = page.getByRole('link', {
        name: lang === 'fr' ? 'Stand A12 — Northwind Trade Systems' : 'Booth A12 — Northwind Trade Systems',
      });
      await booth.waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshotsAtBothWidths(page, `floor-plan-${lang}`);
      // On a phone the plan keeps a size where exhibitors' names read (it scrolls sideways).
      const size = page.viewportSize();
      await page.setViewportSize({ width: 390, height: 844 });
      // The font size in the SVG's units, times the pixels one unit takes on screen.
      const smallest = await page.locator('.booth.taken .name').evaluateAll((names) =>
        Math.min(
          ...names.map((n) => {
            const scale = (n as SVGGraphicsElement).getScreenCTM()?.a ?? 0;
            return Number.parseFloat(n.getAttribute('font-size') ?? '0') * scale;
          }),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(13);
      expect(await page.locator('.plan-swipe').isVisible()).toBe(true);
      if (size) await page.setViewportSize(size);
      await booth.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}${prefix}/exhibition/northwind-trade/`);
      await expect.poll(() => page.locator('.description').innerText()).toBe(lang === 'fr' ? NEW_FR : NEW_EN);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshotsAtBothWidths(page, `exhibitor-${lang}`);
    }

    // The portal says the draft is live now.
    await portal.reload();
    await expect.poll(() => portal.locator('.state strong').innerText()).toBe('Live');
    // Two sign-ins, a review and a site rebuild: minutes on a loaded 2-core machine.
  }, 480_000);

  it('shows the portal and the console page in French', async () => {
    const portal = await browser.signedIn('sponsor-b@example.org', '/fr/portal/');
    await expect.poll(() => portal.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Borealis Scanning']);
    await portal.locator('.staff-list').waitFor();
    expect(await accessibilityViolations(portal)).toEqual([]);
    await screenshotsAtBothWidths(portal, 'portal-fr');

    // The logo: an SVG is refused in the browser; a PNG goes straight to the storage and onto the draft.
    const logo = portal.getByLabel('Fichier du logo');
    const upload = portal.getByRole('button', { name: 'Envoyer le logo' });
    const said = () => portal.locator('.logo-form .feedback').innerText();
    await logo.setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await upload.click();
    await expect.poll(said).toBe('Ce fichier est de type SVG\u202f: choisissez une image PNG, JPEG ou WebP.');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await upload.click();
    await expect.poll(said).toBe('Logo envoyé et ajouté à votre brouillon. Enregistrez et soumettez pour le publier.');
    const shown = portal.locator('.logo-current img');
    expect(await shown.getAttribute('src')).toMatch(/\/media\/logos\/borealis-scanning\/[a-f0-9-]{36}\.png$/);
    await expect.poll(() => shown.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);

    const organiser = await browser.signedIn('organiser@example.org', '/fr/console/sponsors/');
    await expect
      .poll(() => organiser.getByRole('heading', { level: 2 }).allInnerTexts())
      .toEqual(['Profils à examiner', 'Sponsors', 'Catégories de partenariat']);
    expect(await accessibilityViolations(organiser)).toEqual([]);
    await screenshotsAtBothWidths(organiser, 'console-sponsors-fr');
  });
});
