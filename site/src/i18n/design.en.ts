/**
 * Texts of the design system in English: the page frame (menu, sign-in area, footer), the one
 * status vocabulary shared by the console, the manage page and the check-in desk, the home
 * page and the privacy notice. design.fr.ts must match it (DesignStrings).
 */
import type { Localised } from './types.ts';

export const designEn = {
  menu: 'Menu',
  signInArea: 'Sign in',
  /** The same area once this tab is signed in (scripts/header-session.ts). */
  signedInArea: 'Signed in',
  /** The first line of that area's menu (scripts/header-session.ts). */
  signedInAs: 'Signed in as {who}',
  signOut: 'Sign out',
  signInNav: 'Sign-in areas',
  myRegistration: 'My registration',
  footerNav: 'Site information',
  privacy: 'Privacy notice',
  contact: 'Contact the organisers',
  contactEmail: 'registration@conference.example.org',
  organisedBy: 'Organised by the conference secretariat for customs administrations worldwide.',
  /** Registration statuses, as badges and in sentences. */
  status: {
    unverified: 'Unverified',
    confirmed: 'Confirmed',
    pending: 'Pending approval',
    approved: 'Approved',
    waitlisted: 'Waiting list',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },
  /** Payment statuses of a paid category. */
  payment: {
    due: 'Payment due',
    paid: 'Paid',
    waived: 'Fee waived',
    none: 'Nothing to pay',
  },
  /** The live state of a registration category. */
  state: {
    open: 'Open',
    'few-left': 'Few places left',
    waitlist: 'Full: join the waiting list',
    full: 'Full',
    closed: 'Closed',
    'not-yet-open': 'Not yet open',
  },
  free: 'Free of charge',
  home: {
    eyebrow: 'International conference and exhibition',
    theme: 'Theme',
    registerNow: 'Register now',
    programmeLink: 'See the programme',
    closes: 'Registration closes on {date}',
    keyFigures: 'The conference in figures',
    figures: {
      delegates: { value: '{n}', label: 'delegates expected' },
      countries: { value: '{n}+', label: 'countries and territories' },
      exhibitors: { value: '{n}+', label: 'exhibitors' },
    },
    categories: 'Registration categories',
    categoriesLead: 'Places are confirmed in order of registration. Availability is updated live.',
    availability: 'Availability',
    seatsLeft: { one: '{n} place available', other: '{n} places available' },
    highlights: 'At the conference',
    programmeTitle: 'Programme',
    programmeText: 'Three days of plenaries, panels and hands-on workshops on data, risk and trade facilitation.',
    exhibitionTitle: 'Exhibition',
    exhibitionText: 'Meet the companies and organisations building the systems of connected borders.',
    practicalTitle: 'Practical information',
    practicalText: 'Venue, dates and how to reach the venue.',
    opensOn: 'Opens on {date}',
  },
  privacyPage: {
    title: 'Privacy notice',
    lead: 'How we handle the personal data you give us when you register for the conference.',
    sections: [
      {
        heading: 'Who is responsible',
        text: 'The conference secretariat is responsible for your data. Write to {email} with any question about it.',
      },
      {
        heading: 'What we collect',
        text: 'Your name, email address, organisation, job title, country, preferred language and registration category; if you tell us, your dietary and accessibility needs and whether you need a visa letter; for paid categories, the payment reference and its status; and when you arrive, the time you checked in.',
      },
      {
        heading: 'Why',
        text: 'To organise the conference: to confirm your place, keep the waiting list, issue invoices and visa letters, welcome you at the registration desk and cater for you. We do not sell your data or use it for advertising.',
      },
      {
        heading: 'Who sees it',
        text: 'The organisers and the registration desk staff. Exhibitors see your contact details only if you agree when they scan your badge.',
      },
      {
        heading: 'How long we keep it',
        text: 'Dietary and accessibility needs are deleted the day after the event. Everything else is deleted automatically {days} days after the event ends; invoices are kept as long as accounting law requires.',
      },
      {
        heading: 'Your rights',
        text: 'From the private link in your confirmation mail you can see, correct (all but your email address, which identifies your registration), download (as JSON) and erase your data, or cancel your registration. Lost the link? Ask for it on the My registration page.',
      },
      {
        heading: 'Contact',
        text: 'Questions or complaints: {email}. You may also turn to your data protection authority.',
      },
    ],
  },
} as const;

export type DesignStrings = Localised<typeof designEn>;
