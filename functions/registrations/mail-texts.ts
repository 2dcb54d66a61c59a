/** What each attendee mail says, in English and French (the details and links are added by mails.ts). */
import type { Language } from '../core/schemas.ts';

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
  | 'expired'
  | 'link'
  | 'payment-reminder'
  | 'payment-received'
  | 'payment-waived'
  | 'unpaid-cancelled';

export type Parts = {
  eventName: string;
  firstName: string;
  /** The amount due and its due date, written out (payment mails). */
  amount?: string;
  dueDate?: string;
  manageUrl?: string;
  position?: number;
  checkInCode?: string;
  /** When an unverified place lapses, as the attendee reads it (UTC). */
  heldUntil?: string;
};

/**
 * The event in a French sentence. An event's name takes an article that depends on the name
 * (« à la Conférence… », « au Salon… »), which a template cannot know: it is named instead.
 */
const theEvent = (p: Parts) => `l’événement «\u00a0${p.eventName}\u00a0»`;

export const mailTexts: Record<Language, Record<MailKind, (p: Parts) => { subject: string; body: string }>> = {
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
    link: (p) => ({
      subject: `Your registration link: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nYou asked for the link to your registration for ${p.eventName}. Here it is; earlier links keep working.`,
    }),
    'payment-reminder': (p) => ({
      subject: `Payment reminder: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nWe have not yet received your payment of ${p.amount} for ${p.eventName}. Please transfer it by ${p.dueDate}, quoting the payment reference below; unpaid registrations are cancelled after that date. If you have paid in the last few days, thank you, and please ignore this reminder.`,
    }),
    'payment-received': (p) => ({
      subject: `Payment received: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nThank you: we have received your payment of ${p.amount} for ${p.eventName}. Your invoice is on your registration page.`,
    }),
    'payment-waived': (p) => ({
      subject: `Nothing to pay: ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nThe organisers have waived the fee of your registration for ${p.eventName}: there is nothing to pay.`,
    }),
    'unpaid-cancelled': (p) => ({
      subject: `Registration cancelled (unpaid): ${p.eventName}`,
      body: `Dear ${p.firstName},\n\nWe did not receive the payment of your registration for ${p.eventName} by ${p.dueDate}, so it has been cancelled and the place has gone to someone else. If you have paid, please reply to this message with the details of your transfer.`,
    }),
  },
  fr: {
    verify: (p) => ({
      subject: `Confirmez votre inscription\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nUne place à ${theEvent(p)} vous est réservée jusqu’au ${p.heldUntil}. Ouvrez le lien ci-dessous pour confirmer que cette adresse est la vôtre\u202f; sinon, la place ira à quelqu’un d’autre.`,
    }),
    'verify-waitlist': (p) => ({
      subject: `Confirmez votre place sur la liste d’attente\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nCette catégorie de ${theEvent(p)} est complète. Vous êtes numéro ${p.position} sur la liste d’attente. Ouvrez le lien ci-dessous avant le ${p.heldUntil} pour confirmer que cette adresse est la vôtre et garder votre place.`,
    }),
    duplicate: (p) => ({
      subject: `Tentative d’inscription avec votre adresse\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nQuelqu’un a essayé de s’inscrire à ${theEvent(p)} avec votre adresse, qui est déjà inscrite. Rien n’a changé. Si c’était vous, votre inscription se trouve au lien ci-dessous.`,
    }),
    expired: (p) => ({
      subject: `Inscription non confirmée\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre inscription à ${theEvent(p)} n’a pas été confirmée à temps\u202f; la place est allée à quelqu’un d’autre. Vous pouvez vous inscrire de nouveau.`,
    }),
    confirmed: (p) => ({
      subject: `Inscription confirmée\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre place à ${theEvent(p)} est confirmée.`,
    }),
    pending: (p) => ({
      subject: `Inscription reçue\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nNous avons bien reçu votre inscription à ${theEvent(p)}. Les organisateurs vont l’examiner et vous écrire\u202f; votre place est réservée en attendant.`,
    }),
    waitlisted: (p) => ({
      subject: `Sur la liste d’attente\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nCette catégorie de ${theEvent(p)} est complète. Vous êtes numéro ${p.position} sur la liste d’attente\u202f; nous vous écrirons dès qu’une place vous revient.`,
    }),
    promoted: (p) => ({
      subject: `Une place vous revient\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nUne place à ${theEvent(p)} s’est libérée et vous revient.`,
    }),
    approved: (p) => ({
      subject: `Inscription approuvée\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre inscription à ${theEvent(p)} a été approuvée.`,
    }),
    rejected: (p) => ({
      subject: `Inscription refusée\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nNous sommes désolés\u202f: votre inscription à ${theEvent(p)} n’a pas pu être acceptée.`,
    }),
    cancelled: (p) => ({
      subject: `Inscription annulée\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVotre inscription à ${theEvent(p)} est annulée.`,
    }),
    link: (p) => ({
      subject: `Le lien de votre inscription\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nVous avez demandé le lien de votre inscription à ${theEvent(p)}. Le voici\u202f; les liens précédents restent valables.`,
    }),
    'payment-reminder': (p) => ({
      subject: `Rappel de paiement\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nNous n’avons pas encore reçu votre paiement de ${p.amount} pour ${theEvent(p)}. Merci de le virer d’ici le ${p.dueDate} en indiquant la référence de paiement ci-dessous\u202f; les inscriptions non payées sont annulées après cette date. Si vous avez payé ces derniers jours, merci, et ne tenez pas compte de ce rappel.`,
    }),
    'payment-received': (p) => ({
      subject: `Paiement reçu\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nMerci\u202f: nous avons bien reçu votre paiement de ${p.amount} pour ${theEvent(p)}. Votre facture se trouve sur la page de votre inscription.`,
    }),
    'payment-waived': (p) => ({
      subject: `Rien à payer\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nLes organisateurs ont renoncé aux frais de votre inscription à ${theEvent(p)}\u202f: vous n’avez rien à payer.`,
    }),
    'unpaid-cancelled': (p) => ({
      subject: `Inscription annulée (non payée)\u202f: ${p.eventName}`,
      body: `Bonjour ${p.firstName},\n\nNous n’avons pas reçu le paiement de votre inscription à ${theEvent(p)} au ${p.dueDate}\u202f; elle a donc été annulée et la place est allée à quelqu’un d’autre. Si vous avez payé, répondez à ce message avec les détails de votre virement.`,
    }),
  },
};
