import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, baseUrl, screenshotsAtBothWidths, useBrowser } from './browser.ts';

type Mail = { to: string; subject: string; text: string };

const mails = async () => (await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as Mail[];
async function mailTo(email: string, subject: RegExp): Promise<Mail> {
  await expect
    .poll(async () => (await mails()).some((m) => m.to === email && subject.test(m.subject)), { timeout: 15_000 })
    .toBe(true);
  return (await mails()).find((m) => m.to === email && subject.test(m.subject))!;
}
const manageLink = (mail: Mail) => /(http\S+\/registration\/#token=\S+)/.exec(mail.text)![1]!;
/** The registration id and secret a manage link carries in its fragment. */
const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token')!.split('.');

async function fillForm(
  page: Page,
  fields: { category: string; first: string; last: string; email: string; organisation: string; country: string },
  fr = false,
) {
  const categories = page.getByRole('radiogroup', {
    name: fr ? 'Catégorie d’inscription *' : 'Registration category *',
  });
  await categories.locator(`#category-${fields.category}`).check();
  await page.getByLabel(fr ? 'Prénom *' : 'First name *').fill(fields.first);
  await page.getByLabel(fr ? 'Nom *' : 'Last name *', { exact: true }).fill(fields.last);
  await page.getByLabel(fr ? 'Adresse électronique *' : 'Email address *').fill(fields.email);
  await page.getByLabel(fr ? 'Organisation *' : 'Organisation *').fill(fields.organisation);
  await page.getByLabel(fr ? 'Pays *' : 'Country *').selectOption(fields.country);
  await page.locator('#consent').check();
}

describe('registering and managing a registration', () => {
  const browser = useBrowser();

  it('shows accessible inline errors for an incomplete form', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/register/`);
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.locator('#error-summary li').count()).toBe(7);
    await expect
      .poll(() => page.locator('[aria-invalid="true"]').evaluateAll((c) => c.map((e) => e.id)))
      .toEqual(['categoryId', 'firstName', 'lastName', 'email', 'organisation', 'country', 'consent']);
    await expect.poll(() => page.locator('#firstName-error').innerText()).toBe('Required');
    await expect.poll(() => page.locator('#email-error').innerText()).toBe('Required');
    // The consent's label is a sentence: its summary line names it briefly.
    expect(await page.locator('#error-summary li').last().innerText()).toBe('Privacy consent: Required');
    // A field put right loses its message at once.
    await page.locator('#category-private-sector').check();
    await expect.poll(() => page.locator('#categoryId-error').isHidden()).toBe(true);
    expect(await page.locator('#categoryId').getAttribute('aria-invalid')).toBeNull();
    // Its message sits under the checkbox, before the link to the notice.
    expect(await page.locator('#consent-error').evaluate((e) => e.nextElementSibling?.id)).toBe('consent-privacy');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('registers in French, mails the manage link, and cancels from it', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/fr/register/`);
    await fillForm(
      page,
      {
        category: 'academia',
        first: 'Amélie',
        last: 'Durand',
        email: 'amelie.durand@univ.example.fr',
        organisation: 'Université',
        country: 'FR',
      },
      true,
    );
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await expect
      .poll(() => page.locator('#confirmation dd').last().innerText())
      .toBe('Place réservée, en attente de la confirmation de votre adresse');

    // Opening the mailed link confirms the address; the token leaves the address bar.
    const mail = await mailTo('amelie.durand@univ.example.fr', /Confirmez votre inscription/);
    await page.goto(manageLink(mail));
    await expect
      .poll(() => page.locator('#manage-badges .badge').allInnerTexts())
      .toEqual(['Confirmée', 'Paiement attendu']);
    // Said once, by the badge: not again as a row.
    expect(await page.locator('#manage-details dt').allInnerTexts()).not.toContain('Statut');
    await expect
      .poll(() => page.locator('#manage-status').innerText())
      .toBe('Merci\u202f: votre adresse est confirmée.');
    expect([new URL(page.url()).search, new URL(page.url()).hash]).toEqual(['', '']);
    await mailTo('amelie.durand@univ.example.fr', /Inscription confirmée/);
    await expect
      .poll(() => page.locator('#manage-qr svg').getAttribute('aria-label'))
      .toMatch(/^Code QR d’enregistrement\u202f: [0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await page.locator('#manage-qr .qr-caption').innerText()).toBe('Présentez ce code à l’accueil.');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A change the rules refuse is said under its field, in French: a missing organisation
    // before anything is sent, a name the API refuses (digits) from its answer.
    const save = page.getByRole('button', { name: 'Enregistrer les modifications' });
    const organisation = page.locator('#m-organisation');
    await organisation.fill('');
    await save.click();
    await expect.poll(() => page.locator('#m-organisation-error').innerText()).toBe('Obligatoire');
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    expect(await organisation.evaluate((node) => node === document.activeElement)).toBe(true);
    await organisation.fill('Université de Lille');
    await page.locator('#m-firstName').fill('Amélie 2');
    await save.click();
    await expect.poll(() => page.locator('#m-firstName-error').innerText()).toBe('Vérifiez ce champ');
    await screenshotsAtBothWidths(page, 'fr-manage-field-error');
    expect(await page.locator('#m-organisation-error').isHidden()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('#m-firstName').fill('Amélie');
    await save.click();
    await expect.poll(() => page.locator('#manage-status').innerText()).toBe('Vos modifications sont enregistrées.');
    expect(await page.locator('#m-firstName-error').isHidden()).toBe(true);
    expect(await organisation.inputValue()).toBe('Université de Lille');

    expect(await page.getByRole('form', { name: 'Modifier vos informations' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
    // Asked in the page, with answers that say what they do (the browser's own box would say « Annuler » to keep it).
    const question = page.getByRole('dialog', { name: /^Annuler votre inscription/ });
    await question.getByRole('button', { name: 'Garder mon inscription' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotsAtBothWidths(page, 'fr-manage-cancel-question', { fullPage: false });
    await question.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await expect.poll(() => page.locator('#manage-status').innerText()).toBe('Votre inscription est annulée.');
    await mailTo('amelie.durand@univ.example.fr', /Inscription annulée/);
    // An ended registration offers the way back to the form.
    expect(await page.locator('#manage-ended a').getAttribute('href')).toBe('/fr/register/');
    expect(await page.locator('#manage-ended a').innerText()).toBe('S’inscrire de nouveau');

    // Erasing asks too; the keeping answer has the focus, and Escape keeps everything.
    const erase = page.getByRole('button', { name: 'Effacer mes données' });
    await erase.click();
    // Cancelled already: no place left to give, and the question does not say there is.
    const eraseQuestion = page.getByRole('dialog', { name: 'Effacer toutes vos données\u202f? C’est définitif.' });
    const keep = eraseQuestion.getByRole('button', { name: 'Garder mes données' });
    await expect.poll(() => keep.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => eraseQuestion.count()).toBe(0);
    expect(await page.locator('#manage-details').isVisible()).toBe(true);
    await erase.click();
    await eraseQuestion.getByRole('button', { name: 'Oui, effacer mes données' }).click();
    await expect.poll(() => page.locator('#manage-status').innerText()).toBe('Vos données ont été effacées.');
    expect(await page.locator('#manage-details').isHidden()).toBe(true);
  });

  it('puts the next person on the waiting list, and gives them the seat freed by a cancellation', async () => {
    const fill = Array.from({ length: 25 }, (_, n) =>
      fetch(`${baseUrl}/api/events/citce-2027/registrations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `workshop-filler-${n}`,
          'x-forwarded-for': `192.0.2.${n}`,
        },
        body: JSON.stringify({
          categoryId: 'pre-conference-workshop',
          firstName: 'Filler',
          lastName: 'Delegate',
          email: `filler${n}@example.org`,
          organisation: 'Customs',
          country: 'BE',
          consent: { privacy: true },
        }),
      }),
    );
    expect((await Promise.all(fill)).map((r) => r.status)).toEqual(Array(25).fill(201));

    const page = await browser.newPage();
    await page.goto(`${baseUrl}/register/`);
    await fillForm(page, {
      category: 'pre-conference-workshop',
      first: 'Wanda',
      last: 'Waits',
      email: 'wanda@customs.example.org',
      organisation: 'Customs',
      country: 'KE',
    });
    await page.getByRole('button', { name: 'Register' }).click();
    await expect
      .poll(() => page.locator('#confirmation dd').last().innerText())
      .toBe('Number 1 on the waiting list, waiting for you to confirm your email address');
    const wandaLink = manageLink(await mailTo('wanda@customs.example.org', /Confirm your place on the waiting list/));
    // Someone behind her confirms their address: their page says where they stand, once as a
    // badge and once as their place in the queue.
    const behind = await fetch(`${baseUrl}/api/events/citce-2027/registrations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'workshop-xavier',
        'x-forwarded-for': '192.0.2.40',
      },
      body: JSON.stringify({
        categoryId: 'pre-conference-workshop',
        firstName: 'Xavier',
        lastName: 'Behind',
        email: 'xavier@customs.example.org',
        organisation: 'Customs',
        country: 'BE',
        consent: { privacy: true },
      }),
    });
    expect(behind.status).toBe(201);
    const xavier = await browser.newPage();
    await xavier.goto(manageLink(await mailTo('xavier@customs.example.org', /Confirm your place on the waiting list/)));
    await expect.poll(() => xavier.locator('#manage-badges .badge').allInnerTexts()).toEqual(['Waiting list']);
    const rows = await xavier
      .locator('#manage-details')
      .evaluate((dl) =>
        [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`),
      );
    expect(rows[0]).toBe('Status: Number 2 on the waiting list');

    // Filler 0 cancels through their own link; the seat goes to Wanda.
    const link = manageLink(await mailTo('filler0@example.org', /Confirm your registration/));
    const [id, secret] = tokenOf(link);
    const cancelled = await fetch(`${baseUrl}/api/registrations/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled');
    await mailTo('wanda@customs.example.org', /A place is now yours/);

    await page.goto(wandaLink);
    // With the seat comes the fee of her category.
    await expect
      .poll(() => page.locator('#manage-badges .badge').allInnerTexts())
      .toEqual(['Confirmed', 'Payment due']);
  });
});
