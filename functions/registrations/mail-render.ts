/** The layout of attendee mail: one model, rendered as plain text and as HTML (every value escaped). */
import type { Language } from '../core/schemas.ts';
import { feeOf } from './category-view.ts';
import { longDateFormat, regionNames, typeset } from './intl.ts';
import type { MailContext, MailRegistration } from './mails.ts';
import { formatMoney } from './money.ts';
import { formatReference } from './reference.ts';
import type { RegistrationStatus } from './schemas.ts';

export type MailLine = { label: string; value: string };
export type MailModel = {
  language: Language;
  subject: string;
  body: string;
  details: MailLine[];
  code?: string;
  qrId?: string;
  manageUrl?: string;
  /** The link also confirms the address (the first mail after signing up). */
  confirms?: boolean;
  /** The registration has ended: its page can be read, no longer changed. */
  ended?: boolean;
};

const labels = {
  en: {
    event: 'Event',
    dates: 'Dates',
    venue: 'Venue',
    category: 'Category',
    status: 'Status',
    fee: 'Fee',
    amount: 'Amount',
    payment: 'Payment',
    reference: 'Payment reference',
    dueDate: 'Due by',
    beneficiary: 'Beneficiary',
    iban: 'IBAN',
    bic: 'BIC',
    bank: 'Bank',
    code: 'Your check-in code (show it at the registration desk)',
    manage: 'View, change or cancel your registration',
    view: 'View your registration',
    confirm: 'Confirm my address',
    private: 'Keep this link private: it gives access to your registration.',
    due: 'Due',
    nothingDue: 'Nothing to pay',
    visa: 'Visa invitation letter',
    requested: 'Requested',
    paid: 'Paid',
    waived: 'Waived',
  },
  fr: {
    event: 'Événement',
    dates: 'Dates',
    venue: 'Lieu',
    category: 'Catégorie',
    status: 'Statut',
    fee: 'Tarif',
    amount: 'Montant',
    payment: 'Paiement',
    reference: 'Référence de paiement',
    dueDate: 'À payer avant le',
    beneficiary: 'Bénéficiaire',
    iban: 'IBAN',
    bic: 'BIC',
    bank: 'Banque',
    code: 'Votre code d’enregistrement (à présenter à l’accueil)',
    manage: 'Consulter, modifier ou annuler votre inscription',
    view: 'Consulter votre inscription',
    confirm: 'Confirmer mon adresse',
    private: 'Gardez ce lien pour vous : il donne accès à votre inscription.',
    due: 'À payer',
    nothingDue: 'Rien à payer',
    visa: 'Lettre d’invitation pour un visa',
    requested: 'Demandée',
    paid: 'Payé',
    waived: 'Exonéré',
  },
} as const;

export const statusLabels: Record<Language, Record<RegistrationStatus, string>> = {
  en: {
    unverified: 'Awaiting your confirmation',
    confirmed: 'Confirmed',
    waitlisted: 'On the waiting list',
    pending: 'Awaiting approval',
    approved: 'Approved',
    rejected: 'Declined',
    cancelled: 'Cancelled',
    expired: 'Lapsed',
  },
  fr: {
    unverified: 'En attente de votre confirmation',
    confirmed: 'Confirmée',
    waitlisted: 'Sur liste d’attente',
    pending: 'En attente d’approbation',
    approved: 'Approuvée',
    rejected: 'Refusée',
    cancelled: 'Annulée',
    expired: 'Expirée',
  },
};

const pick = (text: { en: string; fr?: string }, language: Language) => text[language] ?? text.en;

/** "8–10 June 2027", in the reader's language. */
export function dateRange(start: string, end: string, language: Language) {
  const format = longDateFormat(language);
  // Intl puts thin and no-break spaces around the dash; mail clients and PDFs read plain ones best.
  return format
    .formatRange(new Date(`${start}T12:00:00Z`), new Date(`${end}T12:00:00Z`))
    .replace(/[\u2009\u202f\u00a0]/g, ' ');
}

const groups = (value: string) => value.replace(/(.{4})(?=.)/g, '$1 ');

