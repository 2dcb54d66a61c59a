/** Attendee mail (text, HTML, QR code, .ics) and invoice PDFs, rendered without DynamoDB. */
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { invoicePdf } from '../../functions/registrations/invoices.ts';
import type { StoredRegistration } from '../../functions/registrations/keys.ts';
import { composeMail } from '../../functions/registrations/mails.ts';
import { demoEvent } from '../../local/demo-conference.ts';

const NOW = new Date('2027-01-10T10:00:00Z');
const MANAGE = 'https://site.example/registration/#token=reg-1.secret';

const person = (more: Partial<StoredRegistration> = {}) =>
  ({
    id: '7f1c1c1e-7a4f-4c2a-9a43-1d3b7d8f0a11',
    eventId: demoEvent.id,
    categoryId: 'private-sector',
    status: 'confirmed',
    firstName: '<b>Ana</b> & "Co"',
    lastName: 'Silva',
    email: 'ana@example.org',
    organisation: 'Autoridade Tributária <script>',
    country: 'PT',
    preferredLanguage: 'en',
    checkInCode: 'K7M2P9XQ',
    payment: { status: 'due', amount: 45000, currency: 'EUR', reference: 'RF20AAAA00000001', dueDate: '2027-01-24' },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...more,
  }) as StoredRegistration;

const ctx = {
  event: demoEvent,
  category: { name: { en: 'Private sector', fr: 'Secteur privé' }, price: { amount: 45000, currency: 'EUR' } },
};

describe('attendee mail', () => {
  it('says everything in text and HTML, escapes what the attendee typed, and carries code, QR, link and .ics', () => {
    const mail = composeMail(NOW, person(), 'confirmed', ctx, { manageUrl: MANAGE });
    expect(mail.subject).toBe('Registration confirmed: Customs IT Conference & Exhibition 2027');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('K7M2P9XQ');
      expect(part).toContain('8 – 10 June 2027');
      expect(part).toContain('Lisbon Congress Centre, Praça das Indústrias 1, Lisbon, Portugal');
      expect(part).toContain('Private sector');
      expect(part).toContain('Confirmed');
      expect(part).toContain('EUR 450.00');
      expect(part).toContain('RF20 AAAA 0000 0001');
      expect(part).toContain('PT50 0002 0123 1234 5678 9015 4');
    }
    expect(mail.text).toContain(`View, change or cancel your registration: ${MANAGE}`);
    expect(mail.text).toContain('Dear <b>Ana</b> & "Co",');
    expect(mail.html).toContain('Dear &lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Co&quot;,');
    expect(mail.html).not.toContain('<b>Ana');
    expect(mail.html).toContain(`<a href="${MANAGE}"`);
    expect(mail.html).toContain(`<img src="cid:qr-${person().id}@conference"`);
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.contentId])).toEqual([
      ['check-in-code.png', 'image/png', `qr-${person().id}@conference`],
      ['citce-2027.ics', 'text/calendar; charset=utf-8; method=PUBLISH', undefined],
    ]);
    const png = Buffer.from(mail.attachments[0]?.content ?? '', 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const ics = Buffer.from(mail.attachments[1]?.content ?? '', 'base64').toString('utf8');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270608\r\nDTEND;VALUE=DATE:20270611\r\n');
    expect(ics).toContain('LOCATION:Lisbon Congress Centre\\, Praça das Indústrias 1\\, Lisbon\\, PT');
    expect(ics).toContain('SUMMARY:Customs IT Conference & Exhibition 2027');
  });

  it('writes in the attendee’s language', () => {
    const mail = composeMail(NOW, person({ preferredLanguage: 'fr' }), 'promoted', ctx, {
      manageUrl: MANAGE,
      status: 'confirmed',
    });
    expect(mail.subject).toBe('Une place vous revient\u202f: Conférence et exposition sur les TI douanières 2027');
    // A French sentence names the event: its article depends on the name, which no template knows.
    expect(mail.text).toContain(
      'Une place à l’événement «\u00a0Conférence et exposition sur les TI douanières 2027\u00a0» s’est libérée et vous revient.',
    );
    expect(mail.text).toContain('Statut');
    expect(mail.text).toContain('Confirmée');
    expect(mail.text).toContain('450,00 EUR');
    expect(mail.text).toContain('Secteur privé');
    expect(mail.text).toContain('Centre de congrès de Lisbonne, Praça das Indústrias 1, Lisbonne, Portugal');
    expect(mail.html).toContain('<html lang="fr">');
    // Unfolded: iCalendar folds lines longer than 75 octets.
    const ics = Buffer.from(mail.attachments[1]?.content ?? '', 'base64')
      .toString('utf8')
      .replace(/\r\n /g, '');
    expect(ics).toContain('LOCATION:Centre de congrès de Lisbonne\\, Praça das Indústrias 1\\, Lisbonne\\, PT');
  });

  it('sends no check-in code or calendar to a registration the desk would not admit, but always the link', () => {
    const waiting = composeMail(NOW, person({ status: 'waitlisted' }), 'waitlisted', ctx, {
      manageUrl: MANAGE,
      position: 3,
    });
    expect(waiting.text).not.toContain('K7M2P9XQ');
    expect(waiting.attachments.map((a) => a.filename)).toEqual(['citce-2027.ics']);
    const cancelled = composeMail(NOW, person(), 'cancelled', ctx, { manageUrl: MANAGE });
    expect(cancelled.text).not.toContain('K7M2P9XQ');
    expect(cancelled.text).not.toContain('RF20');
    expect(cancelled.attachments).toEqual([]);
    expect(cancelled.html).toContain(`<a href="${MANAGE}"`);
    // The fee was due; a cancelled registration owes nothing, and the mail says so, with no amount beside it.
    expect(cancelled.text).toMatch(/^Payment: +Nothing to pay$/m);
    expect(cancelled.text).not.toContain('Due');
    expect(cancelled.text).not.toContain('Amount');
    // Its page can be read, no longer changed or cancelled.
    expect(cancelled.text).toContain(`View your registration: ${MANAGE}`);
    expect(cancelled.html).toContain('>View your registration</a>');
    const french = composeMail(NOW, person({ preferredLanguage: 'fr' }), 'cancelled', ctx, { manageUrl: MANAGE });
    expect(french.text).toContain(`Consulter votre inscription\u202f: ${MANAGE}`);
    expect(french.text).not.toContain('Montant');
  });

  it('says a visa invitation letter was asked for, while the registration runs', () => {
    const asked = composeMail(NOW, person({ visaLetter: true }), 'confirmed', ctx, { manageUrl: MANAGE });
    expect(asked.text).toMatch(/^Visa invitation letter: +Requested$/m);
    expect(composeMail(NOW, person(), 'confirmed', ctx, { manageUrl: MANAGE }).text).not.toContain('Visa');
    const fr = composeMail(NOW, person({ visaLetter: true, preferredLanguage: 'fr' }), 'confirmed', ctx, {});
    expect(fr.text).toMatch(/^Lettre d’invitation pour un visa\u202f: +Demandée$/m);
  });

  it('labels the first mail’s link as the confirmation it is, and writes French colons', () => {
    const verify = composeMail(NOW, person({ status: 'unverified' }), 'verify', ctx, { manageUrl: MANAGE });
    expect(verify.text).toContain(`Confirm my address: ${MANAGE}`);
    expect(verify.html).toContain('>Confirm my address</a>');
    const confirmed = composeMail(NOW, person(), 'confirmed', ctx, { manageUrl: MANAGE });
    expect(confirmed.html).toContain('>View, change or cancel your registration</a>');
    const french = composeMail(NOW, person({ status: 'unverified', preferredLanguage: 'fr' }), 'verify', ctx, {
      manageUrl: MANAGE,
      heldUntil: '2026-12-01T00:19:00.000Z',
    });
    expect(french.text).toContain(`Confirmer mon adresse\u202f: ${MANAGE}`);
    // As French is printed: « 1er », « 0 h 19 », a narrow no-break space before « : » and « ; ».
    expect(french.subject).toBe(
      'Confirmez votre inscription\u202f: Conférence et exposition sur les TI douanières 2027',
    );
    expect(french.text).toContain('vous est réservée jusqu’au 1er décembre 2026 à 0\u00a0h\u00a019 UTC.');
    expect(french.text).toContain('est la vôtre\u202f; sinon');
    const english = composeMail(NOW, person({ status: 'unverified' }), 'verify', ctx, {
      heldUntil: '2026-12-01T00:19:00.000Z',
    });
    expect(english.text).toContain('1 December 2026 at 00:19 UTC');
    expect(french.text).toMatch(/^Événement\u202f: +Conférence et exposition sur les TI douanières 2027$/m);
  });
});

