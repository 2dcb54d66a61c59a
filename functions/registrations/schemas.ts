/** Registrations: requests, views and statuses (the categories' schemas are in category-schemas.ts). */
import * as z from 'zod/mini';
import { CountryCode, Id, IsoDate, Language, multiLineText, oneLineText, personName } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';

export * from './category-schemas.ts';

export const RegistrationStatus = z.enum([
  'unverified',
  'confirmed',
  'waitlisted',
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
]);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

const name = personName({ max: 100 }).check(z.minLength(1, 'Required'));

/** Lead capture: whether exhibitors whose stands the attendee visits may keep their contact. */
const ShareWithExhibitors = meta(z.boolean(), {
  description: 'Exhibitors who scan the badge may keep the contact (default false; withdraw at any time)',
});
/** The consents an attendee may change after registering. */
export const ConsentPatch = z.strictObject({ shareWithExhibitors: ShareWithExhibitors });

/** The registration form: the site's form and the API validate with this same schema. */
export const RegistrationInput = meta(
  z.strictObject({
    categoryId: Id,
    firstName: name,
    lastName: name,
    email: z.email('Enter a valid email address').check(z.maxLength(254)),
    organisation: oneLineText({ max: 200 }).check(z.minLength(1, 'Required')),
    country: CountryCode,
    jobTitle: z.optional(oneLineText({ max: 200 })),
    preferredLanguage: z._default(Language, 'en'),
    dietaryNeeds: z.optional(multiLineText({ max: 500 })),
    accessibilityNeeds: z.optional(multiLineText({ max: 500 })),
    visaLetter: z._default(z.boolean(), false),
    consent: z.strictObject({
      privacy: z.literal(true, 'You must accept the privacy notice'),
      shareWithExhibitors: z.optional(ShareWithExhibitors),
    }),
  }),
  { description: 'A registration request' },
);
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** What an attendee may change after registering. */
/** What an attendee may change after registering; a field left out is never changed. */
// `.strict()` of the full zod is left out: the picked RegistrationInput is already strict, and
// `extend` and `partial` keep its strict catch-all.
export const RegistrationPatch = z.partial(
  z.extend(
    z.pick(RegistrationInput, {
      firstName: true,
      lastName: true,
      country: true,
      organisation: true,
      jobTitle: true,
      dietaryNeeds: true,
      accessibilityNeeds: true,
    }),
    // Without the sign-up defaults: an omitted language or visa request must stay as it is.
    { preferredLanguage: Language, visaLetter: z.boolean(), consent: ConsentPatch },
  ),
);
export type RegistrationPatch = z.infer<typeof RegistrationPatch>;

export const PaymentStatus = z.enum(['due', 'paid', 'waived']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** What a registration in a paid category owes, and how to pay it by bank transfer. */
export const RegistrationPayment = meta(
  z.object({
    status: PaymentStatus,
    amount: meta(z.int().check(z.gte(0)), { description: 'Integer minor units' }),
    currency: z.string(),
    reference: meta(z.string(), {
      description: 'ISO 11649 creditor reference (RF…), unique per registration; quote it on the transfer',
      example: 'RF71 C27K 4M2P 9XQ0',
    }),
    dueDate: meta(IsoDate, { description: 'Unpaid by the end of this day (UTC), the registration is cancelled' }),
    paidAt: z.optional(z.string()),
    invoiceNumber: meta(z.optional(z.string()), { description: 'The final invoice, once paid' }),
    remindedAt: z.optional(z.string()),
  }),
  { description: 'Payment of a paid category (bank transfer)' },
);
export type RegistrationPayment = z.infer<typeof RegistrationPayment>;

export const Registration = meta(
  z.object({
    id: z.string(),
    eventId: Id,
    categoryId: Id,
    status: RegistrationStatus,
    waitlistPosition: z.optional(z.int().check(z.gte(1))),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    organisation: z.string(),
    country: z.string(),
    jobTitle: z.optional(z.string()),
    preferredLanguage: Language,
    dietaryNeeds: z.optional(z.string()),
    accessibilityNeeds: z.optional(z.string()),
    visaLetter: z.boolean(),
    consent: z.optional(z.object({ shareWithExhibitors: z.boolean() })),
    checkedInAt: z.optional(z.string()),
    payment: z.optional(RegistrationPayment),
    checkInCode: meta(z.optional(z.string()), { description: 'Shown on the manage page only, never on sign-up' }),
    heldUntil: meta(z.optional(z.string()), { description: 'When an unverified registration lapses' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  { description: 'A registration' },
);
export type Registration = z.infer<typeof Registration>;
