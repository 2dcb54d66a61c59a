/** The demo conference seeded on first start: fictional, but shaped like the real thing. */
import type { Category, Event, Room, Session, Speaker, Sponsor, Track } from '../functions/core/schemas.ts';

export const DEMO_EVENT_ID = 'citce-2027';

export const demoEvent: Event = {
  id: DEMO_EVENT_ID,
  name: {
    en: 'Customs IT Conference & Exhibition 2027',
    fr: 'Conférence et exposition sur les TI douanières 2027',
  },
  tagline: {
    en: 'Connected borders: data, trust and technology for trade facilitation',
    fr: 'Frontières connectées : données, confiance et technologie au service de la facilitation des échanges',
  },
  startDate: '2027-06-08',
  endDate: '2027-06-10',
  timeZone: 'Europe/Lisbon',
  venue: {
    name: { en: 'Lisbon Congress Centre', fr: 'Centre de congrès de Lisbonne' },
    address: 'Praça das Indústrias 1',
    city: 'Lisbon',
    country: 'PT',
  },
  status: 'published',
};

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
    fee: { en: 'EUR 450', fr: '450 EUR' },
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
    fee: { en: 'EUR 150', fr: '150 EUR' },
  },
  {
    id: 'pre-conference-workshop',
    name: {
      en: 'Pre-conference workshop: risk analytics (7 June)',
      fr: 'Atelier préalable : analyse des risques (7 juin)',
    },
    capacity: 25,
    waitlist: true,
    requiresApproval: false,
    opensAt,
    closesAt,
    eligibility: {
      en: 'Hands-on, laptops required; limited places.',
      fr: 'Atelier pratique, ordinateur portable requis ; places limitées.',
    },
    fee: { en: 'EUR 100', fr: '100 EUR' },
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
    opensAt,
    closesAt,
    eligibility: {
      en: 'Booth staff named by an exhibitor, within the passes of its tier.',
      fr: 'Personnel de stand désigné par un exposant, dans la limite des badges de sa catégorie.',
    },
    fee: { en: 'Included in the exhibition package', fr: 'Inclus dans le forfait exposant' },
  },
];

export const demoRooms: Room[] = [
  { id: 'plenary-hall', name: { en: 'Plenary Hall', fr: 'Salle plénière' }, capacity: 1200 },
  { id: 'room-tejo', name: { en: 'Tejo Room', fr: 'Salle Tejo' }, capacity: 250 },
  { id: 'workshop-lab', name: { en: 'Workshop Lab', fr: 'Laboratoire des ateliers' }, capacity: 40 },
];

export const demoTracks: Track[] = [
  { id: 'data-analytics', name: { en: 'Data and analytics', fr: 'Données et analyse' }, color: '#1f5fa8' },
  {
    id: 'single-window',
    name: { en: 'Single window and connectivity', fr: 'Guichet unique et connectivité' },
    color: '#2e7d32',
  },
  {
    id: 'security-risk',
    name: { en: 'Security and risk management', fr: 'Sécurité et gestion des risques' },
    color: '#b3261e',
  },
];

export const demoSpeakers: Speaker[] = [
  {
    id: 'amara-diallo',
    name: 'Amara Diallo',
    organisation: 'Senegal Customs',
    jobTitle: 'Director of Information Systems',
  },
  {
    id: 'lucia-ferreira',
    name: 'Lúcia Ferreira',
    organisation: 'Portuguese Tax and Customs Authority',
    jobTitle: 'Head of Digital Transformation',
  },
  { id: 'kenji-watanabe', name: 'Kenji Watanabe', organisation: 'Japan Customs', jobTitle: 'Senior Risk Analyst' },
  {
    id: 'claire-dubois',
    name: 'Claire Dubois',
    organisation: 'Canada Border Services Agency',
    jobTitle: 'Chief Data Officer',
  },
  { id: 'omar-haddad', name: 'Omar Haddad', organisation: 'Northwind Trade Systems', jobTitle: 'Solutions Architect' },
];

export const demoSessions: Session[] = [
  {
    id: 'opening-plenary',
    title: { en: 'Opening plenary: connected borders', fr: 'Plénière d’ouverture : des frontières connectées' },
    type: 'plenary',
    start: '2027-06-08T09:30:00+01:00',
    end: '2027-06-08T11:00:00+01:00',
    roomId: 'plenary-hall',
    speakerIds: ['lucia-ferreira', 'amara-diallo'],
    language: 'en',
    version: 1,
  },
  {
    id: 'ai-risk-targeting',
    title: { en: 'Machine learning for risk targeting', fr: 'L’apprentissage automatique au service du ciblage' },
    type: 'panel',
    start: '2027-06-08T11:30:00+01:00',
    end: '2027-06-08T12:45:00+01:00',
    roomId: 'room-tejo',
    trackId: 'security-risk',
    speakerIds: ['kenji-watanabe', 'claire-dubois'],
    language: 'en',
    version: 1,
  },
  {
    id: 'single-window-interop',
    title: {
      en: 'Single window interoperability in practice',
      fr: 'L’interopérabilité des guichets uniques en pratique',
    },
    type: 'panel',
    start: '2027-06-09T09:30:00+01:00',
    end: '2027-06-09T11:00:00+01:00',
    roomId: 'plenary-hall',
    trackId: 'single-window',
    speakerIds: ['amara-diallo', 'omar-haddad'],
    language: 'fr',
    version: 1,
  },
  {
    id: 'data-model-workshop',
    title: { en: 'Hands-on: the WCO Data Model', fr: 'Atelier pratique : le modèle de données de l’OMD' },
    type: 'workshop',
    start: '2027-06-09T14:00:00+01:00',
    end: '2027-06-09T16:00:00+01:00',
    roomId: 'workshop-lab',
    trackId: 'data-analytics',
    speakerIds: ['claire-dubois'],
    language: 'en',
    version: 1,
  },
  {
    id: 'closing-plenary',
    title: { en: 'Closing plenary and conclusions', fr: 'Plénière de clôture et conclusions' },
    type: 'plenary',
    start: '2027-06-10T15:00:00+01:00',
    end: '2027-06-10T16:30:00+01:00',
    roomId: 'plenary-hall',
    speakerIds: ['lucia-ferreira'],
    version: 1,
  },
];

export const demoSponsors: Sponsor[] = [
  {
    id: 'northwind-trade',
    name: 'Northwind Trade Systems',
    tier: 'gold',
    booth: 'A12',
    website: 'https://northwind.example.com',
    description: {
      en: 'Cloud platforms for customs declarations and single windows.',
      fr: 'Plateformes infonuagiques pour les déclarations en douane et les guichets uniques.',
    },
    status: 'published',
    version: 1,
  },
  {
    id: 'borealis-scanning',
    name: 'Borealis Scanning',
    tier: 'silver',
    booth: 'B04',
    website: 'https://borealis.example.com',
    description: {
      en: 'Non-intrusive inspection and image analysis for cargo.',
      fr: 'Inspection non intrusive et analyse d’images pour le fret.',
    },
    status: 'published',
    version: 1,
  },
];

/** Which seeded account manages which demo sponsor (DESIGN §6). */
export const demoSponsorMembers: Record<string, string> = {
  'northwind-trade': 'sponsor-a@example.org',
  'borealis-scanning': 'sponsor-b@example.org',
};
