import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, baseUrl, screenshotsAtBothWidths, useBrowser } from './browser.ts';
import { registerVerified } from './support-registrations.ts';

const consolePages = [
  ['Dashboard', '/console/'],
  ['Registrations', '/console/registrations/'],
  ['Categories', '/console/categories/'],
  ['Check-in desk', '/console/check-in/'],
] as const;
const frenchPages = [
  ['Tableau de bord', '/fr/console/'],
  ['Inscriptions', '/fr/console/registrations/'],
  ['Catégories', '/fr/console/categories/'],
  ['Accueil', '/fr/console/check-in/'],
] as const;

/** The console page's own area, once its task has drawn it. */
const taskReady = (page: Page) => page.locator('#console-body:not([hidden]) > *').first().waitFor();

describe('organiser console', () => {
  const browser = useBrowser();

  it('moves between its pages by the console navigation, in English and French, each passing axe', async () => {
    const page = await browser.signedIn('organiser@example.org');
    for (const [pages, heading] of [
      [consolePages, 'Organiser console'],
      [frenchPages, 'Console des organisateurs'],
    ] as const) {
      for (const [name, path] of pages) {
        await page.locator('.console__nav').getByRole('link', { name, exact: true }).click();
        await page.waitForURL(`${baseUrl}${path}`);
        await taskReady(page);
        expect(await page.title()).toContain(heading);
        expect(await page.locator('.console__nav [aria-current="page"]').innerText()).toBe(name);
        expect(await accessibilityViolations(page), path).toEqual([]);
        await screenshotsAtBothWidths(page, path.slice(1, -1).replaceAll('/', '-'));
      }
      if (heading === 'Organiser console') await page.goto(`${baseUrl}/fr/console/`);
    }
    // The agenda and sponsors consoles are linked from every console page.
    expect(
      await page.locator('.console__nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual([
      '/fr/console/',
      '/fr/console/registrations/',
      '/fr/console/categories/',
      '/fr/console/check-in/',
      '/fr/console/agenda/',
      '/fr/console/sponsors/',
    ]);
    // The agenda editor and the sponsors page carry the same tasks: one click between any two.
    await page.locator('.console__nav').getByRole('link', { name: 'Programme', exact: true }).click();
    await page.waitForURL(`${baseUrl}/fr/console/agenda/`);
    await expect.poll(() => page.locator('.console__nav [aria-current="page"]').innerText()).toBe('Programme');
    await page.locator('.console__nav').getByRole('link', { name: 'Sponsors', exact: true }).click();
    await page.waitForURL(`${baseUrl}/fr/console/sponsors/`);
    await expect.poll(() => page.locator('.console__nav [aria-current="page"]').innerText()).toBe('Sponsors');
    await page.locator('.console__nav').getByRole('link', { name: 'Inscriptions', exact: true }).click();
    await page.waitForURL(`${baseUrl}/fr/console/registrations/`);
  });

  it('shows someone signed out the sign-in, not the tasks they cannot open yet', async () => {
    const page = await browser.newPage();
    for (const [path, button] of [
      ['/console/', 'Sign in'],
      ['/fr/console/', 'Se connecter'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('#console-signin').getByRole('button', { name: button }).waitFor();
      expect(await page.locator('.console__nav').isHidden()).toBe(true);
      await screenshotsAtBothWidths(page, `${path.slice(1, -1).replaceAll('/', '-')}-signed-out`);
    }
  });

  it('lets an organiser approve a pending delegate, with readable names and badges', async () => {
    const pending = await registerVerified('pending.delegate@kra.example.go.ke', 'customs-government', 'Wanjiru');
    expect(pending.status).toBe('pending');
    const page = await browser.signedIn('organiser@example.org');
    await page.goto(`${baseUrl}/console/registrations/`);
    await page.getByLabel('Search', { exact: true }).fill('pending.delegate');
    await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Kenya' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#registrations tbody tr td:nth-child(3)').allInnerTexts()).toEqual(['Kenya']);
    expect(await page.locator('#registrations tbody td:nth-child(4)').innerText()).toBe(
      'Customs and government delegates',
    );
    // On a phone each registration is a card: its actions in view, nothing to scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const approve = page.getByRole('button', { name: 'Approve: Wanjiru Delegate' });
    // Read once the resized page has laid out again (a busy machine lets a read come first);
    // what sticks out is named, should anything do.
    await expect
      .poll(() =>
        page.evaluate(() => {
          if (document.documentElement.scrollWidth <= innerWidth) return 'nothing sticks out';
          return [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
            .slice(0, 12)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} to ${Math.round(e.getBoundingClientRect().right)} px`,
            )
            .join('; ');
        }),
      )
      .toBe('nothing sticks out');
    const box = await approve.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await approve.click();
    await expect.poll(() => page.locator('#console-status').innerText()).toBe('Approved: Wanjiru Delegate');
    // The list reloads with the filters still applied: one row, its status badge.
    await expect.poll(() => page.locator('#registrations tbody .badge').allInnerTexts()).toEqual(['Approved']);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Cancelling asks first, in the page, with named answers; saying no changes nothing.
    const cancel = page.getByRole('button', { name: 'Cancel: Wanjiru Delegate' });
    await cancel.click();
    const question = page.getByRole('dialog', {
      name: 'Cancel the registration of Wanjiru Delegate? Their place goes to the next person waiting.',
    });
    // The answer that keeps things as they are has the focus.
    await expect
      .poll(() => question.getByRole('button', { name: 'No, go back' }).evaluate((b) => b === document.activeElement))
      .toBe(true);
    expect(await question.getByRole('button', { name: 'Yes, cancel the registration' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(() => cancel.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await page.locator('#registrations tbody .badge').allInnerTexts()).toEqual(['Approved']);
    await expect
      .poll(async () =>
        ((await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as { to: string; subject: string }[]).some(
          (m) => m.to === 'pending.delegate@kra.example.go.ke' && m.subject.startsWith('Registration approved'),
        ),
      )
      .toBe(true);
  });

  it('adds a category and edits every field of one, French included', async () => {
    const page = await browser.signedIn('organiser@example.org');
    await page.goto(`${baseUrl}/console/categories/`);
    const create = page.getByRole('form', { name: 'New category' });
    await create.getByLabel('Name (English)').fill('Closing dinner');
    await create.getByLabel('Name (French)').fill('Dîner de clôture');
    await create.getByLabel('Capacity').fill('120');
    await create.getByRole('button', { name: 'Add category' }).click();
    await expect.poll(() => page.locator('#console-status').innerText()).toBe('Category added: Closing dinner');
    type Public = { id: string; name: { en: string; fr?: string }; capacity: number; waitlist: boolean };
    const categories = async () =>
      ((await (await fetch(`${baseUrl}/api/events/citce-2027`)).json()) as { categories: Public[] }).categories;
    expect((await categories()).find((c) => c.id === 'closing-dinner')).toMatchObject({
      id: 'closing-dinner',
      name: { en: 'Closing dinner', fr: 'Dîner de clôture' },
      capacity: 120,
      waitlist: true,
    });

    await page.reload();
    await page.locator('summary', { hasText: 'Closing dinner' }).click();
    const edit = page.getByRole('form', { name: 'Edit Closing dinner' });
    await edit.getByLabel('Name (French)').fill('Dîner de gala');
    await edit.getByLabel('Capacity').fill('150');
    await edit.getByLabel('Waiting list when full').uncheck();
    await edit.getByRole('button', { name: 'Save Closing dinner' }).click();
    await expect
      .poll(() => page.locator('#console-status').innerText())
      .toBe('Closing dinner saved; 0 promoted from the waiting list.');
    expect((await categories()).find((c) => c.id === 'closing-dinner')).toMatchObject({
      name: { en: 'Closing dinner', fr: 'Dîner de gala' },
      capacity: 150,
      waitlist: false,
    });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('tells the desk, in French, that a fee is still due and that a pending delegate is not admitted', async () => {
    const payer = await registerVerified('fee.due@customs.example.org', 'private-sector', 'Inès', {
      lastName: 'Doitencore',
    });
    expect(payer.status).toBe('confirmed');
    const pending = await registerVerified('not.yet@kra.example.go.ke', 'customs-government', 'Amani', {
      lastName: 'Attend',
    });
    expect(pending.status).toBe('pending');
    const page = await browser.signedIn('staff@example.org', '/fr/console/');
    await page.waitForURL(`${baseUrl}/fr/console/check-in/`);
    // The desk focuses its code field once its handlers are in place: typing before that
    // would submit the bare form.
    await page.locator('#desk-code:focus').waitFor();
    const code = page.locator('#desk-code');
    await code.fill(payer.checkInCode);
    await code.press('Enter');
    const result = page.locator('#desk-result');
    await expect.poll(() => result.getAttribute('data-tone')).toBe('ok');
    expect((await result.innerText()).split('\n').filter(Boolean)).toEqual([
      'Arrivée enregistrée',
      'Inès Doitencore',
      'Kenya Revenue Authority · Secteur privé',
      'Frais pas encore payés',
    ]);

    await page.getByRole('searchbox', { name: 'Rechercher par nom' }).fill('Amani Attend');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const row = page.locator('#desk-matches li', { hasText: 'Amani Attend' });
    await expect.poll(() => row.innerText()).toContain('Non admis');
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotsAtBothWidths(page, 'fr-console-check-in-fee-due');
  });

  it('shows check-in staff the desk only', async () => {
    const page = await browser.signedIn('staff@example.org');
    await page.waitForURL(`${baseUrl}/console/check-in/`);
    await page.locator('#desk-code:focus').waitFor();
    expect(await page.locator('.console__nav').isVisible()).toBe(true);
    expect(await page.locator('.console__nav li:not([hidden]) a').allInnerTexts()).toEqual(['Check-in desk']);
    await page.goto(`${baseUrl}/console/registrations/`);
    await page.waitForURL(`${baseUrl}/console/check-in/`);
    // The agenda editor refuses them, and keeps their way back to the desk.
    await page.goto(`${baseUrl}/console/agenda/`);
    await expect.poll(() => page.locator('#editor-status').innerText()).toBe('Only organisers can edit the agenda.');
    expect(await page.locator('.console__nav').isVisible()).toBe(true);
    expect(await page.locator('.console__nav li:not([hidden]) a').allInnerTexts()).toEqual(['Check-in desk']);
  });
});
