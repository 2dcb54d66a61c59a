/** Interface strings and formatting for the two working languages. */
import type { Bilingual, Language } from '../../../functions/core/schemas.ts';

export const languages = ['en', 'fr'] as const satisfies readonly Language[];

export const sections = [
  'programme',
  'speakers',
  'exhibition',
  'register',
  'registration',
  'my-agenda',
  'portal',
  'console',
] as const;
export type Section = (typeof sections)[number];

const strings = {
  en: {
    skip: 'Skip to main content',
    siteName: 'Customs IT Conference & Exhibition',
    mainNav: 'Main',
    home: 'Home',
    otherLanguage: 'Français',
    otherLanguageLabel: 'Lire cette page en français',
    footer: 'A conference of customs administrations. Working languages: English and French.',
    venue: 'Venue',
    dates: 'Dates',
    timeZoneNote: 'All times are venue time',
    categoriesHeading: 'Registration categories open now',
    noCategoriesOpen: 'Registration is not open at the moment.',
    seatsAvailable: (n: number) => (n === 1 ? '1 place available' : `${n} places available`),
    full: 'Full',
    waitlistOpen: 'waiting list open',
    approval: 'Each registration is reviewed by the organisers.',
    fee: 'Fee',
    colon: ': ',
    register: 'Register',
    pendingSectionLead: 'This section opens soon.',
    form: {
      intro: 'Register for the conference. Fields marked * are required.',
      noscript: 'The registration form needs JavaScript. You can also write to the organisers.',
      errorSummary: 'There is a problem',
      category: 'Registration category',
      firstName: 'First name',
      lastName: 'Last name',
      email: 'Email address',
      organisation: 'Organisation',
      jobTitle: 'Job title',
      country: 'Country',
      chooseCountry: 'Choose a country',
      preferredLanguage: 'Preferred language for mail',
      dietaryNeeds: 'Dietary needs',
      accessibilityNeeds: 'Accessibility needs',
      sensitiveHint: 'Used only to cater for you, and deleted the day after the event.',
      visaLetter: 'I need a visa invitation letter',
      consent: 'I have read the privacy notice and agree that my data is processed to organise the conference.',
      submit: 'Register',
      sending: 'Sending…',
      confirmed:
        'Your registration is confirmed. A confirmation mail is on its way, with a private link to manage your registration.',
      pending:
        'Your registration is awaiting approval by the organisers; your place is held meanwhile. We have sent you a mail.',
      waitlisted: (n: number) =>
        `This category is full: you are number ${n} on the waiting list. We will write as soon as a place is yours.`,
      duplicate: 'This email address is already registered. Use the link in your confirmation mail to manage it.',
      tooMany: (s: string) => `Too many attempts. Please try again in ${s} seconds.`,
      busy: 'The service is busy. Please press Register again; you will not be registered twice.',
      failed: 'Something went wrong. Please try again.',
      required: 'Required',
      invalidEmail: 'Enter a valid email address',
    },
    manage: {
      loading: 'Loading your registration…',
      missing: 'This link is not valid any more. Use the latest link from your mail.',
      status: {
        confirmed: 'Confirmed',
        waitlisted: 'On the waiting list',
        pending: 'Awaiting approval',
        approved: 'Approved',
        rejected: 'Declined',
        cancelled: 'Cancelled',
      },
      position: (n: number) => `Number ${n} on the waiting list`,
      save: 'Save changes',
      saved: 'Your changes are saved.',
      cancel: 'Cancel my registration',
      cancelConfirm: 'Cancel your registration? Your place will go to the next person waiting.',
      cancelled: 'Your registration is cancelled.',
      exportData: 'Download my data (JSON)',
      erase: 'Erase my data',
      eraseConfirm: 'Erase all your data? This cannot be undone, and your place will go to the next person waiting.',
      erased: 'Your data has been erased.',
      calendar: 'Add to my calendar (.ics)',
    },
    workspace: {
      signIn: 'Sign in',
      signOut: 'Sign out',
      signedInAs: 'Signed in as',
      roles: { organiser: 'organiser', staff: 'check-in staff' },
      expired: 'Your session has expired. Please sign in again.',
      failed: 'Something went wrong. Please try again.',
      portalIntro: 'Sponsors and exhibitors: sign in to manage your exhibition profile.',
      consoleIntro: 'Organisers and check-in staff: sign in to the console.',
      noAccess: 'This account has no access here.',
      descriptionEn: 'Description (English)',
      descriptionFr: 'Description (French)',
      website: 'Website',
      save: 'Save draft',
      submit: 'Submit for review',
      saved: 'Saved as a draft.',
      submitted: 'Submitted for review.',
      stale: 'Someone else saved a newer version. Reload the page to see it.',
      status: { draft: 'Draft', submitted: 'Submitted for review', published: 'Published' },
      invite: 'Invite a sponsor member',
      sponsor: 'Sponsor',
      email: 'Email',
      inviteButton: 'Send invitation',
      invited: 'Invitation sent to',
      members: 'Members',
      remove: 'Remove',
    },
    sections: {
      programme: 'Programme',
      speakers: 'Speakers',
      exhibition: 'Exhibition',
      register: 'Register',
      registration: 'My registration',
      'my-agenda': 'My agenda',
      portal: 'Sponsor portal',
      console: 'Organiser console',
    } satisfies Record<Section, string>,
  },
  fr: {
    skip: 'Aller au contenu principal',
    siteName: 'Conférence et exposition sur les TI douanières',
    mainNav: 'Navigation principale',
    home: 'Accueil',
    otherLanguage: 'English',
    otherLanguageLabel: 'Read this page in English',
    footer: 'Une conférence des administrations douanières. Langues de travail : anglais et français.',
    venue: 'Lieu',
    dates: 'Dates',
    timeZoneNote: 'Toutes les heures sont à l’heure du lieu',
    categoriesHeading: 'Catégories d’inscription ouvertes',
    noCategoriesOpen: 'Les inscriptions ne sont pas ouvertes pour le moment.',
    seatsAvailable: (n: number) => (n <= 1 ? `${n} place disponible` : `${n} places disponibles`),
    full: 'Complet',
    waitlistOpen: 'liste d’attente ouverte',
    approval: 'Chaque inscription est examinée par les organisateurs.',
    fee: 'Tarif',
    // French typography puts a (narrow) space before a colon.
    colon: '\u202f: ',
    register: 'S’inscrire',
    pendingSectionLead: 'Cette rubrique ouvre prochainement.',
    form: {
      intro: 'Inscrivez-vous à la conférence. Les champs marqués * sont obligatoires.',
      noscript: 'Le formulaire d’inscription nécessite JavaScript. Vous pouvez aussi écrire aux organisateurs.',
      errorSummary: 'Il y a un problème',
      category: 'Catégorie d’inscription',
      firstName: 'Prénom',
      lastName: 'Nom',
      email: 'Adresse électronique',
      organisation: 'Organisation',
      jobTitle: 'Fonction',
      country: 'Pays',
      chooseCountry: 'Choisissez un pays',
      preferredLanguage: 'Langue préférée pour les messages',
      dietaryNeeds: 'Besoins alimentaires',
      accessibilityNeeds: 'Besoins d’accessibilité',
      sensitiveHint: 'Utilisé uniquement pour vous accueillir, et supprimé le lendemain de l’événement.',
      visaLetter: 'J’ai besoin d’une lettre d’invitation pour un visa',
      consent:
        'J’ai lu la politique de confidentialité et j’accepte le traitement de mes données pour l’organisation de la conférence.',
      submit: 'S’inscrire',
      sending: 'Envoi…',
      confirmed:
        'Votre inscription est confirmée. Un message de confirmation vous a été envoyé, avec un lien privé pour gérer votre inscription.',
      pending:
        'Votre inscription attend l’approbation des organisateurs ; votre place est réservée en attendant. Nous vous avons écrit.',
      waitlisted: (n: number) =>
        `Cette catégorie est complète : vous êtes numéro ${n} sur la liste d’attente. Nous vous écrirons dès qu’une place vous revient.`,
      duplicate:
        'Cette adresse est déjà inscrite. Utilisez le lien de votre message de confirmation pour gérer votre inscription.',
      tooMany: (s: string) => `Trop de tentatives. Veuillez réessayer dans ${s} secondes.`,
      busy: 'Le service est chargé. Appuyez de nouveau sur S’inscrire ; vous ne serez pas inscrit deux fois.',
      failed: 'Une erreur est survenue. Veuillez réessayer.',
      required: 'Obligatoire',
      invalidEmail: 'Saisissez une adresse électronique valide',
    },
    manage: {
      loading: 'Chargement de votre inscription…',
      missing: 'Ce lien n’est plus valable. Utilisez le lien le plus récent de vos messages.',
      status: {
        confirmed: 'Confirmée',
        waitlisted: 'Sur la liste d’attente',
        pending: 'En attente d’approbation',
        approved: 'Approuvée',
        rejected: 'Refusée',
        cancelled: 'Annulée',
      },
      position: (n: number) => `Numéro ${n} sur la liste d’attente`,
      save: 'Enregistrer les modifications',
      saved: 'Vos modifications sont enregistrées.',
      cancel: 'Annuler mon inscription',
      cancelConfirm: 'Annuler votre inscription ? Votre place ira à la personne suivante sur la liste d’attente.',
      cancelled: 'Votre inscription est annulée.',
      exportData: 'Télécharger mes données (JSON)',
      erase: 'Effacer mes données',
      eraseConfirm:
        'Effacer toutes vos données ? C’est définitif, et votre place ira à la personne suivante sur la liste d’attente.',
      erased: 'Vos données ont été effacées.',
      calendar: 'Ajouter à mon agenda (.ics)',
    },
    workspace: {
      signIn: 'Se connecter',
      signOut: 'Se déconnecter',
      signedInAs: 'Connecté(e) en tant que',
      roles: { organiser: 'organisateur', staff: 'personnel d’accueil' },
      expired: 'Votre session a expiré. Veuillez vous reconnecter.',
      failed: 'Une erreur est survenue. Veuillez réessayer.',
      portalIntro: 'Sponsors et exposants : connectez-vous pour gérer votre profil d’exposant.',
      consoleIntro: 'Organisateurs et personnel d’accueil : connectez-vous à la console.',
      noAccess: 'Ce compte n’a pas accès à cet espace.',
      descriptionEn: 'Description (anglais)',
      descriptionFr: 'Description (français)',
      website: 'Site web',
      save: 'Enregistrer le brouillon',
      submit: 'Soumettre pour validation',
      saved: 'Brouillon enregistré.',
      submitted: 'Soumis pour validation.',
      stale: 'Quelqu’un a enregistré une version plus récente. Rechargez la page pour la voir.',
      status: { draft: 'Brouillon', submitted: 'Soumis pour validation', published: 'Publié' },
      invite: 'Inviter un membre d’un sponsor',
      sponsor: 'Sponsor',
      email: 'Adresse électronique',
      inviteButton: 'Envoyer l’invitation',
      invited: 'Invitation envoyée à',
      members: 'Membres',
      remove: 'Retirer',
    },
    sections: {
      programme: 'Programme',
      speakers: 'Intervenants',
      exhibition: 'Exposition',
      register: 'Inscription',
      registration: 'Mon inscription',
      'my-agenda': 'Mon agenda',
      portal: 'Espace exposants',
      console: 'Console des organisateurs',
    } satisfies Record<Section, string>,
  },
};

export function t(lang: Language) {
  return strings[lang];
}

/** The text in the reader's language, falling back to English when not translated. */
export function localized(text: Bilingual, lang: Language): string {
  return (lang === 'fr' ? text.fr : undefined) ?? text.en;
}

/** Path of a page in a language: English at the root, French under /fr/. */
export function pathFor(lang: Language, section?: Section): string {
  const prefix = lang === 'fr' ? '/fr/' : '/';
  return section ? `${prefix}${section}/` : prefix;
}

const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A date range such as "8–10 June 2027" / "8–10 juin 2027"; dates are the venue's calendar days. */
export function formatDateRange(startDate: string, endDate: string, lang: Language): string {
  const format = new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(new Date(`${startDate}T00:00:00Z`), new Date(`${endDate}T00:00:00Z`));
}

export function countryName(code: string, lang: Language): string {
  return new Intl.DisplayNames([locales[lang]], { type: 'region' }).of(code) ?? code;
}
