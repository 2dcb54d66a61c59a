import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  baseUrl,
  cspRefusals,
  screenshotsAtBothWidths,
  signIn,
  useBrowser,
} from './browser.ts';

/** The provider's own page must pass axe too. */
const providerPassesAxe = async (page: Page) => {
  expect(await accessibilityViolations(page)).toEqual([]);
};

/** What each landing page shows once its island has rendered everything. */
const ready: Record<string, (page: Page) => Promise<void>> = {
  // The members list may be empty (the first sponsor has no members yet): present is enough.
  '/console/': (page) => page.locator('#members').waitFor({ state: 'attached' }),
  '/console/check-in/': (page) => page.locator('#desk-code:focus').waitFor(),
  '/portal/': async (page) => {
    await expect.poll(() => page.locator('#workspace-body > section').count()).toBe(1);
  },
};

describe('signing in through the local OpenID provider', () => {
  const browser = useBrowser();

  it.each([
    ['organiser@example.org', '/console/', '/console/', 'Signed in as organiser@example.org (organiser)'],
    ['staff@example.org', '/portal/', '/console/check-in/', 'Signed in as staff@example.org (check-in staff)'],
    ['sponsor-a@example.org', '/console/', '/portal/', 'Signed in as sponsor-a@example.org'],
    ['sponsor-b@example.org', '/portal/', '/portal/', 'Signed in as sponsor-b@example.org'],
  ])('takes %s from %s to %s', async (email, start, landing, greeting) => {
    const page = await browser.signedIn(email, start, { atProvider: providerPassesAxe });
    await page.waitForURL(`${baseUrl}${landing}`);
    await expect.poll(() => page.locator('#signed-in-as').innerText()).toBe(greeting);
    // Scan only once everything is there, so axe sees what the person sees.
    await ready[landing]!(page);
    expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage).sort()])).toEqual([
      [],
      ['conference:tokens', 'conference:who'],
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signs in on http://127.0.0.1:<port> as on localhost', async () => {
    const loopback = baseUrl.replace('//localhost:', '//127.0.0.1:');
    const page = await browser.signedIn('organiser@example.org', '/console/', { origin: loopback });
    expect(new URL(page.url()).origin).toBe(loopback);
    await expect
      .poll(() => page.locator('#signed-in-as').innerText())
      .toBe('Signed in as organiser@example.org (organiser)');
  });

  it('lets sponsor A edit only its own profile, with a version check', async () => {
    const page = await browser.newPage();
    const refused = cspRefusals(page);
    await signIn(page, '/portal/', 'sponsor-a@example.org');
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts())
      .toEqual(['Northwind Trade Systems']);
    const description = page.getByLabel('Description (English, Markdown)');
    const original = await description.inputValue();
    await description.fill('Cloud platforms for customs, tested end to end.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    // The outcome shows next to the button that was pressed.
    await expect.poll(() => page.locator('.profile-form .feedback').innerText()).toBe('Saved as a draft.');
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('conference:tokens')!) as { accessToken: string }).accessToken,
    );
    const profile = async () =>
      (await (
        await fetch(`${baseUrl}/api/sponsors/northwind-trade/profile`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { description: { en: string }; status: string; state: string };
    const saved = await profile();
    expect([saved.description.en, saved.status]).toEqual(['Cloud platforms for customs, tested end to end.', 'draft']);
    const other = await fetch(`${baseUrl}/api/sponsors/borealis-scanning/profile`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({
      type: '/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'You are not a member of this sponsor.',
    });
    // The text as it was: the draft equals the live version again, so the exhibition test
    // finds sponsor A live whichever file runs first.
    await description.fill(original);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(async () => (await profile()).state).toBe('live');
    expect(refused).toEqual([]);
  });

  it('lets a sponsor name booth staff, and remove one after a question in the page', async () => {
    const page = await browser.signedIn('sponsor-a@example.org', '/portal/');
    const form = page.locator('.staff-form');
    const first = form.getByLabel('First name');
    // A name the API refuses: the field is marked and named by its label, not the API's English.
    await first.fill('Rita4');
    await form.getByLabel('Last name').fill('Booth');
    await form.getByLabel('Email').fill('rita.booth@northwind.example.com');
    await form.getByLabel('Country').selectOption('PT');
    await form.getByRole('button', { name: 'Add to booth staff' }).click();
    await expect.poll(() => form.locator('.feedback').innerText()).toBe('Please check: First name');
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    await first.fill('Rita');
    expect(await first.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Add to booth staff' }).click();
    const remove = page.getByRole('button', { name: 'Remove Rita Booth' });
    await remove.waitFor();
    await remove.click();
    const question = page.getByRole('dialog', { name: /^Remove Rita Booth from your booth staff\?/ });
    await question.getByRole('button', { name: 'No, keep' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await remove.isVisible()).toBe(true);
    await remove.click();
    await question.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => remove.count()).toBe(0);
    // The pressed button went with its row: the focus is on what was said, not lost.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Rita Booth was removed.');
  });

  it('invites a new sponsor member who then signs in to the portal', async () => {
    const page = await browser.signedIn('organiser@example.org', '/console/');
    await page.getByLabel('Sponsor', { exact: true }).selectOption('borealis-scanning');
    await page.getByLabel('Email', { exact: true }).fill('new.member@borealis.example.com');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    // Each list item is the member's email and a remove button; members are kept by account id.
    await expect
      .poll(async () => (await page.locator('#members li').allInnerTexts()).map((item) => item.split(/\s/)[0]).sort())
      .toEqual(['new.member@borealis.example.com', 'sponsor-b@example.org']);

    await expect
      .poll(
        async () =>
          ((await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as { to: string; subject: string }[]).find(
            (m) => m.to === 'new.member@borealis.example.com',
          )?.subject,
      )
      .toBe(
        "Invitation: manage Borealis Scanning's exhibition profile / Invitation : gérer le profil d'exposant de Borealis Scanning",
      );

    const member = await browser.signedIn('new.member@borealis.example.com', '/fr/portal/');
    await expect.poll(() => member.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Borealis Scanning']);
    await expect
      .poll(() => member.locator('#signed-in-as').innerText())
      .toBe('Connecté en tant que new.member@borealis.example.com');
  });

  it('signs out at the provider and comes back to the home page without tokens', async () => {
    const page = await browser.signedIn('organiser@example.org', '/console/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await page.goto(`${baseUrl}/console/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The provider session ended too: it asks who is signing in again.
    await page.waitForURL(/\/oidc\/interaction\//);
    await page.getByLabel('Email').waitFor();
  });

  it('says in the header that this tab is signed in, on every page and in both languages', async () => {
    const header = (page: Page) => page.locator('.signin summary').innerText();
    const page = await browser.signedIn('organiser@example.org', '/fr/console/');
    await expect.poll(() => header(page)).toBe('Connecté');
    await page.goto(`${baseUrl}/fr/exhibition/`);
    await expect.poll(() => header(page)).toBe('Connecté');
    await screenshotsAtBothWidths(page, 'header-signed-in-fr');
    await page.goto(`${baseUrl}/programme/`);
    await expect.poll(() => header(page)).toBe('Signed in');
    await screenshotsAtBothWidths(page, 'header-signed-in-en');
    // The session belongs to its tab: another tab of the same browser (which shares
    // localStorage, never sessionStorage) is not signed in. Module scripts have run by load.
    const other = await page.context().newPage();
    await other.goto(`${baseUrl}/programme/`, { waitUntil: 'load' });
    expect(await header(other)).toBe('Sign in');
    // Tokens that expired and cannot be refreshed are not a session.
    await page.evaluate(() => {
      const tokens = JSON.parse(sessionStorage.getItem('conference:tokens')!) as Record<string, unknown>;
      sessionStorage.setItem(
        'conference:tokens',
        JSON.stringify({ ...tokens, refreshToken: undefined, expiresAt: Date.now() - 1000 }),
      );
    });
    await page.reload({ waitUntil: 'load' });
    expect(await header(page)).toBe('Sign in');
  });

  /** The header's sign-in menu, opened: its lines as they read, and its links. */
  const headerMenu = async (page: Page) => {
    await page.locator('.signin summary').click();
    const menu = page.locator('.signin ul');
    await menu.waitFor();
    return {
      who: await menu.locator('.signin__who:visible').allInnerTexts(),
      links: await menu.getByRole('link').allInnerTexts(),
      signOut: menu.getByRole('button', { name: /Sign out|Se déconnecter/ }),
    };
  };

  it("names who is signed in, lists only that person's areas, and signs out from any page", async () => {
    const organiser = await browser.signedIn('organiser@example.org', '/console/');
    await organiser.locator('#signed-in-as').waitFor();
    await organiser.goto(`${baseUrl}/fr/exhibition/`);
    const fr = await headerMenu(organiser);
    expect(fr.who).toEqual(['Compte connecté\u202f: organiser@example.org']);
    // An organiser with no sponsor has no portal to go to.
    expect(fr.links).toEqual(['Console des organisateurs']);
    await screenshotsAtBothWidths(organiser, 'header-menu-signed-in-fr', { fullPage: false });
    // It closes as a menu does: Escape (back on its button), or a click elsewhere.
    await organiser.keyboard.press('Escape');
    await expect
      .poll(() => organiser.locator('details.signin').evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(false);
    expect(await organiser.evaluate(() => document.activeElement?.matches('.signin summary'))).toBe(true);
    await headerMenu(organiser);
    await organiser.locator('h1').click();
    await expect
      .poll(() => organiser.locator('details.signin').evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(false);
    await headerMenu(organiser);
    await fr.signOut.click();
    await organiser.getByRole('button', { name: 'Yes, sign me out' }).click();
    await organiser.waitForURL(`${baseUrl}/fr/`);
    expect(await organiser.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await expect.poll(() => organiser.locator('.signin summary').innerText()).toBe('Se connecter');
    const signedOut = await headerMenu(organiser);
    expect(signedOut.who).toEqual([]);
    expect(signedOut.links).toEqual(['Espace exposants', 'Console des organisateurs']);
    expect(await signedOut.signOut.count()).toBe(0);

    const sponsor = await browser.signedIn('sponsor-b@example.org', '/portal/');
    await sponsor.locator('#signed-in-as').waitFor();
    await sponsor.goto(`${baseUrl}/programme/`);
    const en = await headerMenu(sponsor);
    expect(en.who).toEqual(['Signed in as sponsor-b@example.org']);
    expect(en.links).toEqual(['Sponsor portal']);
    await screenshotsAtBothWidths(sponsor, 'header-menu-signed-in-en', { fullPage: false });
  });

  /** Makes the stored tokens expired, as an hour of idling would. */
  const expireTokens = (page: Page) =>
    page.evaluate(() => {
      const tokens = JSON.parse(sessionStorage.getItem('conference:tokens')!) as { expiresAt: number };
      sessionStorage.setItem('conference:tokens', JSON.stringify({ ...tokens, expiresAt: Date.now() - 1000 }));
    });
  const expectExpiredPage = async (page: Page) => {
    await expect
      .poll(() => page.locator('#console-status').innerText())
      .toBe('Your session has expired. Please sign in again.');
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await expect.poll(() => page.locator('#signed-in-as').count()).toBe(0);
    await expect.poll(() => page.locator('.signin summary').innerText()).toBe('Sign in');
  };

  it('asks to sign in again when the session has expired', async () => {
    const page = await browser.signedIn('staff@example.org', '/console/');
    await expireTokens(page);
    await page.reload();
    await expectExpiredPage(page);
  });

  it('says the session expired on the next page when a call in the background found it first', async () => {
    const page = await browser.signedIn('staff@example.org', '/console/');
    await ready['/console/check-in/']!(page);
    await expireTokens(page);
    // A search at the desk finds the session expired and ends it, before any reload.
    await page.getByRole('searchbox').fill('Person');
    await page.getByRole('searchbox').press('Enter');
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('conference:tokens'))).toBeNull();
    await page.reload();
    await expectExpiredPage(page);
  });
});
