/** Attendee mail, in the attendee's language, as outbox items. */
import { randomUUID } from 'node:crypto';
import type { Bilingual, Language } from '../core/schemas.ts';
import { outboxItem } from '../mail/outbox.ts';
import { type OutboxItem, outboxIndex } from './keys.ts';
import type { Registration } from './schemas.ts';

export type MailKind =
  | 'verify'
  | 'verify-waitlist'
  | 'duplicate'
  | 'confirmed'
  | 'pending'
  | 'waitlisted'
  | 'promoted'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired';

type Parts = {
  eventName: string;
  firstName: string;
  manageUrl?: string;
  position?: number;
  checkInCode?: string;
  /** When an unverified place lapses, as the attendee reads it (UTC). */
  heldUntil?: string;
};

const text: Record<Language, Record<MailKind, (p: Parts) => { subject: string; body: string }>> = {
  en: {
    verify: (p) => ({
      subject: `Confirm your registration: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nA place at ${p.eventName} is held for you until ${p.heldUntil}. Open the link below to confirm that this address is yours; if you do not, the place goes to someone else.`,
    }),
    'verify-waitlist': (p) => ({
      subject: `Confirm your place on the waiting list: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nThis category of ${p.eventName} is full. You are number ${p.position} on the waiting list. Open the link below before ${p.heldUntil} to confirm that this address is yours and keep your place.`,
    }),
    duplicate: (p) => ({
      subject: `Someone tried to register with your address: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nSomeone tried to register with your address for ${p.eventName}, which is already registered. Nothing has changed. If it was you, your registration is at the link below.`,
    }),
    expired: (p) => ({
      subject: `Registration not confirmed: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nYour registration for ${p.eventName} was not confirmed in time, so the place has gone to someone else. You are welcome to register again.`,
    }),
    confirmed: (p) => ({
      subject: `Registration confirmed: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nYour place at ${p.eventName} is confirmed.`,
    }),
    pending: (p) => ({
      subject: `Registration received: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nWe have received your registration for ${p.eventName}. The organisers will review it and write to you; your place is held meanwhile.`,
    }),
    waitlisted: (p) => ({
      subject: `On the waiting list: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nThis category of ${p.eventName} is full. You are number ${p.position} on the waiting list; we will write as soon as a place is yours.`,
    }),
    promoted: (p) => ({
      subject: `A place is now yours: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nA place at ${p.eventName} has become free and is now yours.`,
    }),
    approved: (p) => ({
      subject: `Registration approved: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nYour registration for ${p.eventName} has been approved.`,
    }),
    rejected: (p) => ({
      subject: `Registration declined: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nWe are sorry: your registration for ${p.eventName} could not be accepted.`,
    }),
    cancelled: (p) => ({
      subject: `Registration cancelled: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nYour registration for ${p.eventName} is cancelled.`,
    }),
  },
  fr: {
    verify: (p) => ({
      subject: `Confirmez votre inscription : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nUne place à ${p.eventName} vous est réservée jusqu’au ${p.heldUntil}. Ouvrez le lien ci-dessous pour confirmer que cette adresse est la vôtre ; sinon, la place ira à quelqu’un d’autre.`,
    }),
    'verify-waitlist': (p) => ({
      subject: `Confirmez votre place sur la liste d’attente : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nCette catégorie de ${p.eventName} est complète. Vous êtes numéro ${p.position} sur la liste d’attente. Ouvrez le lien ci-dessous avant le ${p.heldUntil} pour confirmer que cette adresse est la vôtre et garder votre place.`,
    }),
    duplicate: (p) => ({
      subject: `Tentative d’inscription avec votre adresse : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nQuelqu’un a essayé de s’inscrire à ${p.eventName} avec votre adresse, qui est déjà inscrite. Rien n’a changé. Si c’était vous, votre inscription se trouve au lien ci-dessous.`,
    }),
    expired: (p) => ({
      subject: `Inscription non confirmée : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre inscription à ${p.eventName} n’a pas été confirmée à temps ; la place est allée à quelqu’un d’autre. Vous pouvez vous inscrire de nouveau.`,
    }),
    confirmed: (p) => ({
      subject: `Inscription confirmée : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre place à ${p.eventName} est confirmée.`,
    }),
    pending: (p) => ({
      subject: `Inscription reçue : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nNous avons bien reçu votre inscription à ${p.eventName}. Les organisateurs vont l’examiner et vous écrire ; votre place est réservée en attendant.`,
    }),
    waitlisted: (p) => ({
      subject: `Sur la liste d’attente : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nCette catégorie de ${p.eventName} est complète. Vous êtes numéro ${p.position} sur la liste d’attente ; nous vous écrirons dès qu’une place vous revient.`,
    }),
    promoted: (p) => ({
      subject: `Une place vous revient : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nUne place à ${p.eventName} s’est libérée et vous revient.`,
    }),
    approved: (p) => ({
      subject: `Inscription approuvée : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre inscription à ${p.eventName} a été approuvée.`,
    }),
    rejected: (p) => ({
      subject: `Inscription refusée : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nNous sommes désolés : votre inscription à ${p.eventName} n’a pas pu être acceptée.`,
    }),
    cancelled: (p) => ({
      subject: `Inscription annulée : ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre inscription à ${p.eventName} est annulée.`,
    }),
  },
};

