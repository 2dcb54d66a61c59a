/**
 * The invoice of a paid registration as a PDF (pdf-lib, standard Helvetica): pro-forma while
 * the fee is due (with the reference, the due date and the bank details to pay by), final
 * once paid (numbered, marked paid). In the attendee's language. Text the standard fonts
 * cannot draw (Cyrillic names, say) falls back to its base letters or "?", never an error.
 */
import { NotFoundError } from '../core/errors.ts';
import type { Language } from '../core/schemas.ts';
import type { Event } from '../events/schemas.ts';
import { hasInvoice, type StoredCategory, type StoredRegistration } from './keys.ts';
import { dateRange } from './mail-render.ts';
import { longDate } from './mails.ts';
import { formatMoney } from './money.ts';
import { formatReference } from './reference.ts';

const words = {
  en: {
    proForma: 'Pro-forma invoice',
    invoice: 'Invoice',
    number: 'Invoice number',
    date: 'Date',
    billTo: 'Bill to',
    from: 'From',
    event: 'Event',
    item: 'Description',
    amount: 'Amount',
    total: 'Total',
    registration: 'Registration',
    reference: 'Payment reference (quote it on your transfer)',
    due: 'Due by',
    pay: 'Pay by bank transfer to',
    paid: 'PAID',
    paidOn: 'Paid on',
    notInvoice: 'This pro-forma invoice is a request for payment; the final invoice follows the payment.',
  },
  fr: {
    proForma: 'Facture pro forma',
    invoice: 'Facture',
    number: 'Numéro de facture',
    date: 'Date',
    billTo: 'Facturé à',
    from: 'Émetteur',
    event: 'Événement',
    item: 'Désignation',
    amount: 'Montant',
    total: 'Total',
    registration: 'Inscription',
    reference: 'Référence de paiement (à indiquer sur votre virement)',
    due: 'À payer avant le',
    pay: 'À régler par virement à',
    paid: 'PAYÉE',
    paidOn: 'Payée le',
    notInvoice: 'Cette facture pro forma est une demande de paiement ; la facture définitive suit le paiement.',
  },
} as const;

export type InvoiceInput = {
  reg: StoredRegistration;
  event: Event;
  category: Pick<StoredCategory, 'name'> | undefined;
  issuedOn: string;
};

export async function invoicePdf({ reg, event, category, issuedOn }: InvoiceInput): Promise<Uint8Array> {
  const payment = reg.payment;
  if (!payment) throw new NotFoundError('This registration has nothing to pay.');
  if (!hasInvoice(reg)) {
    throw new NotFoundError('This registration has ended: there is nothing to pay.');
  }
  // Loaded on first use: only this route needs pdf-lib.
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const language: Language = reg.preferredLanguage;
  const w = words[language];
  // French puts a no-break space before a colon (the narrow one is not in the PDF's standard font).
  const colon = language === 'fr' ? '\u00a0:' : ':';
  const final = payment.status === 'paid' && payment.invoiceNumber;
  const pdf = await PDFDocument.create();
  pdf.setTitle(
    `${final ? w.invoice : w.proForma} ${final ? payment.invoiceNumber : formatReference(payment.reference)}`,
  );
  pdf.setLanguage(language);
  const page = pdf.addPage([595.28, 841.89]); // A4
  const [regular, bold] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
  ]);
  const drawable = new Set(regular.getCharacterSet());
  const safe = (text: string) =>
    [...text.normalize('NFC')]
      .map((ch) => {
        if (drawable.has(ch.codePointAt(0) ?? 0)) return ch;
        const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
        return [...base].every((b) => drawable.has(b.codePointAt(0) ?? 0)) ? base : '?';
      })
      .join('');
  let y = 790;
  const left = 56;
  const write = (text: string, options: { size?: number; font?: typeof bold; x?: number; gap?: number } = {}) => {
    const size = options.size ?? 10;
    page.drawText(safe(text), {
      x: options.x ?? left,
      y,
      size,
      font: options.font ?? regular,
      color: rgb(0.1, 0.1, 0.15),
    });
    y -= options.gap ?? size + 5;
  };
  const name = (text: { en: string; fr?: string }) => text[language] ?? text.en;
  const bank = event.bankAccount;

  write(final ? w.invoice : w.proForma, { size: 20, font: bold, gap: 30 });
  if (final) write(`${w.number}${colon} ${payment.invoiceNumber}`, { font: bold });
  write(`${w.date}${colon} ${longDate(final && payment.paidAt ? payment.paidAt : issuedOn, language)}`, { gap: 24 });
  if (bank) {
    write(w.from, { font: bold });
    write(bank.beneficiary);
    write(bank.address, { gap: 20 });
  }
  write(w.billTo, { font: bold });
  write(`${reg.firstName} ${reg.lastName}`);
  write(reg.organisation);
  write(`${reg.email} · ${new Intl.DisplayNames([language], { type: 'region' }).of(reg.country) ?? reg.country}`, {
    gap: 20,
  });
  write(w.event, { font: bold });
  write(name(event.name));
  write(
    `${dateRange(event.startDate, event.endDate, language)} · ${name(event.venue.name)}, ${name(event.venue.city)}`,
    {
      gap: 28,
    },
  );

  // The one line and the total.
  const amount = formatMoney(payment, language);
  const right = 539;
  const amountX = (text: string, font = regular) => right - font.widthOfTextAtSize(safe(text), 10);
  page.drawLine({ start: { x: left, y: y + 14 }, end: { x: right, y: y + 14 }, thickness: 0.5 });
  write(w.item, { font: bold, gap: 0 });
  write(w.amount, { font: bold, x: amountX(w.amount, bold) });
  write(`${w.registration}${colon} ${category ? name(category.name) : reg.categoryId}`, { gap: 0 });
  write(amount, { x: amountX(amount) });
  page.drawLine({ start: { x: left, y: y + 10 }, end: { x: right, y: y + 10 }, thickness: 0.5 });
  write(w.total, { font: bold, gap: 0 });
  write(amount, { font: bold, x: amountX(amount, bold), gap: 32 });

  if (final) {
    write(w.paid, { size: 28, font: bold, gap: 34 });
    if (payment.paidAt) write(`${w.paidOn} ${longDate(payment.paidAt, language)}`, { gap: 24 });
  } else {
    write(w.reference, { font: bold });
    write(formatReference(payment.reference), { size: 14, font: bold, gap: 22 });
    write(`${w.due} ${longDate(payment.dueDate, language)}`, { gap: 22 });
    if (bank) {
      write(w.pay, { font: bold });
      write(bank.beneficiary);
      write(`IBAN ${bank.iban.replace(/(.{4})(?=.)/g, '$1 ')}`);
      write(`BIC ${bank.bic}`);
      write(bank.bankName);
      if (bank.bankAddress) write(bank.bankAddress);
    }
    y -= 12;
    write(w.notInvoice, { size: 9 });
  }
  return pdf.save();
}
