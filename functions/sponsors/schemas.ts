/**
 * Sponsors: tiers, exhibitor profiles (a live version the public sees and a draft the
 * sponsor edits), the people who may edit them, booth staff and leads.
 */
import * as z from 'zod';
import {
  Bilingual,
  BilingualText,
  CountryCode,
  Id,
  IsoDateTime,
  multiLineText,
  oneLineText,
  personName,
} from '../core/schemas.ts';

/** Angle brackets have no place in a name or a label: refusing them keeps markup out of plain-text fields. */
const plain = (max: number) => oneLineText({ max }).refine((value) => !/[<>]/.test(value), 'Must not contain < or >');

/** A bilingual label on one line without markup (a product name, a tier name). */
export const PlainBilingual = z
  .object({ en: plain(200).min(1), fr: plain(200).min(1).optional() })
  .strict()
  .meta({ description: 'Text on one line in English, with an optional French translation' });

/** An https address (website, social link): no other scheme, no credentials, at most 500 characters. */
export const HttpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, normalize: true })
  .max(500)
  .refine((value) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    return !url || (!url.username && !url.password);
  }, 'Must not contain a user name or password')
  .meta({ description: 'An https address', example: 'https://www.example.com/' });

// ── Tiers (organisers) ──────────────────────────────────────────────────────────────

export const Tier = z
  .object({
    id: Id,
    name: PlainBilingual,
    rank: z.int().min(1).max(99).meta({ description: 'Display order: 1 first' }),
    staffPasses: z.int().min(0).max(200).meta({ description: 'Booth staff a sponsor of this tier may name' }),
    benefits: z.array(PlainBilingual).max(20),
  })
  .strict()
  .meta({ description: 'A sponsorship tier of an event' });
export type Tier = z.infer<typeof Tier>;

export const TiersInput = z
  .object({ tiers: z.array(Tier).max(20) })
  .strict()
  .refine((t) => new Set(t.tiers.map((x) => x.id)).size === t.tiers.length, {
    path: ['tiers'],
    message: 'Tier ids must be unique',
  })
  .meta({ description: "All of an event's tiers (replaces the list)" });
export const Tiers = z.object({ items: z.array(Tier), version: z.int().min(0) }).meta({ description: 'Tiers' });

// ── Profile content (sponsor members) ───────────────────────────────────────────────

export const Contact = z
  .object({
    name: personName({ max: 200 }).min(1),
    email: z.email().max(254),
    phone: plain(40).optional(),
    public: z.boolean().default(false).meta({ description: 'Shown on the public page; private unless set' }),
  })
  .strict();
export type Contact = z.infer<typeof Contact>;

export const Product = z
  .object({ name: PlainBilingual, description: BilingualText.optional().meta({ description: 'Markdown' }) })
  .strict();
export type Product = z.infer<typeof Product>;

/** Where uploaded logos live: `media/logos/<sponsorId>/<random>.<png|jpg|webp>`. */
export const LogoKey = z
  .string()
  .regex(/^media\/logos\/[a-z0-9][a-z0-9-]{0,63}\/[a-f0-9-]{36}\.(png|jpg|webp)$/, 'Not a logo key this API issued')
  .meta({ description: 'The key returned by the logo upload' });

/** What a sponsor member edits (the PUT body); name, tier and booth are the organisers'. */
export const SponsorProfileInput = z
  .object({
    description: BilingualText.optional().meta({ description: 'Markdown, stored as written' }),
    website: HttpsUrl.optional(),
    logoKey: LogoKey.optional(),
    contacts: z.array(Contact).max(10).default([]),
    products: z.array(Product).max(30).default([]),
    socialLinks: z.array(HttpsUrl).max(8).default([]).meta({ description: 'Any https addresses' }),
  })
  .strict()
  .meta({ description: 'The editable part of an exhibitor profile' });
export type SponsorProfileInput = z.infer<typeof SponsorProfileInput>;

