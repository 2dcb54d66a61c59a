import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, baseUrl, screenshot, signIn, useBrowser } from './browser.ts';
import { bearerOf, mails, manageToken, registerVerified } from './support-registrations.ts';

const viewports = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
type Viewport = keyof typeof viewports;

/** Texts compared with spaces of any kind (Intl uses no-break and narrow spaces) as plain spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const money = (amount: number, lang: string) =>
  plain(
    new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount),
  );

describe('home page', () => {
  const browser = useBrowser();

  for (const [lang, size] of [
    ['en', 'desktop'],
    ['en', 'phone'],
    ['fr', 'phone'],
  ] as [string, Viewport][]) {
    it(`puts the event's identity and a register button above the fold (${lang}, ${size})`, async () => {
      const page = await browser.newPage(viewports[size]);
      await page.goto(`${baseUrl}${lang === 'fr' ? '/fr/' : '/'}`);
      const register = page.locator('.hero').getByRole('link', { name: lang === 'fr' ? 'S’inscrire' : 'Register now' });
      const box = await register.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewports[size].viewport.height);
      expect(await page.locator('.figures li').allInnerTexts()).toEqual(
        lang === 'fr'
          ? ['1\u202f200\ndélégués attendus', '130+\npays et territoires', '70+\nexposants']
          : ['1,200\ndelegates expected', '130+\ncountries and territories', '70+\nexhibitors'],
      );
      // Every category card carries its state in words.
      await expect
        .poll(async () => (await page.locator('.categories .badge').allInnerTexts()).every((t) => t.length > 0))
        .toBe(true);
      if (size === 'phone') {
        // The compact menu opens without any script.
        await page.getByText('Menu', { exact: true }).click();
        await expect.poll(() => page.locator('.menu-phone a').first().isVisible()).toBe(true);
        // The sign-in menu opens within the screen (it once reached past its left edge in English).
        await page.locator('details.signin summary').click();
        const menu = page.locator('details.signin ul');
        await menu.waitFor();
        const signIn = (await menu.boundingBox())!;
        expect(signIn.x).toBeGreaterThanOrEqual(0);
        expect(signIn.x + signIn.width).toBeLessThanOrEqual(viewports[size].viewport.width);
      }
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `home-${lang}-${size}`);
    });
  }
});

describe('registering', () => {
  const browser = useBrowser();

  for (const [lang, size] of [
    ['en', 'desktop'],
    ['fr', 'phone'],
  ] as ['en' | 'fr', Viewport][]) {
    it(`answers a paid registration with what was booked (${lang}, ${size})`, async () => {
      const fr = lang === 'fr';
      const email = `paid.${lang}.${size}@customs.example.org`;
      const page = await browser.newPage(viewports[size]);
      await page.goto(`${baseUrl}${fr ? '/fr' : ''}/register/`);
      const categories = page.getByRole('radiogroup', {
        name: fr ? 'Catégorie d’inscription *' : 'Registration category *',
      });
      // Each choice says what it costs and who it is for; choosing one says what it means: a
      // review, a fee paid by transfer.
      const government = categories.getByRole('radio', {
        name: fr
          ? 'Délégués des douanes et des administrations · Gratuit'
          : 'Customs and government delegates · Free of charge',
      });
      expect(await page.locator('#category-customs-government-about').innerText()).toBe(
        fr
          ? 'Agents des administrations douanières et des autres administrations publiques.'
          : 'Officials of customs administrations and other government agencies.',
      );
      const info = page.locator('#categoryId-info');
      await government.check();
      await expect
        .poll(() => info.innerText())
        .toBe(
          fr
            ? 'Les organisateurs examinent chaque inscription de cette catégorie\u202f; nous vous écrirons pour vous informer de leur décision.'
            : 'The organisers review each registration in this category; we will write to you with their decision.',
        );
      await categories.locator('#category-private-sector').check();
      await expect
        .poll(() => info.innerText())
        .toBe(
          fr
            ? 'Payable par virement bancaire\u202f: la facture indique nos coordonnées bancaires et votre référence de paiement.'
            : 'Paid by bank transfer: the invoice carries our bank details and your payment reference.',
        );
      // Long names and fees wrap inside the page on a phone: nothing is cut.
      const overflow = await categories
        .locator('label')
        .evaluateAll(
          (labels) =>
            labels.filter((l) => l.scrollWidth > l.clientWidth || l.getBoundingClientRect().right > innerWidth).length,
        );
      expect(overflow).toBe(0);
      await screenshot(page, `register-${lang}-${size}`);
      await page.getByLabel(fr ? 'Prénom *' : 'First name *').fill('Paula');
      await page.getByLabel(fr ? 'Nom *' : 'Last name *', { exact: true }).fill('Payer');
      await page.getByLabel(fr ? 'Adresse électronique *' : 'Email address *').fill(email);
      await page.getByLabel('Organisation *').fill('Trade Systems SA');
      await page.getByLabel(fr ? 'Pays *' : 'Country *').selectOption('BE');
      await page.locator('#consent').check();
      await page.getByRole('button', { name: fr ? 'S’inscrire' : 'Register', exact: true }).click();

      const confirmation = page.locator('#confirmation');
      await confirmation.getByRole('heading', { name: fr ? 'Merci, Paula' : 'Thank you, Paula' }).waitFor();
      expect(await page.locator('#register-form').isHidden()).toBe(true);
      const terms = await confirmation.locator('dt').allInnerTexts();
      const values = (await confirmation.locator('dd').allInnerTexts()).map(plain);
      expect(terms).toEqual(
        fr ? ['Catégorie', 'Tarif', 'Dates', 'Lieu', 'État'] : ['Category', 'Fee', 'Dates', 'Venue', 'Status'],
      );
      expect(values).toEqual(
        fr
          ? [
              'Secteur privé',
              money(450, 'fr'),
              '8–10 juin 2027',
              'Centre de congrès de Lisbonne, Lisbonne, Portugal',
              'Place réservée, en attente de la confirmation de votre adresse',
            ]
          : [
              'Private sector',
              money(450, 'en'),
              plain('8\u2009–\u200910 June 2027'),
              'Lisbon Congress Centre, Lisbon, Portugal',
              'Place held, waiting for you to confirm your email address',
            ],
      );
      const steps = (await confirmation.locator('ol li').allInnerTexts()).map(plain);
      expect(steps[0]).toContain(email);
      expect(
        steps.some((s) => s.includes(money(450, lang)) && s.includes(fr ? 'virement bancaire' : 'bank transfer')),
      ).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `confirmation-${lang}-${size}`);

      // The mailed link opens the manage page: fee, payment due with its reference, the invoice.
      const { id, secret } = await manageToken(email);
      await page.goto(`${baseUrl}${fr ? '/fr' : ''}/registration/#token=${id}.${secret}`);
      await expect
        .poll(async () => page.locator('#manage-badges .badge').allInnerTexts())
        .toEqual(fr ? ['Confirmée', 'Paiement attendu'] : ['Confirmed', 'Payment due']);
      const details = plain(await page.locator('#manage-details').innerText());
      expect(details).toContain(money(450, lang));
      // In groups of four, as the mail writes it.
      expect(details).toMatch(/RF\d\d( [0-9A-Z]{4}){3}/);
      expect(
        await page
          .getByRole('button', { name: fr ? 'Télécharger la facture (PDF)' : 'Download the invoice (PDF)' })
          .isVisible(),
      ).toBe(true);
      const invoice = await fetch(`${baseUrl}/api/registrations/${id}/invoice.pdf`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect([invoice.status, invoice.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      // The bank transfer's details, on this first visit that confirmed the address too.
      expect(plain(await page.locator('#manage-pay .bank').innerText())).toContain('PT50 0002 0123 1234 5678 9015 4');
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `manage-${lang}-${size}`);

      // Cancelled, the registration owes nothing: no payment due, no pro forma, no bank details.
      await page.getByRole('button', { name: fr ? 'Annuler mon inscription' : 'Cancel my registration' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: fr ? 'Oui, annuler mon inscription' : 'Yes, cancel my registration' })
        .click();
      await expect
        .poll(async () => page.locator('#manage-badges .badge').allInnerTexts())
        .toEqual(fr ? ['Annulée'] : ['Cancelled']);
      const after = plain(await page.locator('#manage-details').innerText());
      expect(after).toContain(fr ? 'Rien à payer' : 'Nothing to pay');
      expect(after).not.toMatch(/RF\d\d/);
      expect(await page.locator('#m-invoice').isVisible()).toBe(false);
      expect(await page.locator('#manage-pay').isVisible()).toBe(false);
    });
  }

  it('does not let anyone choose a full category without a waiting list, in either language', async () => {
    const organiser = await browser.signedIn('organiser@example.org');
    const created = await fetch(`${baseUrl}/api/events/citce-2027/categories`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await bearerOf(organiser)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'press-briefing',
        name: { en: 'Press briefing', fr: 'Point presse' },
        capacity: 0,
        waitlist: false,
        requiresApproval: false,
      }),
    });
    expect(created.status).toBe(201);
    for (const [path, label] of [
      ['/register/', 'Press briefing · Free of charge (Full)'],
      ['/fr/register/', 'Point presse · Gratuit (Complet)'],
    ]) {
      const page = await browser.newPage(viewports.phone);
      await page.goto(`${baseUrl}${path}`);
      // Added after the build: the live state brings it in, disabled, with the reason.
      const option = page.locator('#category-press-briefing');
      await expect.poll(() => option.count()).toBe(1);
      const name = await page.locator('label[for="category-press-briefing"]').innerText();
      expect([plain(name), await option.isDisabled()]).toEqual([label, true]);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
  });
});

describe('lost link', () => {
  const browser = useBrowser();

  it('mails the link to a registered address and says the same for any address (en, fr)', async () => {
    await registerVerified('lost.link@customs.example.org', 'international-organisations', 'Lena', {
      client: '198.51.100.21',
    });
    const mailsTo = async (to: string) => (await mails()).filter((m) => m.to === to).length;
    const links = async () =>
      (await mails()).filter(
        (m) => m.to === 'lost.link@customs.example.org' && /^Your registration link/.test(m.subject),
      );
    expect(await links()).toEqual([]);
    for (const [path, email, sent] of [
      [
        '/registration/',
        'lost.link@customs.example.org',
        'If that address is registered, a link is on its way. Please check your inbox and spam folder.',
      ],
      [
        '/fr/registration/',
        'nobody.here@customs.example.org',
        'Si cette adresse est inscrite, un lien est en route. Consultez votre boîte de réception et vos indésirables.',
      ],
    ]) {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}${path}`);
      await page.locator('#lost-email').fill(email!);
      await page.locator('#lost-form button').click();
      await expect.poll(() => page.locator('#lost-outcome').innerText()).toBe(sent);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await expect.poll(async () => (await links()).length, { timeout: 15_000 }).toBe(1);
    expect((await links())[0]!.text).toMatch(/\/registration\/#token=/);
    expect(await mailsTo('nobody.here@customs.example.org')).toBe(0);
  });
});

describe('check-in desk', () => {
  const browser = useBrowser();

  for (const [size, lang] of [
    ['desktop', 'en'],
    ['phone', 'fr'],
  ] as [Viewport, 'en' | 'fr'][]) {
    it(`checks in by a typed lower-case code, then says already checked in (${size}, ${lang})`, async () => {
      const fr = lang === 'fr';
      const person = await registerVerified(
        `arriving.${size}@customs.example.org`,
        'international-organisations',
        'Omar',
        {
          lastName: `Arrives${size}`,
          client: size === 'phone' ? '198.51.100.31' : '198.51.100.32',
        },
      );
      expect(person.status).toBe('confirmed');
      const page = await browser.newPage(viewports[size]);
      await signIn(page, `${fr ? '/fr' : ''}/console/check-in/`, 'staff@example.org');
      const code = page.locator('#desk-code');
      await page.locator('#desk-code:focus').waitFor();
      // Lower case, with a space as people read codes out: both are fine.
      const typed = person.checkInCode.toLowerCase();
      await code.fill(`${typed.slice(0, 4)} ${typed.slice(4)}`);
      await code.press('Enter');
      const result = page.locator('#desk-result');
      await expect.poll(() => result.getAttribute('data-tone')).toBe('ok');
      expect((await result.innerText()).split('\n').filter(Boolean)).toEqual([
        fr ? 'Arrivée enregistrée' : 'Checked in',
        `Omar Arrives${size}`,
        fr
          ? 'Kenya Revenue Authority · Organisations internationales'
          : 'Kenya Revenue Authority · International organisations',
      ]);
      // Ready for the next person.
      expect(await code.inputValue()).toBe('');
      expect(await code.evaluate((node) => node === document.activeElement)).toBe(true);
      await expect
        .poll(() => page.locator('#desk-count').innerText())
        .toMatch(fr ? /^Arrivées\u202f: \d+ sur \d+$/ : /checked in/);
      await screenshot(page, `desk-${size}`);

      await code.fill(person.checkInCode);
      await code.press('Enter');
      await expect.poll(() => result.getAttribute('data-tone')).toBe('already');
      expect((await result.innerText()).split('\n')[0]).toMatch(
        fr ? /^Arrivée déjà enregistrée à \d\d:\d\d$/ : /^Already checked in at \d\d:\d\d$/,
      );
      await screenshot(page, `desk-already-${size}`);

      await code.fill('zz99zz99');
      await code.press('Enter');
      await expect.poll(() => result.getAttribute('data-tone')).toBe('bad');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }

  it('finds a person by name and checks them in from the list', async () => {
    await registerVerified('searchable@customs.example.org', 'international-organisations', 'Sigrid', {
      lastName: 'Searchable',
      client: '198.51.100.33',
    });
    const page = await browser.newPage(viewports.phone);
    await signIn(page, '/console/check-in/', 'staff@example.org');
    // The desk's code loads after sign-in and then puts the focus in its code field; a search
    // sent before that would be the form's own submit, which reloads the page.
    await page.locator('#desk-code:focus').waitFor();
    await page.locator('#desk-q').fill('Searchable');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Check in Sigrid Searchable' }).click();
    await expect.poll(() => page.locator('#desk-result').getAttribute('data-tone')).toBe('ok');
    expect((await page.locator('#desk-result').innerText()).split('\n').filter(Boolean)[1]).toBe('Sigrid Searchable');
  });
});

describe('console dashboard', () => {
  const browser = useBrowser();

  for (const size of ['desktop', 'phone'] as Viewport[]) {
    it(`stays readable on a ${size}`, async () => {
      const page = await browser.newPage(viewports[size]);
      await signIn(page, '/console/', 'organiser@example.org');
      await page.locator('#console-body .stats').waitFor();
      // Charts carry their numbers as text: each bar is a labelled list item.
      await expect.poll(() => page.locator('.bars li').count()).toBeGreaterThan(0);
      expect(await page.locator('.bars li').first().getAttribute('aria-label')).toMatch(/^.+: \d+$/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `console-dashboard-${size}`);
    });
  }
});
