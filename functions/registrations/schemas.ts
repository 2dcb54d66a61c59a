/** Registration categories (quotas) and registrations: requests, views and statuses. */
import * as z from 'zod';
import {
  Bilingual,
  BilingualText,
  CountryCode,
  Id,
  IsoDate,
  IsoDateTime,
  Language,
  multiLineText,
  oneLineText,
  personName,
} from '../core/schemas.ts';

/** Who may register in a category: anyone (the default), or only booth staff named by a sponsor. */
export const CategoryAudience = z
  .enum(['public', 'exhibitor-staff'])
  .meta({ description: 'public (the default): on the registration form; exhibitor-staff: named by sponsors only' });
/** ISO 4217 codes this runtime knows (EUR, USD, CHF, …). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An amount of money in integer minor units of its currency (never a float). */
export const Money = z
  .object({
    amount: z.int().min(1).max(100_000_000).meta({ description: 'Integer minor units (cents): 45000 is 450.00' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR')
      .refine((c) => CURRENCIES.has(c), 'An ISO 4217 code such as EUR'),
  })
  .strict()
  .meta({ description: 'An amount in integer minor units and its ISO 4217 currency' });
export type Money = z.infer<typeof Money>;

/** Days, counted from when a paid registration holds its seat, to the reminder and to cancellation. */
export const PaymentTerms = z
  .object({
    reminderAfterDays: z.int().min(1).max(365),
    cancelAfterDays: z.int().min(1).max(365),
  })
  .strict()
  .refine((t) => t.cancelAfterDays > t.reminderAfterDays, {
    path: ['cancelAfterDays'],
    message: 'Must be after reminderAfterDays',
  });
export type PaymentTerms = z.infer<typeof PaymentTerms>;

/** The live state of a category as the site shows it (see categoryState in categories.ts). */
export const CategoryState = z.enum(['open', 'few-left', 'waitlist', 'full', 'closed', 'not-yet-open']).meta({
  description:
    'open; few-left (at most 5 seats or 10 % of the capacity free); waitlist (full, joining the waiting list); full (no waiting list); closed; not-yet-open',
});
export type CategoryState = z.infer<typeof CategoryState>;

const categoryFields = {
  name: Bilingual,
  description: BilingualText.optional(),
  capacity: z.int().min(0).max(100_000).meta({ description: 'Seats in this category' }),
  waitlist: z.boolean().meta({ description: 'Whether a waiting list opens when the category is full' }),
  requiresApproval: z.boolean().meta({ description: 'Whether organisers approve each registration' }),
  opensAt: IsoDateTime.optional(),
  closesAt: IsoDateTime.optional(),
  eligibility: Bilingual.optional(),
  fee: Bilingual.optional(),
  price: Money.optional().meta({
    description: 'What a seat costs, in minor units (EUR 450.00 is 45000); no price means free',
  }),
  payment: PaymentTerms.optional().meta({
    description: 'When an unpaid registration is reminded and then cancelled (paid categories; defaults 7 and 14 days)',
  }),
  holdHours: z
    .int()
    .min(1)
    .max(168)
    .optional()
    .meta({ description: 'Hours an unverified registration holds its place before it lapses (default 24)' }),
  audience: CategoryAudience.optional(),
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
    state: CategoryState,
  })
  .meta({ description: 'A registration category with live availability' });
export type PublicCategory = z.infer<typeof PublicCategory>;

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

const name = personName({ max: 100 }).min(1, 'Required');

/** Lead capture: whether exhibitors whose stands the attendee visits may keep their contact. */
const ShareWithExhibitors = z.boolean().meta({
  description: 'Exhibitors who scan the badge may keep the contact (default false; withdraw at any time)',
});
/** The consents an attendee may change after registering. */
export const ConsentPatch = z.object({ shareWithExhibitors: ShareWithExhibitors }).strict();

/** The registration form: the site's form and the API validate with this same schema. */
export const RegistrationInput = z
  .object({
    categoryId: Id,
    firstName: name,
    lastName: name,
    email: z.email('Enter a valid email address').max(254),
    organisation: oneLineText({ max: 200 }).min(1, 'Required'),
    country: CountryCode,
    jobTitle: oneLineText({ max: 200 }).optional(),
    preferredLanguage: Language.default('en'),
    dietaryNeeds: multiLineText({ max: 500 }).optional(),
    accessibilityNeeds: multiLineText({ max: 500 }).optional(),
    visaLetter: z.boolean().default(false),
    consent: z
      .object({
        privacy: z.literal(true, 'You must accept the privacy notice'),
        shareWithExhibitors: ShareWithExhibitors.optional(),
      })
      .strict(),
  })
  .strict()
  .meta({ description: 'A registration request' });
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** What an attendee may change after registering. */
/** What an attendee may change after registering; a field left out is never changed. */
export const RegistrationPatch = RegistrationInput.pick({
  firstName: true,
  lastName: true,
  country: true,
  organisation: true,
  jobTitle: true,
  dietaryNeeds: true,
  accessibilityNeeds: true,
})
  // Without the sign-up defaults: an omitted language or visa request must stay as it is.
  .extend({ preferredLanguage: Language, visaLetter: z.boolean(), consent: ConsentPatch })
  .partial()
  .strict();
export type RegistrationPatch = z.infer<typeof RegistrationPatch>;

export const PaymentStatus = z.enum(['due', 'paid', 'waived']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** What a registration in a paid category owes, and how to pay it by bank transfer. */
export const RegistrationPayment = z
  .object({
    status: PaymentStatus,
    amount: z.int().min(0).meta({ description: 'Integer minor units' }),
    currency: z.string(),
    reference: z.string().meta({
      description: 'ISO 11649 creditor reference (RF…), unique per registration; quote it on the transfer',
      example: 'RF71 C27K 4M2P 9XQ0',
    }),
    dueDate: IsoDate.meta({ description: 'Unpaid by the end of this day (UTC), the registration is cancelled' }),
    paidAt: z.string().optional(),
    invoiceNumber: z.string().optional().meta({ description: 'The final invoice, once paid' }),
    remindedAt: z.string().optional(),
  })
  .meta({ description: 'Payment of a paid category (bank transfer)' });
export type RegistrationPayment = z.infer<typeof RegistrationPayment>;

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
    consent: z.object({ shareWithExhibitors: z.boolean() }).optional(),
    checkedInAt: z.string().optional(),
    payment: RegistrationPayment.optional(),
    checkInCode: z.string().optional().meta({ description: 'Shown on the manage page only, never on sign-up' }),
    heldUntil: z.string().optional().meta({ description: 'When an unverified registration lapses' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ description: 'A registration' });
export type Registration = z.infer<typeof Registration>;