/** A version of the content: the draft or the live one. */
export const ProfileContent = z
  .object({
    description: BilingualText.optional(),
    website: z.string().optional(),
    logoKey: z.string().optional(),
    logoUrl: z.string().optional(),
    contacts: z.array(Contact),
    products: z.array(Product),
    socialLinks: z.array(z.string()),
  })
  .meta({ description: 'The content of a profile version' });
export type ProfileContent = z.infer<typeof ProfileContent>;

/** Where the draft stands, in plain words: live (nothing pending), draft, submitted (under review), changes-requested. */
export const ProfileState = z.enum(['live', 'draft', 'submitted', 'changes-requested']);
export type ProfileState = z.infer<typeof ProfileState>;
/** The contract's coarse status, kept for older clients: published = live, submitted, otherwise draft. */
export const SponsorStatus = z.enum(['draft', 'submitted', 'published']);

/** What a member (or an organiser) sees: the draft's content at the top level, the live version beside it. */
export const SponsorProfile = ProfileContent.extend({
  sponsorId: Id,
  eventId: Id,
  name: z.string(),
  tier: Id,
  booth: z.string().optional(),
  state: ProfileState,
  status: SponsorStatus,
  comment: z.string().optional().meta({ description: "The organisers' comment when changes are requested" }),
  published: z.boolean().meta({ description: 'Whether the live version is on the public site' }),
  live: ProfileContent.extend({ version: z.int(), approvedAt: IsoDateTime })
    .optional()
    .meta({ description: 'The last approved version (absent before the first approval)' }),
  version: z.int().meta({ description: "The draft's version (ETag); send it as If-Match" }),
  updatedAt: IsoDateTime.optional(),
  submittedAt: IsoDateTime.optional(),
  staffPasses: z.int().optional().meta({ description: "The tier's staff passes" }),
  staffUsed: z.int().optional(),
}).meta({ description: 'An exhibitor profile: draft and live version' });
export type SponsorProfile = z.infer<typeof SponsorProfile>;

/** HTML rendered from Markdown by the API, through the allowlist sanitiser. */
const SafeHtml = z.object({ en: z.string(), fr: z.string().optional() }).meta({ description: 'Sanitised HTML' });

/** What the public sees: the live version only, public contacts only, Markdown rendered to safe HTML. */
export const PublicSponsor = z
  .object({
    sponsorId: Id,
    name: z.string(),
    tier: Id,
    tierName: Bilingual.optional(),
    tierRank: z.int().optional(),
    booth: z.string().optional(),
    descriptionHtml: SafeHtml.optional(),
    website: z.string().optional(),
    logoUrl: z.string().optional(),
    contacts: z.array(z.object({ name: z.string(), email: z.string(), phone: z.string().optional() })),
    products: z.array(z.object({ name: Bilingual, descriptionHtml: SafeHtml.optional() })),
    socialLinks: z.array(z.string()),
    version: z.int(),
    approvedAt: IsoDateTime,
  })
  .meta({ description: 'A published exhibitor profile' });
export type PublicSponsor = z.infer<typeof PublicSponsor>;

export const PublicSponsorList = z
  .object({ items: z.array(PublicSponsor), tiers: z.array(Tier) })
  .meta({ description: 'Published exhibitors, by tier rank then name, and the tiers' });

// ── Organisers ──────────────────────────────────────────────────────────────────────

const SponsorName = plain(200).min(1);
const Booth = plain(20).min(1);
/** Ids the event's sponsor routes use as path segments. */
const RESERVED_IDS = ['review', 'overview'];

export const SponsorCreate = z
  .object({
    id: Id.refine((id) => !RESERVED_IDS.includes(id), 'This id is reserved').optional(),
    name: SponsorName,
    tier: Id,
    booth: Booth.optional(),
  })
  .strict()
  .meta({ description: 'A new sponsor (organisers); without an id one is made from the name' });
export type SponsorCreate = z.infer<typeof SponsorCreate>;

