/** The demo conference seeded on first start: fictional, but shaped like the real thing. */
import type { Event } from '../functions/events/schemas.ts';
import type { Category } from '../functions/registrations/schemas.ts';
import type { Tier } from '../functions/sponsors/schemas.ts';

export const DEMO_EVENT_ID = 'citce-2027';

export const demoEvent: Event = {
  id: DEMO_EVENT_ID,
  name: {
    en: 'Customs IT Conference & Exhibition 2027',
    fr: 'Conférence et exposition sur les TI douanières 2027',
  },
  tagline: {
    en: 'Connected borders: data, trust and technology for trade facilitation',
    fr: 'Frontières connectées\u202f: données, confiance et technologie au service de la facilitation des échanges',
  },
  startDate: '2027-06-08',
  endDate: '2027-06-10',
  timeZone: 'Europe/Lisbon',
  venue: {
    name: { en: 'Lisbon Congress Centre', fr: 'Centre de congrès de Lisbonne' },
    address: 'Praça das Indústrias 1',
    city: { en: 'Lisbon', fr: 'Lisbonne' },
    country: 'PT',
  },
  status: 'published',
  // Fictional bank details in a valid format (the IBAN passes its check digits).
  bankAccount: {
    beneficiary: 'Customs IT Conference Secretariat',
    address: 'Rua do Comércio 10, 1100-150 Lisboa, Portugal',
    iban: 'PT50000201231234567890154',
    bic: 'EXMPPTPL',
    bankName: 'Banco Exemplo, S.A.',
    bankAddress: 'Avenida da Liberdade 1, 1250-140 Lisboa, Portugal',
  },
};

/** Paid categories: reminded a week after the seat is theirs, cancelled a week later if still unpaid. */
const paymentTerms = { reminderAfterDays: 7, cancelAfterDays: 14 };

const opensAt = '2026-11-01T09:00:00+00:00';
const closesAt = '2027-05-31T23:59:00+01:00';

export const demoCategories: Category[] = [
  {
    id: 'customs-government',
    name: { en: 'Customs and government delegates', fr: 'Délégués des douanes et des administrations' },
    capacity: 700,
    waitlist: true,
    requiresApproval: true,
    opensAt,
    closesAt,
    eligibility: {
      en: 'Officials of customs administrations and other government agencies.',
      fr: 'Agents des administrations douanières et des autres administrations publiques.',
    },
    fee: { en: 'Free of charge', fr: 'Gratuit' },
  },
  {
    id: 'private-sector',
    name: { en: 'Private sector', fr: 'Secteur privé' },
    capacity: 300,
    waitlist: true,
    requiresApproval: false,
    opensAt,
    closesAt,
    // The fee text is derived from the price: EUR 450.00 / 450,00 EUR.
    price: { amount: 45000, currency: 'EUR' },
    payment: paymentTerms,
  },
  {
    id: 'international-organisations',
    name: { en: 'International organisations', fr: 'Organisations internationales' },
    capacity: 100,
    waitlist: true,
    requiresApproval: false,
    opensAt,
    closesAt,
    fee: { en: 'Free of charge', fr: 'Gratuit' },
  },
  {
    id: 'academia',
    name: { en: 'Academia and research', fr: 'Universités et recherche' },
    capacity: 60,
    waitlist: true,
    requiresApproval: false,
    opensAt,
    closesAt,
    price: { amount: 15000, currency: 'EUR' },
    payment: paymentTerms,
  },
  {
    id: 'pre-conference-workshop',
    name: {
      en: 'Pre-conference workshop: risk analytics (7 June)',
      fr: 'Atelier préalable\u202f: analyse des risques (7 juin)',
    },
    capacity: 25,
    waitlist: true,
    requiresApproval: false,
    opensAt,
    closesAt,
    eligibility: {
      en: 'Hands-on, laptops required; limited places.',
      fr: 'Atelier pratique, ordinateur portable requis\u202f; places limitées.',
    },
    price: { amount: 10000, currency: 'EUR' },
    payment: paymentTerms,
  },
  {
    id: 'media',
    name: { en: 'Media', fr: 'Médias' },
    capacity: 30,
    waitlist: false,
    requiresApproval: true,
    opensAt,
    closesAt,
    eligibility: { en: 'Accredited journalists.', fr: 'Journalistes accrédités.' },
    fee: { en: 'Free of charge', fr: 'Gratuit' },
  },
  {
    id: 'exhibitor-staff',
    name: { en: 'Exhibitor staff', fr: 'Personnel des exposants' },
    capacity: 200,
    waitlist: false,
    requiresApproval: false,
    audience: 'exhibitor-staff',
    opensAt,
    closesAt,
    eligibility: {
      en: 'Booth staff named by an exhibitor, within the passes of its tier.',
      fr: 'Personnel de stand désigné par un exposant, dans la limite des badges de sa catégorie.',
    },
    fee: { en: 'Included in the exhibition package', fr: 'Inclus dans le forfait exposant' },
  },
];

