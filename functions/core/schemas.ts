/**
 * Shared zod schemas: the API validates with them, the OpenAPI document is generated from
 * them, and the site imports them for its forms. Types come from here, never hand-written.
 */
import { z } from 'zod';
import { COUNTRY_CODES } from './countries.ts';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use 1-64 lower-case letters, digits or dashes')
  .meta({ description: 'Identifier: lower-case letters, digits and dashes', example: 'citce-2027' });

export const Language = z.enum(['en', 'fr']);
export type Language = z.infer<typeof Language>;

/** Public text: English always, French when translated. */
export const Bilingual = z
  .object({
    en: z.string().trim().min(1).max(2000),
    fr: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .meta({ description: 'Text in English, with an optional French translation' });
export type Bilingual = z.infer<typeof Bilingual>;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .refine(isTimeZone, 'Must be an IANA time zone such as Europe/Brussels')
  .meta({ description: 'IANA time zone of the venue', example: 'Europe/Brussels' });

const countries = new Set<string>(COUNTRY_CODES);

export const CountryCode = z
  .string()
  .refine((code) => countries.has(code), 'Must be an ISO 3166-1 alpha-2 country code')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'BE' });

export const IsoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD', example: '2027-06-08' });
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 date and time with an offset', example: '2027-06-08T09:00:00+02:00' });

export const Venue = z
  .object({
    name: Bilingual,
    address: z.string().min(1).max(300),
    city: z.string().min(1).max(120),
    country: CountryCode,
  })
  .strict();

export const EventStatus = z.enum(['draft', 'published']);

export const Event = z
  .object({
    id: Id,
    name: Bilingual,
    tagline: Bilingual.optional(),
    startDate: IsoDate,
    endDate: IsoDate,
    timeZone: TimeZone,
    venue: Venue,
    status: EventStatus,
  })
  .strict()
  .refine((e) => e.endDate >= e.startDate, { path: ['endDate'], message: 'Must not be before startDate' })
  .meta({ description: 'A conference edition' });
export type Event = z.infer<typeof Event>;

export const EventSummary = z
  .object({ id: Id, name: Bilingual, startDate: IsoDate, endDate: IsoDate, timeZone: TimeZone, venue: Venue })
  .meta({ description: 'A published event, as listed' });
export type EventSummary = z.infer<typeof EventSummary>;

const categoryFields = {
  name: Bilingual,
  description: Bilingual.optional(),
  capacity: z.int().min(0).max(100_000).meta({ description: 'Seats in this category' }),
  waitlist: z.boolean().meta({ description: 'Whether a waiting list opens when the category is full' }),
  requiresApproval: z.boolean().meta({ description: 'Whether organisers approve each registration' }),
  opensAt: IsoDateTime.optional(),
  closesAt: IsoDateTime.optional(),
  eligibility: Bilingual.optional(),
  fee: Bilingual.optional(),
};

export const Category = z
  .object({ id: Id, ...categoryFields })
  .strict()
  .refine((c) => !c.opensAt || !c.closesAt || Date.parse(c.closesAt) > Date.parse(c.opensAt), {
    path: ['closesAt'],
    message: 'Must be after opensAt',
  });
export type Category = z.infer<typeof Category>;

const opensBeforeCloses = (c: { opensAt?: string; closesAt?: string }) =>
  !c.opensAt || !c.closesAt || Date.parse(c.closesAt) > Date.parse(c.opensAt);

/** A new category (organisers); without an id one is made from the English name. */
export const CategoryCreate = z
  .object({ id: Id.optional(), ...categoryFields })
  .strict()
  .refine(opensBeforeCloses, { path: ['closesAt'], message: 'Must be after opensAt' })
  .meta({ description: 'A registration category and its quota' });

export const CategoryPatch = z
  .object(categoryFields)
  .partial()
  .strict()
  .refine(opensBeforeCloses, { path: ['closesAt'], message: 'Must be after opensAt' })
  .meta({ description: 'Changes to a category; capacity may not fall below the seats taken' });

export const PublicCategory = z
  .object({
    id: Id,
    ...categoryFields,
    available: z.int().min(0).meta({ description: 'Seats still free right now' }),
    open: z.boolean().meta({ description: 'Whether registration in this category is open right now' }),
  })
  .meta({ description: 'A registration category with live availability' });
export type PublicCategory = z.infer<typeof PublicCategory>;

export const EventDetail = z
  .object({
    id: Id,
    name: Bilingual,
    tagline: Bilingual.optional(),
    startDate: IsoDate,
    endDate: IsoDate,
    timeZone: TimeZone,
    venue: Venue,
    categories: z.array(PublicCategory),
  })
  .meta({ description: 'A published event with its registration categories' });
export type EventDetail = z.infer<typeof EventDetail>;

// Agenda and exhibition entities (DESIGN §4); their APIs arrive with their own contexts.
export const Room = z.object({ id: Id, name: Bilingual, capacity: z.int().min(1).optional() }).strict();
export type Room = z.infer<typeof Room>;

export const Track = z
  .object({
    id: Id,
    name: Bilingual,
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i)
      .optional(),
  })
  .strict();
export type Track = z.infer<typeof Track>;