/** The text drawn on the pages: content streams inflated, hex strings decoded (WinAnsi). */
async function pdfText(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const texts: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    let content: string;
    try {
      content = inflateSync(object.getContents()).toString('latin1');
    } catch {
      continue;
    }
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g))
      texts.push(Buffer.from(hex ?? '', 'hex').toString('latin1'));
  }
  return { pages: pdf.getPageCount(), text: texts.join('\n') };
}

describe('invoice PDF', () => {
  const category = { name: { en: 'Private sector', fr: 'Secteur privé' } };

  it('makes no pro forma for a cancelled registration that had not paid', async () => {
    await expect(
      invoicePdf({ reg: person({ status: 'cancelled' }), event: demoEvent, category, issuedOn: '2027-01-10' }),
    ).rejects.toThrow('This registration has ended: there is nothing to pay.');
  });

  it('makes a one-page pro-forma invoice with the reference, due date and bank details', async () => {
    const { pages, text } = await pdfText(
      await invoicePdf({ reg: person(), event: demoEvent, category, issuedOn: '2027-01-10' }),
    );
    expect(pages).toBe(1);
    for (const line of [
      'Pro-forma invoice',
      'Silva',
      'Private sector',
      'EUR 450.00',
      'RF20 AAAA 0000 0001',
      'Due by 24 January 2027',
      'IBAN PT50 0002 0123 1234 5678 9015 4',
      'BIC EXMPPTPL',
      'Customs IT Conference Secretariat',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('PAID');
  });

  it('makes a numbered final invoice marked paid, in French for a French speaker', async () => {
    const paid = person({
      preferredLanguage: 'fr',
      payment: {
        status: 'paid',
        amount: 45000,
        currency: 'EUR',
        reference: 'RF20AAAA00000001',
        dueDate: '2027-01-24',
        paidAt: '2027-01-20',
        invoiceNumber: 'CITCE-2027-00001',
      },
    });
    const { pages, text } = await pdfText(
      await invoicePdf({ reg: paid, event: demoEvent, category, issuedOn: '2027-01-21' }),
    );
    expect(pages).toBe(1);
    expect(text).toContain('Facture');
    expect(text).toContain('Numéro de facture\u00a0: CITCE-2027-00001');
    expect(text).toContain('PAYÉE');
    expect(text).toContain('Payée le 20 janvier 2027');
    expect(text).toContain('450,00 EUR');
    expect(text).not.toContain('IBAN');
  });
});
