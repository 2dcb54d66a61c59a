/**
 * The four journeys of the quality gates with the keyboard only, in Chromium: after the first
 * `page.goto` every interaction is a key (Tab, Shift+Tab, Enter, Space, arrows, typing): no
 * click, no fill. Each step checks where the focus lands, that Tab never gets stuck (no
 * keyboard trap) and that every control it passes shows its focus (test/e2e/keyboard.ts).
 *
 * Languages and input modes are crossed, so both languages and both modes are covered without
 * running every journey four times: the pointer versions of journeys 2–4 run in English
 * (agenda.test.ts, exhibition.test.ts, console.test.ts, experience.test.ts), so their keyboard
 * versions here run in French; the pointer version of journey 1 (register, verify, cancel)
 * runs in French (registration.test.ts), so its keyboard version here runs in English.
 *
 * Signing in through the local OpenID provider uses the shared helper: it is not the journey
 * under test. Opening the mailed manage link is a `page.goto`, as a mail client would open it.
 * One browser serves the whole file and the organiser signs in once; axe (WCAG 2.2 AA) runs on
 * the states the pointer tests do not reach: the French console with a registration to
 * approve, a profile to review, the session form and the publish dialog, the portal's preview.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, baseUrl, launchBrowser, signIn } from './browser.ts';
import { type Focused, keyboardOf } from './keyboard.ts';
import { mailTo, manageToken, registerVerified } from './support-registrations.ts';

const desktop = { viewport: { width: 1280, height: 900 } };
/** A narrow no-break space, as French typography puts before a colon. */
const nb = '\u202f';

/** A link of the console's own navigation (the site's header has links of the same names). */
const consoleLink = (name: string) => (f: Focused) => f.tag === 'a' && f.name === name && f.within === 'Console';

