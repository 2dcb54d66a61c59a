/** The demo conference's agenda: three rooms, three tracks, eight speakers, fifteen sessions, in both languages. */
import type { RoomInput, SessionInput, SpeakerInput, TrackInput } from '../functions/agenda/schemas.ts';

type WithId<T> = T & { id: string };

export const demoRooms: WithId<RoomInput>[] = [
  { id: 'auditorium', name: { en: 'Auditorium I', fr: 'Auditorium I' }, capacity: 1200 },
  { id: 'tagus-room', name: { en: 'Tagus Room', fr: 'Salle du Tage' }, capacity: 300 },
  { id: 'workshop-lab', name: { en: 'Workshop Lab', fr: 'Laboratoire des ateliers' }, capacity: 60 },
];

export const demoTracks: WithId<TrackInput>[] = [
  { id: 'data-analytics', name: { en: 'Data and analytics', fr: 'Données et analyse' }, color: '#1a5fb4' },
  { id: 'single-window', name: { en: 'Single window', fr: 'Guichet unique' }, color: '#26a269' },
  { id: 'border-tech', name: { en: 'Border technology', fr: 'Technologies aux frontières' }, color: '#c64600' },
];

const bio = (en: string, fr: string) => ({ en, fr });
/** A speaker's organisation or job title, in English and French. */
const both = bio;
export const demoSpeakers: WithId<SpeakerInput>[] = [
  {
    id: 'amara-diallo',
    name: 'Amara Diallo',
    organisation: both('Directorate General of Customs, Senegal', 'Direction générale des douanes, Sénégal'),
    jobTitle: both('Director of Information Systems', 'Directeur des systèmes d’information'),
    bio: bio('Leads the modernisation of customs clearance.', 'Dirige la modernisation du dédouanement.'),
  },
  {
    id: 'lucia-fernandes',
    name: 'Lúcia Fernandes',
    organisation: both('Tax and Customs Authority, Portugal', 'Autorité fiscale et douanière, Portugal'),
    jobTitle: both('Head of Risk Management', 'Cheffe de la gestion des risques'),
    bio: bio('Works on risk engines for maritime freight.', 'Travaille sur les moteurs de risque du fret maritime.'),
  },
  {
    id: 'kenji-watanabe',
    name: 'Kenji Watanabe',
    organisation: both('Japan Customs', 'Douanes japonaises'),
    jobTitle: both('Senior Officer, NACCS', 'Agent principal, NACCS'),
    bio: bio('Runs the national single window.', 'Gère le guichet unique national.'),
  },
  {
    id: 'sophie-martin',
    name: 'Sophie Martin',
    organisation: both('Directorate General of Customs, France', 'Direction générale des douanes, France'),
    jobTitle: both('Data Project Lead', 'Cheffe de projet données'),
    bio: bio('Builds data pipelines for trade statistics.', 'Construit des chaînes de données pour les statistiques.'),
  },
  {
    id: 'omar-haddad',
    name: 'Omar Haddad',
    organisation: both('Jordan Customs', 'Douanes jordaniennes'),
    jobTitle: both('Chief Technology Officer', 'Directeur de la technologie'),
    bio: bio('Deploys non-intrusive inspection at land borders.', 'Déploie l’inspection non intrusive aux frontières.'),
  },
  {
    id: 'ingrid-larsen',
    name: 'Ingrid Larsen',
    organisation: both('Norwegian Customs', 'Douanes norvégiennes'),
    jobTitle: both('Enterprise Architect', 'Architecte d’entreprise'),
    bio: bio('Designs digital border crossings.', 'Conçoit les passages de frontière numériques.'),
  },
  {
    id: 'carlos-mendoza',
    name: 'Carlos Mendoza',
    organisation: { en: 'Northwind Trade Systems' },
    jobTitle: both('Product Director', 'Directeur produit'),
    bio: bio('Builds clearance software for brokers.', 'Conçoit des logiciels de dédouanement.'),
  },
  {
    id: 'grace-okafor',
    name: 'Grace Okafor',
    organisation: both('Nigeria Customs Service', 'Service des douanes du Nigeria'),
    jobTitle: both('Deputy Comptroller, Modernisation', 'Contrôleuse adjointe, modernisation'),
    bio: bio('Leads e-customs programmes.', 'Dirige les programmes de douane électronique.'),
  },
];

/** Times at the venue (Lisbon, UTC+01:00 in June). */
const at = (day: number, time: string) => `2027-06-${String(7 + day).padStart(2, '0')}T${time}:00+01:00`;
const session = (
  id: string,
  day: number,
  [from, to]: [string, string],
  roomId: string,
  rest: Omit<SessionInput, 'start' | 'end' | 'roomId'>,
): WithId<SessionInput> => ({ id, start: at(day, from), end: at(day, to), roomId, ...rest });
const t = (en: string, fr: string) => ({ en, fr });

