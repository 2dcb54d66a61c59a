/** Sponsors: exhibitor profiles and the people who may edit them. */
import { z } from 'zod';
import { BilingualText, Id, IsoDateTime, oneLineText, personName } from '../core/schemas.ts';

export const SponsorTier = z.enum(['platinum', 'gold', 'silver', 'bronze']);
export const SponsorStatus = z.enum(['draft', 'submitted', 'published']);

export const Contact = z
  .object({
    name: personName({ max: 200 }).min(1),
    email: z.email().max(254),
    phone: oneLineText({ max: 40 }).optional(),
  })
  .strict();

export const Product = z.object({ name: oneLineText({ max: 200 }).min(1), description: BilingualText }).strict();

/** What a sponsor member may edit; tier and booth are the organisers'. */
export const SponsorProfileInput = z
  .object({
    description: BilingualText,
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
    name: oneLineText({ max: 200 }).min(1),
    tier: SponsorTier,
    booth: oneLineText({ max: 20 }).optional(),
    website: z.url().optional(),
    logoUrl: z.url().optional(),
    description: BilingualText.optional(),
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
    description: BilingualText.optional(),
    website: z.string().optional(),
    logoUrl: z.string().optional(),
    contacts: z.array(Contact),
    products: z.array(Product),
    status: SponsorStatus,
    version: z.int(),
  })
  .meta({ description: 'An exhibitor profile' });
export type SponsorProfile = z.infer<typeof SponsorProfile>;

export const Member = z
  .object({ memberId: Id, email: z.email(), invitedAt: IsoDateTime })
  .meta({ description: 'A person who may edit a sponsor profile' });
export type Member = z.infer<typeof Member>;

export const InviteMember = z.object({ email: z.email().max(254) }).strict();