export const SponsorPatch = z
  .object({ name: SponsorName, tier: Id, booth: Booth.nullable() })
  .partial()
  .strict()
  .meta({ description: 'Changes to name, tier or booth (null removes the booth)' });
export type SponsorPatch = z.infer<typeof SponsorPatch>;

export const ReturnInput = z
  .object({ comment: multiLineText({ max: 2000 }).min(1, 'Say what should change') })
  .strict()
  .meta({ description: 'Send back with a comment' });

/** A row of the organisers' overview (and of the review queue). */
export const SponsorSummary = z.object({
  sponsorId: Id,
  name: z.string(),
  tier: Id,
  booth: z.string().optional(),
  state: ProfileState,
  published: z.boolean(),
  version: z.int(),
  submittedAt: IsoDateTime.optional(),
  staffUsed: z.int(),
});
export type SponsorSummary = z.infer<typeof SponsorSummary>;

/** Live and draft side by side, with the fields that differ. */
export const ReviewPair = z
  .object({
    sponsor: SponsorSummary,
    live: PublicSponsor.optional(),
    draft: PublicSponsor,
    changed: z.array(z.string()).meta({ description: 'Top-level fields whose content differs' }),
  })
  .meta({ description: 'A draft beside the live version, both as the public would see them' });

// ── Members ─────────────────────────────────────────────────────────────────────────

export const Member = z
  .object({ memberId: Id, email: z.email(), invitedAt: IsoDateTime })
  .meta({ description: 'A person who may edit a sponsor profile' });
export type Member = z.infer<typeof Member>;

export const InviteMember = z.object({ email: z.email().max(254) }).strict();

// ── Logo upload ─────────────────────────────────────────────────────────────────────

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const LOGO_MAX_BYTES = 1_048_576;
export const LogoUploadInput = z
  .object({
    contentType: z.string().max(100),
    size: z.int().min(1),
  })
  .strict()
  .meta({ description: 'What will be uploaded: PNG, JPEG or WebP, at most 1 MB (SVG is refused)' });
export const LogoUpload = z
  .object({
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    key: LogoKey,
    expiresAt: IsoDateTime,
  })
  .meta({ description: 'POST the file to url as multipart/form-data: these fields, then `file`' });

// ── Booth staff ─────────────────────────────────────────────────────────────────────

export const StaffInput = z
  .object({
    firstName: personName({ max: 100 }).min(1, 'Required'),
    lastName: personName({ max: 100 }).min(1, 'Required'),
    email: z.email('Enter a valid email address').max(254),
    jobTitle: plain(200).optional(),
    country: CountryCode,
  })
  .strict()
  .meta({ description: 'A member of the booth staff; the organisation is the sponsor' });
export type StaffInput = z.infer<typeof StaffInput>;

export const StaffMember = z.object({
  staffId: z.string().meta({ description: 'The registration id' }),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  jobTitle: z.string().optional(),
  addedAt: IsoDateTime,
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ items: z.array(StaffMember), passes: z.int(), used: z.int() });

// ── Leads ───────────────────────────────────────────────────────────────────────────

const Rating = z.int().min(1).max(5);
const Note = multiLineText({ max: 2000 }).meta({ description: "The sponsor's own note" });

export const LeadInput = z
  .object({
    code: z.string().trim().min(4).max(32).meta({ description: "The attendee's check-in code (any case)" }),
    note: Note.optional(),
    rating: Rating.optional(),
  })
  .strict();
export const LeadPatch = z.object({ note: Note.nullable(), rating: Rating.nullable() }).partial().strict();

export const Lead = z.object({
  leadId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  organisation: z.string(),
  country: z.string(),
  jobTitle: z.string().optional(),
  note: z.string().optional(),
  rating: Rating.optional(),
  capturedAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Lead = z.infer<typeof Lead>;
export const LeadPage = z.object({ items: z.array(Lead), nextCursor: z.string().nullable() });
