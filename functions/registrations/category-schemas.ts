/**
 * Registration categories (quotas): what organisers define and what the public sees of them.
 * Apart from the registrations' schemas so the events context, which shows categories with
 * their availability, builds only these at its cold start.
 */
import * as z from 'zod/mini';
import { Bilingual, BilingualText, Id, IsoDateTime } from '../core/schemas.ts';
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

const opensBeforeCloses = (c: { opensAt?: string; closesAt?: string }) =>
  !c.opensAt || !c.closesAt || Date.parse(c.closesAt) > Date.parse(c.opensAt);

export const Category = z
  .strictObject({ id: Id, ...categoryFields })
  .check(z.refine(opensBeforeCloses, { path: ['closesAt'], message: 'Must be after opensAt' }));
export type Category = z.infer<typeof Category>;

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
