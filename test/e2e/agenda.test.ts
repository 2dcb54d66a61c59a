import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSessions } from '../../local/demo-agenda.ts';
import { accessibilityViolations, baseUrl, screenshotsAtBothWidths, signIn, useBrowser } from './browser.ts';

/** axe finds nothing on the page; then its screenshots. */
async function clean(page: Page, name: string) {
  expect(await accessibilityViolations(page), name).toEqual([]);
  await screenshotsAtBothWidths(page, name);
}

const TITLE = 'Keyboard-moved session';
const TITLE_FR = 'Séance déplacée au clavier';
// A session of the demo agenda, published when the stack was seeded: 09:00–10:00 in Lisbon (UTC+1).
const opening = demoSessions.find((s) => s.id === 'opening-keynote');
if (!opening) throw new Error('The demo agenda has no opening keynote');

describe('agenda: console editor, publishing, programme and my agenda', () => {
  const browser = useBrowser();

  it('shows a session added on top of another beside it, not hidden under it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/console/agenda/', 'organiser@example.org');
    await page.getByRole('button', { name: 'New session' }).click();
    const form = page.getByRole('dialog');
    // Saved empty: the missing field is marked and named; typing in it takes both away.
    await form.getByRole('button', { name: 'Save' }).click();
    const titleEn = form.getByLabel('Title (English)');
    await expect.poll(() => form.locator('p.error').innerText()).toBe('Please correct: Title (English)');
    expect(await titleEn.getAttribute('aria-invalid')).toBe('true');
    await titleEn.fill('Clash under test');
    await expect.poll(() => titleEn.getAttribute('aria-invalid')).toBeNull();
    expect(await form.locator('p.error').innerText()).toBe('');
    await form.getByLabel(/^Start/).fill('2027-06-08T09:00');
    await form.getByLabel(/^End/).fill('2027-06-08T10:00');
    await form.getByLabel(/^Room( \*)?$/).selectOption({ label: 'Auditorium I' });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#editor-status').innerText()).toBe('Added: Clash under test');

    const clash = page.locator('button.block', { hasText: 'Clash under test' });
    const keynote = page.locator('button.block', { hasText: opening.title.en });
    await expect.poll(() => clash.locator('.badge').innerText()).toBe('Conflict');
    const [a, b] = [await keynote.boundingBox(), await clash.boundingBox()];
    if (!a || !b) throw new Error('a block is not displayed');
    // Side by side in the room's column: the same rows, no horizontal overlap, each half wide.
    const apart = a.x + a.width <= b.x || b.x + b.width <= a.x;
    expect({ top: b.y === a.y, apart, halves: Math.abs(a.width - b.width) <= 1 }).toEqual({
      top: true,
      apart: true,
      halves: true,
    });
    await screenshotsAtBothWidths(page, 'console-agenda-clash-en');

    // Deleted again, so the programme this file publishes has no clash.
    await clash.click();
    await page.locator('.selected-panel').getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete Clash under test?' })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await expect.poll(() => page.locator('#editor-status').innerText()).toBe('Deleted: Clash under test');
    await expect.poll(() => clash.count()).toBe(0);
  });

  // One flow through the console, the public pages and a site rebuild: longer than one page's test.
  it('an organiser moves a session by keyboard and publishes; the programme shows it', {
    timeout: 600_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/console/agenda/', 'organiser@example.org');
    await page.getByRole('button', { name: 'New session' }).click();
    const form = page.getByRole('dialog');
    // A new session starts in the day's first free hour, not on top of the keynote.
    const room = form.getByLabel(/^Room( \*)?$/);
    expect([
      await form.getByLabel(/^Start/).inputValue(),
      await room.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text),
    ]).toEqual(['2027-06-08T09:00', 'Tagus Room']);
    await form.getByLabel('Title (English)').fill(TITLE);
    await form.getByLabel('Title (French)').fill(TITLE_FR);
    await form.getByLabel(/^Start/).fill('2027-06-10T18:00');
    await form.getByLabel(/^End/).fill('2027-06-10T18:30');
    await room.selectOption({ label: 'Auditorium I' });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#editor-status').innerText()).toBe(`Added: ${TITLE}`);

    // The new session has the focus in its day's grid: two rows down, then Enter saves.
    const block = page.locator('button.block', { hasText: TITLE });
    await expect.poll(() => block.evaluate((b) => b === document.activeElement)).toBe(true);
    await expect.poll(() => block.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('#move-live').innerText())
      .toBe(`Moving ${TITLE}: 18:30–19:00, Auditorium I. Enter saves, Escape cancels.`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#editor-status').innerText()).toBe(`Saved: ${TITLE}`);
    await expect.poll(() => block.locator('.t').innerText()).toBe('18:30–19:00');
    await clean(page, 'console-agenda-en');

    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the programme' });
    await expect.poll(() => dialog.innerText()).toContain(TITLE);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /^Publish version \d+$/ }).click();
    await expect.poll(() => page.locator('#editor-status').innerText()).toMatch(/^Version \d+ is published\./);

    // The public programme, seen from New York.
    const programme = await browser.newPage({ timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 } });
    await programme.goto(`${baseUrl}/programme/`);
    const item = programme.locator('li.session', { hasText: opening.title.en });
    expect(await item.locator('time').innerText()).toBe('09:00–10:00');
    expect(await programme.locator('#tz-label').innerText()).toBe('Times in Lisbon time (UTC+1)');
    await clean(programme, 'programme-en');
    // The viewer's own zone: 09:00 in Lisbon (UTC+1) is 04:00 in New York (UTC-4).
    await programme.getByRole('button', { name: 'Show in my time' }).click();
    await expect.poll(() => item.locator('time').innerText()).toBe('04:00–05:00');
    expect(await programme.locator('#tz-label').innerText()).toBe('Times in your time (UTC-4)');
    await programme.getByRole('button', { name: 'Show in Lisbon time' }).click();
    await expect.poll(() => item.locator('time').innerText()).toBe('09:00–10:00');

    // The track filter keeps one track's sessions (the keynote has none, so it goes).
    const track = programme.getByLabel('Track', { exact: true });
    await track.selectOption({ label: 'Border technology' });
    await expect.poll(() => item.isHidden()).toBe(true);
    const shown = () =>
      programme
        .locator('li.session:visible')
        .evaluateAll((items) => [...new Set(items.map((i) => (i as HTMLElement).dataset.track))]);
    expect(await shown()).toEqual(['border-tech']);
    expect(await programme.locator('#filter-status').innerText()).toBe(
      `${demoSessions.filter((s) => s.trackId === 'border-tech').length} sessions shown`,
    );
    // A day without a session of the track loses its link too ("Data and analytics" has none on
    // one day of the demo agenda).
    await track.selectOption({ label: 'Data and analytics' });
    await expect.poll(() => shown()).toEqual(['data-analytics']);
    const dayLinks = () => programme.locator('nav.days li:visible').allInnerTexts();
    const dayHeadings = await programme.locator('section.day:visible h2').allInnerTexts();
    expect(dayHeadings.length).toBeLessThan(3);
    expect(await dayLinks()).toEqual(dayHeadings);
    await track.selectOption('');
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await dayLinks()).toHaveLength(3);

    // Star the keynote on its page, then find it in My agenda.
    await item.getByRole('link', { name: opening.title.en }).click();
    await programme.waitForURL(`${baseUrl}/programme/${opening.id}/`);
    await expect.poll(() => programme.locator('h1').innerText()).toBe(opening.title.en);
    const star = programme.locator(`button[data-star="${opening.id}"]`);
    expect(await star.getAttribute('aria-label')).toBe(`Add to my agenda: ${opening.title.en}`);
    await star.click();
    // Pressed, it says what pressing it again does, and its name still begins with its words.
    await expect.poll(() => star.getAttribute('aria-label')).toBe(`Remove from my agenda: ${opening.title.en}`);
    expect(await star.innerText()).toBe('★ Remove from my agenda');
    // Said too, for screen readers that do not announce a focused button's new name.
    const said = programme.getByRole('status').and(programme.locator('#star-status'));
    expect(await said.textContent()).toBe(`Added to my agenda: ${opening.title.en}`);
    await star.click();
    await expect.poll(() => said.textContent()).toBe(`Removed from my agenda: ${opening.title.en}`);
    await star.click();
    await expect.poll(() => star.getAttribute('aria-label')).toBe(`Remove from my agenda: ${opening.title.en}`);
    await clean(programme, 'session-en');

    await programme.goto(`${baseUrl}/my-agenda/`);
    await expect.poll(() => programme.locator('#my-agenda-list h3').allInnerTexts()).toEqual([opening.title.en]);
    // The room's words start where the title does: nothing of them is cut off on the left.
    const heading = await programme.locator('#my-agenda-list h3').boundingBox();
    const roomLeft = await programme.locator('#my-agenda-list .meta').evaluate((meta) => {
      const lefts: number[] = [];
      const texts = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const words = document.createRange();
        words.selectNodeContents(node);
        lefts.push(...[...words.getClientRects()].map((r) => r.left));
      }
      return Math.min(...lefts);
    });
    expect(heading && roomLeft >= heading.x).toBe(true);
    await clean(programme, 'my-agenda-en');

    await programme.goto(`${baseUrl}/speakers/`);
    await clean(programme, 'speakers-en');
    await programme.getByRole('link', { name: 'Amara Diallo' }).click();
    await programme.waitForURL(`${baseUrl}/speakers/amara-diallo/`);
    await clean(programme, 'speaker-en');

    // French: the same pages under /fr/.
    await programme.goto(`${baseUrl}/fr/programme/`);
    await expect.poll(() => programme.locator('#tz-label').innerText()).toBe('Heures de Lisbonne (UTC+1)');
    await clean(programme, 'programme-fr');
    await programme.goto(`${baseUrl}/fr/programme/${opening.id}/`);
    await expect.poll(() => programme.locator('h1').innerText()).toBe(opening.title.fr);
    await clean(programme, 'session-fr');
    await programme.goto(`${baseUrl}/fr/my-agenda/`);
    await expect.poll(() => programme.locator('#my-agenda-list h3').allInnerTexts()).toEqual([opening.title.fr]);
    await clean(programme, 'my-agenda-fr');
    await programme.goto(`${baseUrl}/fr/speakers/`);
    await clean(programme, 'speakers-fr');
    await programme.goto(`${baseUrl}/fr/speakers/amara-diallo/`);
    await clean(programme, 'speaker-fr');

    await page.goto(`${baseUrl}/fr/console/agenda/`);
    await page.locator('#signed-in-as').waitFor();
    await expect.poll(() => page.locator('#grid-heading').innerText()).toBe('Séances du mardi 8 juin 2027');
    await clean(page, 'console-agenda-fr');

    // The twin rebuilds the site after a publish (within 30 s on a quiet machine; a loaded
    // 2-core one takes longer): reload until the moved session is on the programme.
    await expect
      .poll(
        async () => {
          await programme.goto(`${baseUrl}/programme/`);
          return programme.locator('li.session', { hasText: TITLE }).locator('time').allInnerTexts();
        },
        { timeout: 240_000, interval: 2_000 },
      )
      .toEqual(['18:30–19:00']);
  });
});
