/** Texts of the attendee's pages in French, with the keys and placeholders of attendee.en.ts. */
import type { AttendeeStrings } from './attendee.en.ts';

export const attendeeFr: AttendeeStrings = {
  register: {
    glance: 'En bref',
    points: [
      'Nous vous envoyons un lien pour confirmer votre adresse\u202f; votre place est réservée en attendant.',
      'Les catégories payantes se règlent par virement bancaire\u202f: la facture indique nos coordonnées bancaires et votre référence de paiement.',
      'Le même message contient un lien privé pour modifier ou annuler votre inscription à tout moment.',
    ],
    stateNotes: {
      'few-left': 'Il reste peu de places dans cette catégorie.',
      waitlist:
        'Cette catégorie est complète\u202f: vous rejoindrez sa liste d’attente, et nous vous écrirons quand une place vous sera attribuée.',
    },
    paidOnceSeated: 'Ses frais se règlent par virement bancaire une fois la place attribuée.',
    paidHint:
      'Payable par virement bancaire\u202f: la facture indique nos coordonnées bancaires et votre référence de paiement.',
    privacyLink: 'Lire la page «\u202fProtection des données personnelles\u202f»',
    categoryUnavailable: 'Cette catégorie ne peut plus être choisie. Veuillez en choisir une autre.',
    thanks: 'Merci, {name}',
    booked: 'Votre réservation',
    category: 'Catégorie',
    fee: 'Tarif',
    dates: 'Dates',
    venue: 'Lieu',
    status: 'État',
    next: 'Et maintenant',
    statusText: {
      unverified: 'Place réservée, en attente de la confirmation de votre adresse',
      unverifiedWaitlist: 'Numéro {n} sur la liste d’attente, en attente de la confirmation de votre adresse',
      confirmed: 'Confirmée',
      pending: 'En attente d’approbation par les organisateurs\u202f; votre place est réservée',
      waitlisted: 'Numéro {n} sur la liste d’attente',
    },
    steps: {
      checkMail:
        'Consultez votre messagerie\u202f: ouvrez le lien envoyé à {email} dans les {hours} heures pour confirmer votre adresse.',
      approval:
        'Les organisateurs examinent chaque inscription de cette catégorie\u202f; nous vous écrirons pour vous informer de leur décision.',
      waitlist: 'Nous vous écrirons dès qu’une place vous sera attribuée.',
      payment:
        'Réglez {amount} par virement bancaire. La facture, avec nos coordonnées bancaires et votre référence de paiement, est disponible sur votre page d’inscription une fois votre adresse confirmée.',
      manage: 'Le message contient aussi un lien privé pour modifier ou annuler votre inscription.',
    },
  },
  manage: {
    lostHeading: 'Lien perdu\u202f?',
    lostIntro:
      'Indiquez l’adresse utilisée pour vous inscrire\u202f: nous vous enverrons le lien privé vers votre inscription.',
    email: 'Adresse électronique',
    send: 'Envoyez-moi mon lien',
    sending: 'Envoi…',
    sent: 'Si cette adresse est inscrite, un lien est en route. Consultez votre boîte de réception et vos indésirables.',
    tooMany: 'Trop de demandes. Veuillez réessayer dans quelques minutes.',
    invalidEmail: 'Saisissez une adresse électronique valide',
    yourRegistration: 'Votre inscription',
    changeHeading: 'Modifier vos informations',
    event: 'Événement',
    category: 'Catégorie',
    fee: 'Tarif',
    payment: 'Paiement',
    reference: 'Référence de paiement',
    dueDate: 'À régler avant le',
    invoice: 'Télécharger la facture (PDF)',
    visa: 'Lettre d’invitation pour un visa',
    requested: 'Demandée',
    dates: 'Dates',
    venue: 'Lieu',
    payNote: 'Merci de régler {amount} par virement bancaire avant le {date}, en indiquant la référence {reference}.',
    free: 'Gratuit',
    ended: 'Cette inscription est terminée\u202f: il n’y a plus rien à modifier.',
    registerAgain: 'S’inscrire de nouveau',
    bank: { beneficiary: 'Bénéficiaire', iban: 'IBAN', bic: 'BIC', bankName: 'Banque' },
  },
};
