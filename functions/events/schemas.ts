/** Events: the conference editions the public sees. */
import * as z from 'zod/mini';
import { Bilingual, bilingualLine, CountryCode, Id, IsoDate, oneLineText, TimeZone } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';
import { PublicCategory } from '../registrations/category-schemas.ts';
import { isValidIban } from '../registrations/reference.ts';

/** A city as each language writes it (Lisbon, Lisbonne). */
export const PlaceName = bilingualLine({
  max: 120,
  description: 'A place name in English, with its French form when it differs',
});
export type PlaceName = z.infer<typeof PlaceName>;

export const Venue = z.strictObject({
  name: Bilingual,
  /** The street address as the post writes it, in the venue's own language. */
  address: oneLineText({ max: 300 }).check(z.minLength(1)),
  city: PlaceName,
  country: CountryCode,
});
export type Venue = z.infer<typeof Venue>;

/** Where attendees of paid categories transfer their fee; printed on invoices and payment mail. */
export const BankAccount = meta(
  z.strictObject({
    beneficiary: oneLineText({ max: 140 }).check(z.minLength(1)),
    address: meta(oneLineText({ max: 300 }).check(z.minLength(1)), { description: "The beneficiary's postal address" }),
    iban: z
      .pipe(
        z.string(),
        z.transform((v) => v.replace(/\s+/g, '').toUpperCase()),
      )
      .check(z.refine(isValidIban, 'Not a valid IBAN')),
    bic: z.string().check(z.regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'Not a valid BIC')),
    bankName: oneLineText({ max: 140 }).check(z.minLength(1)),
    bankAddress: z.optional(oneLineText({ max: 300 })),
  }),
  { description: 'Bank details for transfers (the organiser’s account)' },
);
export type BankAccount = z.infer<typeof BankAccount>;

export const EventStatus = z.enum(['draft', 'published']);

/** What the public sees of an event. */
const publicEventFields = {
  id: Id,
  name: Bilingual,
  tagline: z.optional(Bilingual),
  startDate: IsoDate,
  endDate: IsoDate,
  timeZone: TimeZone,
  venue: Venue,
};

export const Event = meta(
  z
    .strictObject({ ...publicEventFields, status: EventStatus, bankAccount: z.optional(BankAccount) })
    .check(z.refine((e) => e.endDate >= e.startDate, { path: ['endDate'], message: 'Must not be before startDate' })),
  { description: 'A conference edition' },
);
export type Event = z.infer<typeof Event>;

export const EventSummary = meta(
  z.object({ id: Id, name: Bilingual, startDate: IsoDate, endDate: IsoDate, timeZone: TimeZone, venue: Venue }),
  { description: 'A published event, as listed' },
);
export type EventSummary = z.infer<typeof EventSummary>;

export const EventDetail = meta(z.object({ ...publicEventFields, categories: z.array(PublicCategory) }), {
  description: 'A published event with its registration categories',
});
export type EventDetail = z.infer<typeof EventDetail>;

export const Health = z.object({ status: z.literal('ok') });
