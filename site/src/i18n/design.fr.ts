/** Texts of the design system in French, with the keys and placeholders of design.en.ts. */
import type { DesignStrings } from './design.en.ts';

export const designFr: DesignStrings = {
  menu: 'Menu',
  signInArea: 'Se connecter',
  signedInArea: 'Connecté',
  signedInAs: 'Compte connecté\u202f: {who}',
  signOut: 'Se déconnecter',
  signInNav: 'Espaces réservés',
  myRegistration: 'Mon inscription',
  footerNav: 'Informations sur le site',
  privacy: 'Protection des données',
  contact: 'Contacter les organisateurs',
  contactEmail: 'registration@conference.example.org',
  organisedBy: 'Organisée par le secrétariat de la conférence pour les administrations douanières du monde entier.',
  status: {
    unverified: 'Non vérifiée',
    confirmed: 'Confirmée',
    pending: 'En attente d’approbation',
    approved: 'Approuvée',
    waitlisted: 'Liste d’attente',
    rejected: 'Refusée',
    cancelled: 'Annulée',
    expired: 'Expirée',
  },
  payment: {
    due: 'Paiement attendu',
    paid: 'Payée',
    waived: 'Frais annulés',
    none: 'Rien à payer',
  },
  state: {
    open: 'Ouverte',
    'few-left': 'Dernières places',
    waitlist: 'Complet\u202f: liste d’attente',
    full: 'Complet',
    closed: 'Fermée',
    'not-yet-open': 'Pas encore ouverte',
  },
  free: 'Gratuit',
  home: {
    eyebrow: 'Conférence et exposition internationales',
    theme: 'Thème',
    registerNow: 'S’inscrire',
    programmeLink: 'Voir le programme',
    closes: 'Inscriptions jusqu’au {date}',
    keyFigures: 'La conférence en chiffres',
    figures: {
      delegates: { value: '{n}', label: 'délégués attendus' },
      countries: { value: '{n}+', label: 'pays et territoires' },
      exhibitors: { value: '{n}+', label: 'exposants' },
    },
    categories: 'Catégories d’inscription',
    categoriesLead: 'Les places sont attribuées dans l’ordre des inscriptions. Disponibilités mises à jour en direct.',
    availability: 'Disponibilité',
    seatsLeft: { one: '{n} place disponible', other: '{n} places disponibles' },
    highlights: 'Au programme',
    programmeTitle: 'Programme',
    programmeText:
      'Trois jours de plénières, de tables rondes et d’ateliers pratiques sur les données, le risque et la facilitation des échanges.',
    exhibitionTitle: 'Exposition',
    exhibitionText:
      'Rencontrez les entreprises et organisations qui construisent les systèmes des frontières connectées.',
    practicalTitle: 'Informations pratiques',
    practicalText: 'Lieu, dates et accès.',
    opensOn: 'Ouverture le {date}',
  },
  privacyPage: {
    title: 'Protection des données personnelles',
    lead: 'Comment nous traitons les données personnelles que vous nous confiez en vous inscrivant à la conférence.',
    sections: [
      {
        heading: 'Responsable du traitement',
        text: 'Le secrétariat de la conférence est responsable de vos données. Écrivez à {email} pour toute question à leur sujet.',
      },
      {
        heading: 'Données collectées',
        text: 'Vos nom, adresse électronique, organisation, fonction, pays, langue préférée et catégorie d’inscription\u202f; si vous nous les indiquez, vos besoins alimentaires et d’accessibilité et votre besoin d’une lettre pour un visa\u202f; pour les catégories payantes, la référence de paiement et son état\u202f; et, à votre arrivée, l’heure de votre enregistrement.',
      },
      {
        heading: 'Finalités',
        text: 'Organiser la conférence\u202f: confirmer votre place, tenir la liste d’attente, émettre factures et lettres pour les visas, vous accueillir à l’accueil et prévoir vos repas. Nous ne vendons pas vos données et ne les utilisons pas à des fins publicitaires.',
      },
      {
        heading: 'Destinataires',
        text: 'Les organisateurs et le personnel d’accueil. Les exposants ne voient vos coordonnées que si vous l’acceptez lorsqu’ils scannent votre badge.',
      },
      {
        heading: 'Durée de conservation',
        text: 'Les besoins alimentaires et d’accessibilité sont supprimés le lendemain de l’événement. Le reste est supprimé automatiquement {days}\u00a0jours après la fin de l’événement\u202f; les factures sont conservées aussi longtemps que le droit comptable l’exige.',
      },
      {
        heading: 'Vos droits',
        text: 'Depuis le lien privé de votre message de confirmation, vous pouvez consulter, corriger (sauf votre adresse électronique, qui identifie votre inscription), télécharger (en JSON) et effacer vos données, ou annuler votre inscription. Lien perdu\u202f? Demandez-le sur la page Mon inscription.',
      },
      {
        heading: 'Contact',
        text: 'Questions ou réclamations\u202f: {email}. Vous pouvez aussi vous adresser à votre autorité de protection des données.',
      },
    ],
  },
};
