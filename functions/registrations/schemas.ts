/** Registration categories (quotas) and registrations: requests, views and statuses. */
import * as z from 'zod/mini';
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
import { meta } from '../core/zod.ts';

/** Who may register in a category: anyone (the default), or only booth staff named by a sponsor. */
export const CategoryAudience = meta(z.enum(['public', 'exhibitor-staff']), {
  description: 'public (the default): on the registration form; exhibitor-staff: named by sponsors only',
});
/** ISO 4217 codes this runtime knows (EUR, USD, CHF, …). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An amount of money in integer minor units of its currency (never a float). */
export const Money = meta(
  z.strictObject({
    amount: meta(z.int().check(z.gte(1), z.lte(100_000_000)), {
      description: 'Integer minor units (cents): 45000 is 450.00',
    }),
    currency: z.string().check(
      z.regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR'),
      z.refine((c) => CURRENCIES.has(c), 'An ISO 4217 code such as EUR'),
    ),
  }),
  { description: 'An amount in integer minor units and its ISO 4217 currency' },
);
export type Money = z.infer<typeof Money>;

/** Days, counted from when a paid registration holds its seat, to the reminder and to cancellation. */
export const PaymentTerms = z
  .strictObject({
    reminderAfterDays: z.int().check(z.gte(1), z.lte(365)),
    cancelAfterDays: z.int().check(z.gte(1), z.lte(365)),
  })
  .check(
    z.refine((t) => t.cancelAfterDays > t.reminderAfterDays, {
      path: ['cancelAfterDays'],
      message: 'Must be after reminderAfterDays',
    }),
  );
export type PaymentTerms = z.infer<typeof PaymentTerms>;

/** The live state of a category as the site shows it (see categoryState in categories.ts). */
export const CategoryState = meta(z.enum(['open', 'few-left', 'waitlist', 'full', 'closed', 'not-yet-open']), {
  description:
    'open; few-left (at most 5 seats or 10 % of the capacity free); waitlist (full, joining the waiting list); full (no waiting list); closed; not-yet-open',
});
export type CategoryState = z.infer<typeof CategoryState>;

const categoryFields = {
  name: Bilingual,
  description: z.optional(BilingualText),
  capacity: meta(z.int().check(z.gte(0), z.lte(100_000)), { description: 'Seats in this category' }),
  waitlist: meta(z.boolean(), { description: 'Whether a waiting list opens when the category is full' }),
  requiresApproval: meta(z.boolean(), { description: 'Whether organisers approve each registration' }),
  opensAt: z.optional(IsoDateTime),
  closesAt: z.optional(IsoDateTime),
  eligibility: z.optional(Bilingual),
  fee: z.optional(Bilingual),
  price: meta(z.optional(Money), {
    description: 'What a seat costs, in minor units (EUR 450.00 is 45000); no price means free',
  }),
  payment: meta(z.optional(PaymentTerms), {
    description: 'When an unpaid registration is reminded and then cancelled (paid categories; defaults 7 and 14 days)',
  }),
  holdHours: meta(z.optional(z.int().check(z.gte(1), z.lte(168))), {
    description: 'Hours an unverified registration holds its place before it lapses (default 24)',
  }),
  audience: z.optional(CategoryAudience),
};

export const Category = z.strictObject({ id: Id, ...categoryFields }).check(
  z.refine((c) => !c.opensAt || !c.closesAt || Date.parse(c.closesAt) > Date.parse(c.opensAt), {
    path: ['closesAt'],
    message: 'Must be after opensAt',
  }),
);
export type Category = z.infer<typeof Category>;

const opensBeforeCloses = (c: { opensAt?: string; closesAt?: string }) =>
  !c.opensAt || !c.closesAt || Date.parse(c.closesAt) > Date.parse(c.opensAt);

/** A new category (organisers); without an id one is made from the English name. */
export const CategoryCreate = meta(
  z
    .strictObject({ id: z.optional(Id), ...categoryFields })
    .check(z.refine(opensBeforeCloses, { path: ['closesAt'], message: 'Must be after opensAt' })),
  { description: 'A registration category and its quota' },
);

// `.partial().strict()`: the strict catch-all survives `partial`, so strict first is the same schema.
export const CategoryPatch = meta(
  z
    .partial(z.strictObject(categoryFields))
    .check(z.refine(opensBeforeCloses, { path: ['closesAt'], message: 'Must be after opensAt' })),
  { description: 'Changes to a category; capacity may not fall below the seats taken' },
);

export const PublicCategory = meta(
  z.object({
    id: Id,
    ...categoryFields,
    available: meta(z.int().check(z.gte(0)), { description: 'Seats still free right now' }),
    open: meta(z.boolean(), { description: 'Whether registration in this category is open right now' }),
    state: CategoryState,
  }),
  { description: 'A registration category with live availability' },
);
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
