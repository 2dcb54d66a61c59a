import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');

async function register(email: string, categoryId: string, first: string) {
  const response = await fetch(`${baseUrl}/api/events/citce-2027/registrations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `console-${email.replace(/[^A-Za-z0-9]/g, '-')}`,
      'x-forwarded-for': '198.51.100.7',
    },
    body: JSON.stringify({
      categoryId,
      firstName: first,
      lastName: 'Delegate',
      email,
      organisation: 'Kenya Revenue Authority',
      country: 'KE',
      consent: { privacy: true },
    }),
  });
  return (await response.json()) as { id: string; status: string };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#signed-in-as').waitFor();
}

describe('organiser console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an organiser approve a pending delegate, who is told by mail', async () => {
    const pending = await register('pending.delegate@kra.example.go.ke', 'customs-government', 'Wanjiru');
    expect(pending.status).toBe('pending');
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'organiser@example.org');
    await page.locator('#registrations').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(
      expect.arrayContaining(['Check-in', 'Registrations', 'Categories and quotas', 'Invite a sponsor member']),
    );
    await page.getByLabel('Search', { exact: true }).fill('pending.delegate');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: 'Approve Wanjiru Delegate' }).click();
    await expect
      .poll(() => page.locator('#workspace-status').innerText())
      .toBe('Approve: pending.delegate@kra.example.go.ke');
    await expect.poll(() => page.locator('#registrations tbody').innerText()).toContain('approved');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Name (English)').fill('Closing dinner');
    await page.getByLabel('Capacity', { exact: true }).fill('120');
    await page.getByRole('button', { name: 'Add category' }).click();
    await expect.poll(() => page.locator('#workspace-status').innerText()).toBe('Category added: Closing dinner');
    const event = (await (await fetch(`${baseUrl}/api/events/citce-2027`)).json()) as {
      categories: { id: string; capacity: number; available: number }[];
    };
    expect(event.categories.find((c) => c.id === 'closing-dinner')).toMatchObject({ capacity: 120, available: 120 });
    await expect
      .poll(async () =>
        ((await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as { to: string; subject: string }[]).some(
          (m) => m.to === 'pending.delegate@kra.example.go.ke' && m.subject.startsWith('Registration approved'),
        ),
      )
      .toBe(true);
    await context.close();
  });

  it('lets check-in staff check a person in by registration code', async () => {
    const confirmed = await register('arriving@customs.example.org', 'private-sector', 'Omar');
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'staff@example.org');
    expect(await page.locator('#registrations').count()).toBe(0);
    await page.getByLabel('Registration code').fill(confirmed.id);
    await page.getByRole('button', { name: 'Check in' }).click();
    await expect
      .poll(() => page.locator('#workspace-status').innerText())
      .toBe('Checked in: Omar Delegate (Kenya Revenue Authority)');
    await context.close();
  });
});