const codeLine: Record<Language, (code: string) => string> = {
  en: (code) => `\n\nYour check-in code (show it at the registration desk): ${code}`,
  fr: (code) => `\n\nVotre code d’enregistrement (à présenter à l’accueil) : ${code}`,
};

const manageLine: Record<Language, (url: string) => string> = {
  en: (url) =>
    `\n\nView, change or cancel your registration: ${url}\nKeep this link private: it gives access to your registration.`,
  fr: (url) =>
    `\n\nConsulter, modifier ou annuler votre inscription : ${url}\nGardez ce lien pour vous : il donne accès à votre inscription.`,
};

export function attendeeMail(language: Language, kind: MailKind, parts: Parts) {
  const { subject, body } = text[language][kind](parts);
  return {
    subject,
    text:
      body +
      (parts.checkInCode ? codeLine[language](parts.checkInCode) : '') +
      (parts.manageUrl ? manageLine[language](parts.manageUrl) : ''),
  };
}

/** Unsent mail lingers at most a week (TTL). */
const OUTBOX_LIFETIME_SECONDS = 7 * 86_400;

export const eventNameIn = (name: Bilingual, language: Language) => name[language] ?? name.en;

/** The manage link; the token rides in the fragment, which no server or log ever receives. */
export const manageUrl = (siteUrl: string, language: Language, id: string, token: string) =>
  `${siteUrl}/${language === 'fr' ? 'fr/' : ''}registration/#token=${id}.${token}`;

const utcTime = (iso: string, language: Language) =>
  `${new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso))} UTC`;

/** The outbox item of one attendee mail; indexed by registration, so an erasure finds it unsent. */
export function attendeeMailItem(
  now: Date,
  reg: Pick<Registration, 'id' | 'email' | 'firstName' | 'preferredLanguage'>,
  kind: MailKind,
  eventName: Bilingual,
  extra: Omit<Parts, 'eventName' | 'firstName'> = {},
): OutboxItem {
  const language = reg.preferredLanguage;
  const { subject, text } = attendeeMail(language, kind, {
    eventName: eventNameIn(eventName, language),
    firstName: reg.firstName,
    ...extra,
    ...(extra.heldUntil ? { heldUntil: utcTime(extra.heldUntil, language) } : {}),
  });
  return {
    ...outboxItem(
      { id: randomUUID(), to: reg.email, subject, text, language },
      Math.floor(now.getTime() / 1000) + OUTBOX_LIFETIME_SECONDS,
    ),
    ...outboxIndex(reg.id, now.toISOString()),
  };
}