export const Speaker = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    organisation: z.string().max(200).optional(),
    jobTitle: z.string().max(200).optional(),
    bio: Bilingual.optional(),
  })
  .strict();
export type Speaker = z.infer<typeof Speaker>;

export const SessionType = z.enum(['plenary', 'panel', 'workshop', 'keynote', 'demo', 'break']);

export const Session = z
  .object({
    id: Id,
    title: Bilingual,
    abstract: Bilingual.optional(),
    type: SessionType,
    start: IsoDateTime,
    end: IsoDateTime,
    roomId: Id,
    trackId: Id.optional(),
    speakerIds: z.array(Id),
    language: Language.optional(),
    version: z.int().min(1),
  })
  .strict()
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { path: ['end'], message: 'Must be after start' });
export type Session = z.infer<typeof Session>;

export const SponsorTier = z.enum(['platinum', 'gold', 'silver', 'bronze']);
export const SponsorStatus = z.enum(['draft', 'submitted', 'published']);

export const Contact = z
  .object({ name: z.string().trim().min(1).max(200), email: z.email().max(254), phone: z.string().max(40).optional() })
  .strict();

export const Product = z.object({ name: z.string().trim().min(1).max(200), description: Bilingual }).strict();

/** What a sponsor member may edit; tier and booth are the organisers'. */
export const SponsorProfileInput = z
  .object({
    description: Bilingual,
    website: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    logoUrl: z
      .url({ protocol: /^https$/ })
      .max(500)
      .optional(),
    contacts: z.array(Contact).max(10),
    products: z.array(Product).max(30),
  })
  .strict()
  .meta({ description: 'The editable part of an exhibitor profile' });
export type SponsorProfileInput = z.infer<typeof SponsorProfileInput>;

export const Sponsor = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    tier: SponsorTier,
    booth: z.string().max(20).optional(),
    website: z.url().optional(),
    logoUrl: z.url().optional(),
    description: Bilingual.optional(),
    contacts: z.array(Contact).optional(),
    products: z.array(Product).optional(),
    status: SponsorStatus,
    version: z.int().min(1),
  })
  .strict();
export type Sponsor = z.infer<typeof Sponsor>;

export const SponsorProfile = z
  .object({
    sponsorId: Id,
    name: z.string(),
    tier: SponsorTier,
    booth: z.string().optional(),
    description: Bilingual.optional(),
    website: z.string().optional(),
    logoUrl: z.string().optional(),
    contacts: z.array(Contact),
    products: z.array(Product),
    status: SponsorStatus,
    version: z.int(),
  })
  .meta({ description: 'An exhibitor profile (DESIGN §4)' });
export type SponsorProfile = z.infer<typeof SponsorProfile>;

export const Member = z
  .object({ memberId: Id, email: z.email(), invitedAt: IsoDateTime })
  .meta({ description: 'A person who may edit a sponsor profile' });
export type Member = z.infer<typeof Member>;

export const InviteMember = z.object({ email: z.email().max(254) }).strict();

export const Me = z
  .object({
    sub: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.enum(['organiser', 'staff'])),
    sponsorIds: z.array(Id),
  })
  .meta({ description: 'The signed-in caller' });

export const RegistrationStatus = z.enum(['confirmed', 'waitlisted', 'pending', 'approved', 'rejected', 'cancelled']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

const name = z.string().trim().min(1, 'Required').max(100);

/** The registration form: the site's form and the API validate with this same schema. */
export const RegistrationInput = z
  .object({
    categoryId: Id,
    firstName: name,
    lastName: name,
    email: z.email('Enter a valid email address').max(254),
    organisation: z.string().trim().min(1, 'Required').max(200),
    country: CountryCode,
    jobTitle: z.string().trim().max(200).optional(),
    preferredLanguage: Language.default('en'),
    dietaryNeeds: z.string().trim().max(500).optional(),
    accessibilityNeeds: z.string().trim().max(500).optional(),
    visaLetter: z.boolean().default(false),
    consent: z.object({ privacy: z.literal(true, 'You must accept the privacy notice') }).strict(),
  })
  .strict()
  .meta({ description: 'A registration request' });
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** What an attendee may change after registering. */
export const RegistrationPatch = RegistrationInput.pick({
  firstName: true,
  lastName: true,
  organisation: true,
  jobTitle: true,
  preferredLanguage: true,
  dietaryNeeds: true,
  accessibilityNeeds: true,
  visaLetter: true,
})
  .partial()
  .strict();
export type RegistrationPatch = z.infer<typeof RegistrationPatch>;

export const Registration = z
  .object({
    id: z.string(),
    eventId: Id,
    categoryId: Id,
    status: RegistrationStatus,
    waitlistPosition: z.int().min(1).optional(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    organisation: z.string(),
    country: z.string(),
    jobTitle: z.string().optional(),
    preferredLanguage: Language,
    dietaryNeeds: z.string().optional(),
    accessibilityNeeds: z.string().optional(),
    visaLetter: z.boolean(),
    checkedInAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ description: 'A registration' });
export type Registration = z.infer<typeof Registration>;

export const Health = z.object({ status: z.literal('ok') });

export const ProblemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ description: 'RFC 9457 problem details' });
export type ProblemDetails = z.infer<typeof ProblemDetails>;