/** Sponsorship tiers of the demo conference (bilingual, with staff passes). */
export const demoTiers: Tier[] = [
  {
    id: 'platinum',
    name: { en: 'Platinum', fr: 'Platine' },
    rank: 1,
    staffPasses: 6,
    benefits: [
      { en: 'Large stand in the main hall', fr: 'Grand stand dans le hall principal' },
      { en: 'Logo on the plenary stage', fr: 'Logo sur la scène plénière' },
    ],
  },
  {
    id: 'gold',
    name: { en: 'Gold', fr: 'Or' },
    rank: 2,
    staffPasses: 4,
    benefits: [{ en: 'Stand in the main hall', fr: 'Stand dans le hall principal' }],
  },
  {
    id: 'silver',
    name: { en: 'Silver', fr: 'Argent' },
    rank: 3,
    staffPasses: 2,
    benefits: [{ en: 'Table-top stand', fr: 'Stand sur table' }],
  },
];

export type DemoSponsor = {
  id: string;
  name: string;
  tier: string;
  booth: string;
  description: { en: string; fr: string };
  website: string;
};

const sponsor = (id: string, name: string, tier: string, booth: string, en: string, fr: string): DemoSponsor => ({
  id,
  name,
  tier,
  booth,
  description: { en, fr },
  website: `https://${id.split('-')[0]}.example.com/`,
});

/** The exhibitors, each approved and published on first start. */
export const demoSponsors: DemoSponsor[] = [
  sponsor(
    'northwind-trade',
    'Northwind Trade Systems',
    'gold',
    'A12',
    'Cloud platforms for **customs declarations** and single windows.\n\n- Declaration processing at national scale\n- Single-window integration',
    'Plateformes infonuagiques pour les **déclarations en douane** et les guichets uniques.\n\n- Traitement des déclarations à l’échelle nationale\n- Intégration aux guichets uniques',
  ),
  sponsor(
    'borealis-scanning',
    'Borealis Scanning',
    'silver',
    'B04',
    'Non-intrusive inspection and image analysis for cargo.',
    'Inspection non intrusive et analyse d’images pour le fret.',
  ),
  sponsor(
    'meridian-secure',
    'Meridian Secure Marking',
    'platinum',
    'A01',
    'Tax stamps and **secure marking** that customs officers verify with a phone.',
    'Timbres fiscaux et **marquage sécurisé** que les agents vérifient avec un téléphone.',
  ),
  sponsor(
    'tessera-trace',
    'Tessera Traceability',
    'platinum',
    'A02',
    'Track-and-trace of excise goods from factory to shelf.',
    'Traçabilité des produits soumis à accise, de l’usine au rayon.',
  ),
  sponsor(
    'harbourline-data',
    'Harbourline Data',
    'gold',
    'A14',
    'Risk analytics and targeting for sea and air cargo.',
    'Analyse des risques et ciblage pour le fret maritime et aérien.',
  ),
  sponsor(
    'atlas-border',
    'Atlas Border Technologies',
    'silver',
    'B06',
    'Automated border control gates and document readers.',
    'Sas de contrôle automatisé aux frontières et lecteurs de documents.',
  ),
  sponsor(
    'quillon-software',
    'Quillon Software',
    'silver',
    'B08',
    'Open-source tariff and classification tools.',
    'Outils libres de tarif et de classement.',
  ),
  sponsor(
    'verity-labs',
    'Verity Labs',
    'gold',
    'A16',
    'Laboratory information systems for customs laboratories.',
    'Systèmes d’information pour les laboratoires des douanes.',
  ),
];

/** Which seeded account manages which demo sponsor (README, "Signing in locally"). */
export const demoSponsorMembers: Record<string, string> = {
  'northwind-trade': 'sponsor-a@example.org',
  'borealis-scanning': 'sponsor-b@example.org',
};