export function detailsOf(
  language: Language,
  ctx: MailContext,
  reg: MailRegistration,
  status: RegistrationStatus,
  ended: boolean,
): MailLine[] {
  const l = labels[language];
  const { event, category } = ctx;
  const lines: MailLine[] = [{ label: l.event, value: pick(event.name, language) }];
  if (event.startDate && event.endDate) {
    lines.push({ label: l.dates, value: dateRange(event.startDate, event.endDate, language) });
  }
  if (event.venue) {
    const country = regionNames(language).of(event.venue.country) ?? '';
    const where = [pick(event.venue.name, language), event.venue.address, pick(event.venue.city, language), country];
    lines.push({ label: l.venue, value: where.filter(Boolean).join(', ') });
  }
  lines.push({ label: l.category, value: category ? pick(category.name, language) : reg.categoryId });
  lines.push({ label: l.status, value: statusLabels[language][status] });
  if (reg.visaLetter && !ended) lines.push({ label: l.visa, value: l.requested });
  const fee = category ? feeOf(category) : undefined;
  const payment = reg.payment;
  if (payment) {
    // An ended registration owes nothing, whatever was due before: no amount beside "nothing to pay".
    const owesNothing = ended && payment.status === 'due';
    if (!owesNothing) lines.push({ label: l.amount, value: formatMoney(payment, language) });
    lines.push({ label: l.payment, value: owesNothing ? l.nothingDue : l[payment.status] });
    if (payment.status === 'due' && !ended) {
      lines.push({ label: l.reference, value: formatReference(payment.reference) });
      lines.push({
        label: l.dueDate,
        value: typeset(longDateFormat(language).format(new Date(`${payment.dueDate}T12:00:00Z`)), language),
      });
      const bank = event.bankAccount;
      if (bank) {
        lines.push({ label: l.beneficiary, value: `${bank.beneficiary}, ${bank.address}` });
        lines.push({ label: l.iban, value: groups(bank.iban) });
        lines.push({ label: l.bic, value: bank.bic });
        lines.push({ label: l.bank, value: bank.bankName });
      }
    }
  } else if (fee) lines.push({ label: l.fee, value: pick(fee, language) });
  return lines;
}

/** What the manage link does: confirm the address, or open the page (read-only once ended). */
const linkLabel = (m: MailModel) => {
  const l = labels[m.language];
  return m.confirms ? l.confirm : m.ended ? l.view : l.manage;
};

/** A label and its colon as the language writes them: French puts a narrow no-break space before it. */
const withColon = (label: string, language: Language) => `${label}${language === 'fr' ? '\u202f:' : ':'}`;

export function renderText(m: MailModel): string {
  const l = labels[m.language];
  const colon = (label: string) => withColon(label, m.language);
  const width = Math.max(...m.details.map((d) => colon(d.label).length));
  const parts = [m.body, m.details.map((d) => `${colon(d.label).padEnd(width + 1)}${d.value}`).join('\n')];
  if (m.code) parts.push(`${colon(l.code)} ${m.code}`);
  if (m.manageUrl) parts.push(`${colon(linkLabel(m))} ${m.manageUrl}\n${l.private}`);
  return parts.join('\n\n');
}

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Table layout and inline styles: what mail clients (Outlook included) render alike. */
export function renderHtml(m: MailModel): string {
  const e = escapeHtml;
  const l = labels[m.language];
  const paragraphs = m.body
    .split('\n\n')
    .map((p) => `<p style="margin:0 0 16px">${e(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const rows = m.details
    .map(
      (d) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:6px 12px 6px 0;color:#4a5568;font-weight:600">${e(d.label)}</th><td style="padding:6px 0">${e(d.value)}</td></tr>`,
    )
    .join('');
  const code = m.code
    ? `<div style="margin:24px 0;padding:16px;border:2px solid #0b5394;border-radius:8px;text-align:center">
<p style="margin:0 0 8px">${e(l.code)}</p>
<p style="margin:0 0 12px;font:700 28px/1.2 'Courier New',monospace;letter-spacing:4px">${e(m.code)}</p>
${m.qrId ? `<img src="cid:${e(m.qrId)}" width="180" height="180" alt="QR ${e(m.code)}" style="display:block;margin:0 auto">` : ''}
</div>`
    : '';
  const manage = m.manageUrl
    ? `<p style="margin:24px 0 8px"><a href="${e(m.manageUrl)}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${e(linkLabel(m))}</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#4a5568;word-break:break-all">${e(m.manageUrl)}</p>
<p style="margin:0;font-size:13px;color:#4a5568">${e(l.private)}</p>`
    : '';
  return `<!doctype html>
<html lang="${m.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(m.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1a202c">
<tr><td style="padding:24px">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#0b5394">${e(m.subject)}</h1>
${paragraphs}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 0;font-size:15px">${rows}</table>
${code}${manage}
</td></tr></table>
</td></tr></table>
</body></html>`;
}
