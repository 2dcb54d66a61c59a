/** Registration categories (quotas) and registrations: requests, views and statuses. */
import { z } from 'zod';
import {
  Bilingual,
  BilingualText,
  CountryCode,
  Id,
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
    checkInCode: z.string().optional().meta({ description: 'Shown on the manage page only, never on sign-up' }),
    heldUntil: z.string().optional().meta({ description: 'When an unverified registration lapses' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ description: 'A registration' });
export type Registration = z.infer<typeof Registration>;
