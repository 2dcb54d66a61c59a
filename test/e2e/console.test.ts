import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, baseUrl, useBrowser } from './browser.ts';

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
  const { id } = (await response.json()) as { id: string };
  // The attendee opens the mailed link, which verifies the address.
  type Mail = { to: string; text: string };
  const link = async () =>
    ((await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as Mail[])
      .filter((m) => m.to === email)
      .map((m) => /#token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(m.text)?.[1])
      .find(Boolean);
  await expect.poll(link, { timeout: 15_000 }).toBeTruthy();
  const auth = { authorization: `Bearer ${await link()}` };
  await fetch(`${baseUrl}/api/registrations/${id}/verify`, { method: 'POST', headers: auth });
  return (await (await fetch(`${baseUrl}/api/registrations/${id}`, { headers: auth })).json()) as {
    id: string;
    status: string;
    checkInCode: string;
  };
}

const headings = (page: Page) => page.getByRole('heading', { level: 2 }).allInnerTexts();

describe('organiser console', () => {
  const browser = useBrowser();

  it('lets an organiser approve a pending delegate, who is told by mail', async () => {
    const pending = await register('pending.delegate@kra.example.go.ke', 'customs-government', 'Wanjiru');
    expect(pending.status).toBe('pending');
    const page = await browser.signedIn('organiser@example.org');
    await expect
      .poll(() => headings(page))
      .toEqual([
        'Check-in',
        expect.any(String), // the dashboard, with a count other files change
        'Registrations',
        'Categories and quotas',
        'Invite a sponsor member',
      ]);
    await page.getByLabel('Search', { exact: true }).fill('pending.delegate');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: 'Approve Wanjiru Delegate' }).click();
    await expect
      .poll(() => page.locator('#workspace-status').innerText())
      .toBe('Approve: pending.delegate@kra.example.go.ke');
    // The list reloads with the search still applied: one row, its status cell.
    await expect.poll(() => page.locator('#registrations tbody td:nth-child(6)').allInnerTexts()).toEqual(['approved']);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Name (English)').fill('Closing dinner');
    await page.getByLabel('Capacity', { exact: true }).fill('120');
    await page.getByRole('button', { name: 'Add category' }).click();
    await expect.poll(() => page.locator('#workspace-status').innerText()).toBe('Category added: Closing dinner');
    const event = (await (await fetch(`${baseUrl}/api/events/citce-2027`)).json()) as {
      categories: { id: string }[];
    };
    expect(event.categories.find((c) => c.id === 'closing-dinner')).toEqual({
      id: 'closing-dinner',
      name: { en: 'Closing dinner' },
      capacity: 120,
      waitlist: true,
      requiresApproval: false,
      available: 120,
      open: true,
    });
    await expect
      .poll(async () =>
        ((await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as { to: string; subject: string }[]).some(
          (m) => m.to === 'pending.delegate@kra.example.go.ke' && m.subject.startsWith('Registration approved'),
        ),
      )
      .toBe(true);
  });

  it('lets check-in staff check a person in by the code in lower case, and shows them nothing else', async () => {
    const confirmed = await register('arriving@customs.example.org', 'private-sector', 'Omar');
    expect(confirmed.status).toBe('confirmed');
    const page = await browser.signedIn('staff@example.org');
    await page.getByLabel('Registration code').fill(confirmed.checkInCode.toLowerCase());
    await page.getByRole('button', { name: 'Check in' }).click();
    await expect
      .poll(() => page.locator('#workspace-status').innerText())
      .toBe('Checked in: Omar Delegate (Kenya Revenue Authority)');
    // A second scan says when the person came instead of checking them in again.
    await page.getByLabel('Registration code').fill(confirmed.checkInCode);
    await page.getByRole('button', { name: 'Check in' }).click();
    await expect
      .poll(() => page.locator('#workspace-status').innerText())
      .toMatch(/^Already checked in at \d\d:\d\d( [AP]M)?: Omar Delegate \(Kenya Revenue Authority\)$/);
    // Read after a round trip to the API, so organiser panels would have arrived by now.
    expect(await headings(page)).toEqual(['Check-in']);
    expect(await page.locator('#registrations').count()).toBe(0);
  });
});
