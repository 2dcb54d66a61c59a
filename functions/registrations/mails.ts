/**
 * Attendee mail, in the attendee's language, as outbox items: a text part and an HTML part
 * saying the same (event, dates, venue, category, status, payment, the check-in code as
 * text and QR code, the manage link), an inline QR image and the event's .ics.
 * The check-in code goes only into mail of a registration the desk would admit
 * (confirmed, approved); the .ics into every mail of a registration still running.
 */
import { randomUUID } from 'node:crypto';
import type { Bilingual, Language } from '../core/schemas.ts';
import type { BankAccount, Venue } from '../events/schemas.ts';
import { eventIcs } from '../mail/ics.ts';
import { type MailAttachment, outboxItem } from '../mail/outbox.ts';
import { qrPng } from '../mail/qr-png.ts';
import { dateTimeFormat, longDateFormat, typeset } from './intl.ts';
import { hasEnded, type OutboxItem, outboxIndex, type StoredRegistration } from './keys.ts';
import { detailsOf, type MailLine, renderHtml, renderText } from './mail-render.ts';
import { type MailKind, mailTexts, type Parts } from './mail-texts.ts';
import { formatMoney } from './money.ts';
import type { Money, RegistrationStatus } from './schemas.ts';

export type { MailKind } from './mail-texts.ts';

/** What a mail says about the event (a missing event still gets a mail with its id as name). */
export type MailEvent = {
  id: string;
  name: Bilingual;
  startDate?: string;
  endDate?: string;
  venue?: Venue;
  bankAccount?: BankAccount;
};
export type MailCategory = { name: Bilingual; fee?: Bilingual; price?: Money };
export type MailContext = { event: MailEvent; category?: MailCategory };
export type MailExtras = Omit<Parts, 'eventName' | 'firstName' | 'amount' | 'dueDate' | 'checkInCode'> & {
  /** The status the registration has after the change the mail reports. */
  status?: RegistrationStatus;
};

export type MailRegistration = Pick<
  StoredRegistration,
  | 'id'
  | 'email'
  | 'firstName'
  | 'lastName'
  | 'preferredLanguage'
  | 'status'
  | 'categoryId'
  | 'checkInCode'
  | 'payment'
  | 'visaLetter'
>;

/** Unsent mail lingers at most a week (TTL). */
const OUTBOX_LIFETIME_SECONDS = 7 * 86_400;

export const inLanguage = (name: Bilingual, language: Language) => name[language] ?? name.en;

/** The manage link; the token rides in the fragment, which no server or log ever receives. */
export const manageUrl = (siteUrl: string, language: Language, id: string, token: string) =>
  `${siteUrl}/${language === 'fr' ? 'fr/' : ''}registration/#token=${id}.${token}`;

const utcTime = (iso: string, language: Language) =>
  `${typeset(dateTimeFormat(language).format(new Date(iso)), language)} UTC`;

export const longDate = (isoDate: string, language: Language) =>
  typeset(longDateFormat(language).format(new Date(`${isoDate}T12:00:00Z`)), language);

/** The status a mail of this kind reports. */
function statusOf(kind: MailKind, reg: MailRegistration, extra: MailExtras): RegistrationStatus {
  if (extra.status) return extra.status;
  const byKind: Partial<Record<MailKind, RegistrationStatus>> = {
    verify: 'unverified',
    'verify-waitlist': 'unverified',
    confirmed: 'confirmed',
    pending: 'pending',
    waitlisted: 'waitlisted',
    approved: 'approved',
    rejected: 'rejected',
    cancelled: 'cancelled',
    expired: 'expired',
    'unpaid-cancelled': 'cancelled',
  };
  return byKind[kind] ?? reg.status;
}

/** The subject, text, HTML and attachments of one mail. */
export function composeMail(
  now: Date,
  reg: MailRegistration,
  kind: MailKind,
  ctx: MailContext,
  extra: MailExtras = {},
) {
  const language = reg.preferredLanguage;
  const status = statusOf(kind, reg, extra);
  const ended = hasEnded(status);
  const admitted = status === 'confirmed' || status === 'approved';
  const payment = reg.payment;
  const { subject, body } = mailTexts[language][kind]({
    eventName: inLanguage(ctx.event.name, language),
    firstName: reg.firstName,
    ...extra,
    ...(extra.heldUntil ? { heldUntil: utcTime(extra.heldUntil, language) } : {}),
    ...(payment ? { amount: formatMoney(payment, language), dueDate: longDate(payment.dueDate, language) } : {}),
  });
  const code = admitted ? reg.checkInCode : undefined;
  const qrId = code ? `qr-${reg.id}@conference` : undefined;
  const details: MailLine[] = detailsOf(language, ctx, reg, status, ended);
  // The first mail's link is how the attendee confirms the address: its button says so.
  const confirms = kind === 'verify' || kind === 'verify-waitlist';
  const model = { language, subject, body, details, code, qrId, manageUrl: extra.manageUrl, confirms, ended };
  const attachments: MailAttachment[] = [];
  if (code && qrId) {
    attachments.push({
      filename: 'check-in-code.png',
      contentType: 'image/png',
      content: qrPng(code).toString('base64'),
      contentId: qrId,
    });
  }
  const { event } = ctx;
  if (!ended && event.startDate && event.endDate && event.venue) {
    const venue = event.venue;
    const ics = eventIcs({
      uid: `${event.id}-${reg.id}@conference`,
      name: inLanguage(event.name, language),
      startDate: event.startDate,
      endDate: event.endDate,
      location: `${inLanguage(venue.name, language)}, ${venue.address}, ${inLanguage(venue.city, language)}, ${venue.country}`,
      stamp: now,
    });
    attachments.push({
      filename: `${event.id}.ics`,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: Buffer.from(ics).toString('base64'),
    });
  }
  return { subject, text: renderText(model), html: renderHtml(model), attachments };
}

/** The outbox item of one attendee mail; indexed by registration, so an erasure finds it unsent. */
export function attendeeMailItem(
  now: Date,
  reg: MailRegistration,
  kind: MailKind,
  ctx: MailContext,
  extra: MailExtras = {},
): OutboxItem {
  const { subject, text, html, attachments } = composeMail(now, reg, kind, ctx, extra);
  return {
    ...outboxItem(
      {
        id: randomUUID(),
        to: reg.email,
        subject,
        text,
        html,
        ...(attachments.length > 0 ? { attachments } : {}),
        language: reg.preferredLanguage,
      },
      Math.floor(now.getTime() / 1000) + OUTBOX_LIFETIME_SECONDS,
    ),
    ...outboxIndex(reg.id, now.toISOString()),
  };
}
