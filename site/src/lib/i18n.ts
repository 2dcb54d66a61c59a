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
    register: 'Register',
    pendingSectionLead: 'This section opens soon.',
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
    register: 'S’inscrire',
    pendingSectionLead: 'Cette rubrique ouvre prochainement.',
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
  const format = new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${startDate}T00:00:00Z`), new Date(`${endDate}T00:00:00Z`));
}

export function countryName(code: string, lang: Language): string {
  return new Intl.DisplayNames([locales[lang]], { type: 'region' }).of(code) ?? code;
}