export const demoSessions: WithId<SessionInput>[] = [
  session('opening-keynote', 1, ['09:00', '10:00'], 'auditorium', {
    title: t('Opening keynote: connected borders', 'Discours d’ouverture\u202f: des frontières connectées'),
    abstract: t(
      'Why data sharing decides the next decade of customs.',
      'Pourquoi le partage des données décidera la prochaine décennie.',
    ),
    type: 'keynote',
    speakerIds: ['amara-diallo'],
    language: 'en',
  }),
  session('coffee-day-1', 1, ['10:00', '10:30'], 'auditorium', {
    title: t('Coffee break', 'Pause café'),
    type: 'break',
    speakerIds: [],
  }),
  session('risk-engines', 1, ['10:30', '11:30'], 'tagus-room', {
    title: t('Risk engines for maritime freight', 'Moteurs de risque pour le fret maritime'),
    abstract: t('Targeting containers with machine learning.', 'Cibler les conteneurs par apprentissage automatique.'),
    type: 'talk',
    trackId: 'data-analytics',
    speakerIds: ['lucia-fernandes'],
    language: 'en',
  }),
  session('single-window-panel', 1, ['10:30', '12:00'], 'auditorium', {
    title: t('Panel: single windows that traders use', 'Table ronde\u202f: des guichets uniques utilisés'),
    type: 'panel',
    trackId: 'single-window',
    speakerIds: ['kenji-watanabe', 'grace-okafor', 'carlos-mendoza'],
  }),
  session('data-pipelines-workshop', 1, ['14:00', '16:00'], 'workshop-lab', {
    title: t('Workshop: trade statistics pipelines', 'Atelier\u202f: chaînes de statistiques commerciales'),
    abstract: t('Hands-on with open data tools.', 'Pratique des outils de données ouvertes.'),
    type: 'workshop',
    trackId: 'data-analytics',
    speakerIds: ['sophie-martin'],
    language: 'fr',
  }),
  session('nii-land-borders', 1, ['14:00', '15:00'], 'tagus-room', {
    title: t('Non-intrusive inspection at land borders', 'Inspection non intrusive aux frontières terrestres'),
    type: 'talk',
    trackId: 'border-tech',
    speakerIds: ['omar-haddad'],
    language: 'en',
  }),
  session('welcome-reception', 1, ['18:30', '20:30'], 'auditorium', {
    title: t('Welcome reception', 'Réception de bienvenue'),
    type: 'networking',
    speakerIds: [],
  }),
  session('plenary-digital-crossings', 2, ['09:00', '10:00'], 'auditorium', {
    title: t('Plenary: digital border crossings', 'Plénière\u202f: passages de frontière numériques'),
    type: 'plenary',
    trackId: 'border-tech',
    speakerIds: ['ingrid-larsen'],
    language: 'en',
  }),
  session('e-customs-nigeria', 2, ['10:30', '11:15'], 'tagus-room', {
    title: t('E-customs at national scale', 'La douane électronique à l’échelle nationale'),
    type: 'talk',
    trackId: 'single-window',
    speakerIds: ['grace-okafor'],
    language: 'en',
  }),
  session('broker-demo', 2, ['10:30', '11:15'], 'workshop-lab', {
    title: t('Demo: clearance in one screen', 'Démonstration\u202f: le dédouanement en un écran'),
    type: 'demo',
    trackId: 'single-window',
    speakerIds: ['carlos-mendoza'],
    language: 'en',
  }),
  session('risk-data-sharing', 2, ['11:30', '12:30'], 'auditorium', {
    title: t('Sharing risk data between administrations', 'Partager les données de risque entre administrations'),
    type: 'panel',
    trackId: 'data-analytics',
    speakerIds: ['lucia-fernandes', 'sophie-martin', 'amara-diallo'],
  }),
  session('lunch-day-2', 2, ['12:30', '14:00'], 'auditorium', {
    title: t('Lunch', 'Déjeuner'),
    type: 'break',
    speakerIds: [],
  }),
  session('architecture-clinic', 2, ['14:00', '15:30'], 'workshop-lab', {
    title: t('Enterprise architecture clinic', 'Clinique d’architecture d’entreprise'),
    type: 'workshop',
    trackId: 'border-tech',
    speakerIds: ['ingrid-larsen', 'kenji-watanabe'],
    language: 'en',
  }),
  session('scanners-roadmap', 3, ['09:30', '10:30'], 'tagus-room', {
    title: t('Scanner roadmap 2030', 'Feuille de route des scanners 2030'),
    type: 'talk',
    trackId: 'border-tech',
    speakerIds: ['omar-haddad'],
    language: 'en',
  }),
  session('closing-plenary', 3, ['11:00', '12:00'], 'auditorium', {
    title: t('Closing plenary and conclusions', 'Plénière de clôture et conclusions'),
    type: 'plenary',
    speakerIds: ['amara-diallo', 'grace-okafor'],
    language: 'fr',
  }),
];