describe('journeys with the keyboard only', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let organiser: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext(desktop);
    context.setDefaultTimeout(60_000);
    contexts.push(context);
    return context.newPage();
  }

  /** The organiser's page, signed in once for the whole file (French console). */
  async function organiserPage(startPath: string): Promise<Page> {
    if (!organiser) {
      organiser = await newPage();
      await signIn(organiser, startPath, 'organiser@example.org');
    } else {
      await organiser.goto(`${baseUrl}${startPath}`);
      await organiser.locator('#signed-in-as').waitFor();
    }
    return organiser;
  }

  // 1. Register, verify by the mailed link, change a detail, cancel: English (pointer: French).
  it('an attendee registers, verifies, changes a detail and cancels (en, keyboard)', async () => {
    const email = 'kim.keys@customs.example.org';
    const page = await newPage();
    const keys = keyboardOf(page);
    await page.goto(`${baseUrl}/register/`);
    await page.locator('#register-form').waitFor();

    // Tab enters the categories at the first choice; the arrows move through them and choose.
    await keys.tabTo(/^Customs and government delegates · /);
    const chosen = () => page.locator('input[name=categoryId]:checked').getAttribute('value');
    for (let moves = 0; moves < 8 && (await page.locator('#category-academia:checked').count()) === 0; moves += 1) {
      await keys.press('ArrowDown');
    }
    expect(await chosen()).toBe('academia');
    await keys.tabTo(/^First name \*/);
    await keys.type('Kim');
    await keys.tabTo(/^Last name \*/);
    await keys.type('Keys');
    await keys.tabTo(/^Email address \*/);
    await keys.type(email);
    await keys.tabTo(/^Organisation \*/);
    await keys.type('Kenya Revenue Authority');
    await keys.tabTo(/^Country \*/);
    await keys.type('Kenya');
    expect(await page.locator('#country').inputValue()).toBe('KE');
    await keys.tabTo(/^I have read the privacy notice/);
    await keys.press('Space');
    expect(await page.locator('#consent').isChecked()).toBe(true);
    await keys.tabTo('Register');
    await keys.press('Enter');
    // The confirmation takes the focus, so a screen reader reads it next.
    await keys.expectFocus('Thank you, Kim');
    await expect
      .poll(() => page.locator('#confirmation dd').last().innerText())
      .toBe('Place held, waiting for you to confirm your email address');

    // The mailed link verifies the address and says so where the focus is.
    const { id, secret } = await manageToken(email);
    await page.goto(`${baseUrl}/registration/#token=${id}.${secret}`);
    await keys.expectFocus('Thank you: your address is confirmed.');
    // A name and a country corrected, a job title added, a visa letter asked for.
    await keys.tabTo(/^Last name \*/);
    await keys.replace('Keys-Mwangi');
    await keys.tabTo(/^Country \*/);
    await keys.type('Uganda');
    await keys.tabTo(/^Job title/);
    await keys.type('Risk analyst');
    await keys.tabTo('I need a visa invitation letter');
    await keys.press('Space');
    await keys.tabTo('Save changes');
    await keys.press('Enter');
    await keys.expectFocus('Your changes are saved.');
    const saved = await fetch(`${baseUrl}/api/registrations/${id}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(await saved.json()).toMatchObject({
      lastName: 'Keys-Mwangi',
      country: 'UG',
      jobTitle: 'Risk analyst',
      visaLetter: true,
    });
    await expect.poll(() => page.locator('#manage-details').innerText()).toContain('Visa invitation letter\nRequested');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The question opens in the page with the focus on keeping the registration.
    await keys.tabTo('Cancel my registration');
    await keys.press('Enter');
    await keys.expectFocus('Keep my registration');
    await keys.tabTo('Yes, cancel my registration');
    await keys.press('Enter');
    await keys.expectFocus('Your registration is cancelled.');
    await mailTo(email, /Registration cancelled/);
    expect([...keys.unseen]).toEqual([]);
  });

  // 2. Star sessions on the programme, download My agenda: French (pointer: English).
  it('an attendee stars sessions and downloads their agenda (fr, keyboard)', async () => {
    const page = await newPage();
    const keys = keyboardOf(page);
    await page.goto(`${baseUrl}/fr/programme/`);
    await page.locator('button.star').first().waitFor();

    const starred: string[] = [];
    for (const key of ['Space', 'Enter']) {
      const star = await keys.tabTo(/^Ajouter à mon agenda\u202f: /);
      await keys.press(key);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe(star.name.replace('Ajouter à mon agenda', 'Retirer de mon agenda'));
      expect(await page.locator('#star-status').textContent()).toBe(
        star.name.replace('Ajouter à mon agenda', 'Ajouté à mon agenda'),
      );
      starred.push(star.name.replace('Ajouter à mon agenda\u202f: ', ''));
    }
    // Back up to the site's menu, then to My agenda.
    await keys.tabTo((f) => f.tag === 'a' && f.name === 'Mon agenda', { back: true });
    await keys.press('Enter');
    await page.waitForURL(`${baseUrl}/fr/my-agenda/`);
    await expect.poll(() => page.locator('#my-agenda-list h3').allInnerTexts()).toEqual(starred);
    await keys.tabTo('Télécharger mon agenda (.ics)');
    const downloading = page.waitForEvent('download');
    await keys.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('citce-2027-my-agenda.ics');
    // Unfold the calendar's long lines before reading its summaries.
    const ics = (await readFile(await download.path(), 'utf8')).replace(/\r?\n[ \t]/g, '');
    const summaries = [...ics.matchAll(/^SUMMARY[^:]*:(.*)$/gm)].map((m) => m[1]!.replace(/\\([,;\\])/g, '$1').trim());
    // Where: the room and the venue, as the API's calendars say it.
    expect(ics).toMatch(
      /^LOCATION:[^\r\n]+\\, Centre de congrès de Lisbonne\\, Praça das Indústrias 1\\, Lisbonne\r?$/m,
    );
    expect(summaries).toEqual(starred);
    expect([...keys.unseen]).toEqual([]);
  });

  // 3. The sponsor edits and submits the profile: French (pointer: English).
  it('a sponsor edits, previews and submits the profile (fr, keyboard)', async () => {
    const text = 'Borealis présente ses scanners au clavier.';
    const page = await newPage();
    await signIn(page, '/fr/portal/', 'sponsor-b@example.org');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Borealis Scanning']);
    const keys = keyboardOf(page);

    await keys.tabTo(/^Description \(français, Markdown\)/);
    await keys.replace(text);
    await keys.tabTo('Aperçu tel que le public le verra');
    await keys.press('Enter');
    await keys.expectFocus((f) => f.tag === 'h4');
    await expect.poll(() => page.locator('.preview .public-text[lang="fr"]').innerText()).toBe(text);
    expect(await accessibilityViolations(page)).toEqual([]);
    await keys.tabTo('Soumettre pour examen', { back: true });
    await keys.press('Enter');
    await expect
      .poll(() => page.locator('.profile-form .feedback').innerText())
      .toBe('Soumis pour examen. Le public voit la version en ligne jusqu’à l’approbation des organisateurs.');
    await expect.poll(() => page.locator('.state strong').innerText()).toBe('En cours d’examen');
    await keys.expectFocus('Soumettre pour examen');
    expect([...keys.unseen]).toEqual([]);
  });

  // 4. The organiser: approve a registration and the profile, edit and publish the agenda,
  // check someone in at the desk. French (pointer: English). One sign-in for all of it.
  it('an organiser approves a registration and a sponsor profile (fr, keyboard)', async () => {
    const pending = await registerVerified('nadia.approuvable@douane.example.fr', 'customs-government', 'Nadia', {
      lastName: 'Approuvable',
      country: 'FR',
      client: '198.51.100.61',
    });
    expect(pending.status).toBe('pending');
    const page = await organiserPage('/fr/console/registrations/');
    const keys = keyboardOf(page);
    await page.locator('#registrations').waitFor();

    await keys.tabTo(/^Recherche/);
    await keys.type('Approuvable');
    await keys.press('Enter'); // submits the filters
    await expect
      .poll(() => page.locator('#registrations tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining('Nadia Approuvable')]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await keys.tabTo(`Approuver${nb}: Nadia Approuvable`);
    await keys.press('Enter');
    await expect.poll(() => page.locator('#console-status').innerText()).toBe(`Approuvée${nb}: Nadia Approuvable`);
    await expect.poll(() => page.locator('#registrations tbody .badge').allInnerTexts()).toEqual(['Approuvée']);
    // The list is drawn again: the focus stays in Nadia's row, not back at the top of the page.
    await keys.expectFocus((f) => f.tag === 'button' && f.name.endsWith(`${nb}: Nadia Approuvable`));

    // On to the sponsors' page by the console's navigation; approve Borealis (journey 3).
    await keys.tabTo(consoleLink('Sponsors'), { back: true });
    await keys.press('Enter');
    await page.waitForURL(`${baseUrl}/fr/console/sponsors/`);
    const item = page.locator('.review-item', { hasText: 'Borealis Scanning' });
    await item.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await keys.tabTo('Approuver et publier Borealis Scanning');
    await keys.press('Enter');
    await expect
      .poll(() => page.locator('#review-heading + .feedback').innerText())
      .toBe(`Borealis Scanning approuvé${nb}: les pages publiques seront mises à jour sous peu.`);
    // The item leaves the queue with the button: the focus goes to the outcome, read out.
    await expect.poll(() => item.count()).toBe(0);
    await keys.expectFocus(`Borealis Scanning approuvé${nb}: les pages publiques seront mises à jour sous peu.`);
    expect([...keys.unseen]).toEqual([]);
  });

  it('an organiser adds and moves a session, then publishes the agenda (fr, keyboard)', async () => {
    const title = { en: 'Keyboard clinic', fr: 'Atelier au clavier' };
    const page = await organiserPage('/fr/console/');
    const keys = keyboardOf(page);
    await keys.tabTo(consoleLink('Programme'));
    await keys.press('Enter');
    await page.waitForURL(`${baseUrl}/fr/console/agenda/`);
    await page.locator('#grid-heading').waitFor();

    await keys.tabTo('Nouvelle séance');
    await keys.press('Enter');
    // The dialog opens on its first field; Tab stays inside it.
    await keys.expectFocus(/^Titre \(anglais\)/);
    await keys.type(title.en);
    await keys.tabTo(/^Titre \(français\)/);
    await keys.type(title.fr);
    // Date and time fields take their parts in turn (month, day, year; Tab; hours, minutes).
    for (const [label, time] of [
      [/^Début/, '1400'],
      [/^Fin/, '1430'],
    ] as const) {
      await keys.tabTo(label);
      await keys.type('06102027');
      await keys.press('Tab');
      await keys.type(time);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
        `2027-06-10T${time.slice(0, 2)}:${time.slice(2)}`,
      );
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await keys.tabTo('Enregistrer');
    await keys.press('Enter');
    await expect.poll(() => page.locator('#editor-status').innerText()).toMatch(/^Ajouté : /);

    // The new session has the focus in its day's grid: one row down, Enter saves.
    const block = await keys.expectFocus((f) => f.tag === 'button' && f.name.includes(title.fr));
    expect(block.name).toContain(title.fr);
    await keys.press('ArrowDown');
    await expect.poll(() => page.locator('#move-live').innerText()).toContain('14:15–14:45');
    await keys.press('Enter');
    await expect.poll(() => page.locator('#editor-status').innerText()).toMatch(/^Enregistré : /);
    await keys.expectFocus((f) => f.name.includes(title.fr));

    await keys.tabTo('Publier…', { back: true });
    await keys.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publier le programme' });
    await expect.poll(() => dialog.innerText()).toContain(title.fr);
    expect(await accessibilityViolations(page)).toEqual([]);
    await keys.tabTo(/^Publier la version \d+$/);
    await keys.press('Enter');
    await expect.poll(() => page.locator('#editor-status').innerText()).toMatch(/^La version \d+ est publiée\./);
    // The dialog gives the focus back to the button that opened it.
    await keys.expectFocus('Publier…');
    // Another day: its button keeps the focus, since that day does not have the selected session.
    await keys.tabTo('mardi 8 juin 2027', { back: true });
    await keys.press('Enter');
    await expect.poll(() => page.locator('#grid-heading').innerText()).toBe('Séances du mardi 8 juin 2027');
    await keys.expectFocus('mardi 8 juin 2027');
    expect([...keys.unseen]).toEqual([]);
  });

  it('an organiser checks an attendee in at the desk (fr, keyboard)', async () => {
    const person = await registerVerified('tariq.arrive@douane.example.fr', 'international-organisations', 'Tariq', {
      lastName: 'Arrive',
      client: '198.51.100.62',
    });
    const page = await organiserPage('/fr/console/');
    const keys = keyboardOf(page);
    await keys.tabTo(consoleLink('Accueil'));
    await keys.press('Enter');
    await page.waitForURL(`${baseUrl}/fr/console/check-in/`);
    // The desk opens with the focus in its code field.
    await keys.expectFocus('Code d’enregistrement');
    await keys.type(person.checkInCode.toLowerCase());
    await keys.press('Enter');
    const result = page.locator('#desk-result');
    await expect.poll(() => result.getAttribute('data-tone')).toBe('ok');
    expect((await result.innerText()).split('\n').filter(Boolean).slice(0, 2)).toEqual([
      'Arrivée enregistrée',
      'Tariq Arrive',
    ]);
    // Ready for the next person, as by pointer.
    await keys.expectFocus('Code d’enregistrement');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect([...keys.unseen]).toEqual([]);
  });
});
