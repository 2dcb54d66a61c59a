import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');

async function signIn(page: Page, startPath: string, email: string, origin = baseUrl) {
  await page.goto(`${origin}${startPath}`);
  await page.getByRole('button', { name: /Sign in|Se connecter/ }).click();
  await page.waitForURL(/\/oidc\/interaction\//);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#signed-in-as').waitFor();
}

describe('signing in through the local OpenID provider', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['organiser@example.org', '/console/', '/console/', 'Signed in as organiser@example.org (organiser)'],
    ['staff@example.org', '/portal/', '/console/', 'Signed in as staff@example.org (check-in staff)'],
    ['sponsor-a@example.org', '/console/', '/portal/', 'Signed in as sponsor-a@example.org'],
    ['sponsor-b@example.org', '/portal/', '/portal/', 'Signed in as sponsor-b@example.org'],
  ])('takes %s from %s to %s', async (email, start, landing, greeting) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, start, email);
    expect(new URL(page.url()).pathname).toBe(landing);
    expect(await page.locator('#signed-in-as').innerText()).toBe(greeting);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('signs in on http://127.0.0.1:<port> as on localhost', async () => {
    const loopback = baseUrl.replace('//localhost:', '//127.0.0.1:');
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, '/console/', 'organiser@example.org', loopback);
    expect(new URL(page.url()).origin).toBe(loopback);
    expect(await page.locator('#signed-in-as').innerText()).toBe('Signed in as organiser@example.org (organiser)');
    await context.close();
  });

  it('lets sponsor A edit only its own profile, with a version check', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && refused.push(m.text()));
    await signIn(page, '/portal/', 'sponsor-a@example.org');
    // The profile editor follows the greeting once the profile has loaded.
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts())
      .toEqual(['Northwind Trade Systems']);
    await page.getByLabel('Description (English)').fill('Cloud platforms for customs, tested end to end.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('#workspace-status').innerText()).toBe('Saved as a draft.');
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('conference:tokens')!) as { accessToken: string }).accessToken,
    );
    const profile = (await (
      await fetch(`${baseUrl}/api/sponsors/northwind-trade/profile`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      description: { en: string };
      status: string;
    };
    expect([profile.description.en, profile.status]).toEqual([
      'Cloud platforms for customs, tested end to end.',
      'draft',
    ]);
    const other = await fetch(`${baseUrl}/api/sponsors/borealis-scanning/profile`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(other.status).toBe(403);
    expect(refused).toEqual([]);
    await context.close();
  });

  it('invites a new sponsor member who then signs in to the portal', async () => {
    const organiser = await browser.newContext();
    const page = await organiser.newPage();
    await signIn(page, '/console/', 'organiser@example.org');
    await page.getByLabel('Sponsor', { exact: true }).selectOption('borealis-scanning');
    await page.getByLabel('Email', { exact: true }).fill('new.member@borealis.example.com');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.locator('#members').innerText()).toContain('new.member@borealis.example.com');
    await organiser.close();

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

    const member = await browser.newContext();
    const memberPage = await member.newPage();
    await signIn(memberPage, '/fr/portal/', 'new.member@borealis.example.com');
    await expect
      .poll(() => memberPage.getByRole('heading', { level: 2 }).allInnerTexts())
      .toEqual(['Borealis Scanning']);
    expect(await memberPage.locator('#signed-in-as').innerText()).toBe(
      'Connecté(e) en tant que new.member@borealis.example.com',
    );
    await member.close();
  });

  it('signs out at the provider and comes back to the home page without tokens', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, '/console/', 'organiser@example.org');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.evaluate(() => sessionStorage.getItem('conference:tokens'))).toBeNull();
    await page.goto(`${baseUrl}/console/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The provider session ended too: it asks who is signing in again.
    await page.waitForURL(/\/oidc\/interaction\//);
    await context.close();
  });

  it('asks to sign in again when the session has expired', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, '/console/', 'staff@example.org');
    await page.evaluate(() => {
      const tokens = JSON.parse(sessionStorage.getItem('conference:tokens')!) as { expiresAt: number };
      sessionStorage.setItem('conference:tokens', JSON.stringify({ ...tokens, expiresAt: Date.now() - 1000 }));
    });
    await page.reload();
    await expect
      .poll(() => page.locator('#workspace-status').innerText())
      .toBe('Your session has expired. Please sign in again.');
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await context.close();
  });
});
