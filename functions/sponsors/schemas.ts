/**
 * Sponsors: tiers, exhibitor profiles (a live version the public sees and a draft the
 * sponsor edits), the people who may edit them, booth staff and leads.
 */
import * as z from 'zod/mini';
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
import { meta } from '../core/zod.ts';

/** Angle brackets have no place in a name or a label: refusing them keeps markup out of plain-text fields. */
const plain = (max: number) =>
  oneLineText({ max }).check(z.refine((value) => !/[<>]/.test(value), 'Must not contain < or >'));

/** A bilingual label on one line without markup (a product name, a tier name). */
export const PlainBilingual = meta(
  z.strictObject({ en: plain(200).check(z.minLength(1)), fr: z.optional(plain(200).check(z.minLength(1))) }),
  { description: 'Text on one line in English, with an optional French translation' },
);

/** An https address (website, social link): no other scheme, no credentials, at most 500 characters. */
export const HttpsUrl = meta(
  z.url({ protocol: /^https$/, hostname: z.regexes.domain, normalize: true }).check(
    z.maxLength(500),
    z.refine((value) => {
      const url = URL.canParse(value) ? new URL(value) : undefined;
      return !url || (!url.username && !url.password);
    }, 'Must not contain a user name or password'),
  ),
  { description: 'An https address', example: 'https://www.example.com/' },
);

// ── Tiers (organisers) ──────────────────────────────────────────────────────────────

export const Tier = meta(
  z.strictObject({
    id: Id,
    name: PlainBilingual,
    rank: meta(z.int().check(z.gte(1), z.lte(99)), { description: 'Display order: 1 first' }),
    staffPasses: meta(z.int().check(z.gte(0), z.lte(200)), {
      description: 'Booth staff a sponsor of this tier may name',
    }),
    benefits: z.array(PlainBilingual).check(z.maxLength(20)),
  }),
  { description: 'A sponsorship tier of an event' },
);
export type Tier = z.infer<typeof Tier>;

export const TiersInput = meta(
  z.strictObject({ tiers: z.array(Tier).check(z.maxLength(20)) }).check(
    z.refine((t) => new Set(t.tiers.map((x) => x.id)).size === t.tiers.length, {
      path: ['tiers'],
      message: 'Tier ids must be unique',
    }),
  ),
  { description: "All of an event's tiers (replaces the list)" },
);
export const Tiers = meta(z.object({ items: z.array(Tier), version: z.int().check(z.gte(0)) }), {
  description: 'Tiers',
});

// ── Profile content (sponsor members) ───────────────────────────────────────────────

export const Contact = z.strictObject({
  name: personName({ max: 200 }).check(z.minLength(1)),
  email: z.email().check(z.maxLength(254)),
  phone: z.optional(plain(40)),
  public: meta(z._default(z.boolean(), false), { description: 'Shown on the public page; private unless set' }),
});
export type Contact = z.infer<typeof Contact>;

export const Product = z.strictObject({
  name: PlainBilingual,
  description: meta(z.optional(BilingualText), { description: 'Markdown' }),
});
export type Product = z.infer<typeof Product>;

/** Where uploaded logos live: `media/logos/<sponsorId>/<random>.<png|jpg|webp>`. */
export const LogoKey = meta(
  z
    .string()
    .check(
      z.regex(
        /^media\/logos\/[a-z0-9][a-z0-9-]{0,63}\/[a-f0-9-]{36}\.(png|jpg|webp)$/,
        'Not a logo key this API issued',
      ),
    ),
  { description: 'The key returned by the logo upload' },
);

/** What a sponsor member edits (the PUT body); name, tier and booth are the organisers'. */
export const SponsorProfileInput = meta(
  z.strictObject({
    description: meta(z.optional(BilingualText), { description: 'Markdown, stored as written' }),
    website: z.optional(HttpsUrl),
    logoKey: z.optional(LogoKey),
    contacts: z._default(z.array(Contact).check(z.maxLength(10)), []),
    products: z._default(z.array(Product).check(z.maxLength(30)), []),
    socialLinks: meta(z._default(z.array(HttpsUrl).check(z.maxLength(8)), []), { description: 'Any https addresses' }),
  }),
  { description: 'The editable part of an exhibitor profile' },
);
export type SponsorProfileInput = z.infer<typeof SponsorProfileInput>;

/** A version of the content: the draft or the live one. */
export const ProfileContent = meta(
  z.object({
    description: z.optional(BilingualText),
    website: z.optional(z.string()),
    logoKey: z.optional(z.string()),
    logoUrl: z.optional(z.string()),
    contacts: z.array(Contact),
    products: z.array(Product),
    socialLinks: z.array(z.string()),
  }),
  { description: 'The content of a profile version' },
);
export type ProfileContent = z.infer<typeof ProfileContent>;

/** Where the draft stands, in plain words: live (nothing pending), draft, submitted (under review), changes-requested. */
export const ProfileState = z.enum(['live', 'draft', 'submitted', 'changes-requested']);
export type ProfileState = z.infer<typeof ProfileState>;
/** The contract's coarse status, kept for older clients: published = live, submitted, otherwise draft. */
export const SponsorStatus = z.enum(['draft', 'submitted', 'published']);

/** What a member (or an organiser) sees: the draft's content at the top level, the live version beside it. */
export const SponsorProfile = meta(
  z.extend(ProfileContent, {
    sponsorId: Id,
    eventId: Id,
    name: z.string(),
    tier: Id,
    booth: z.optional(z.string()),
    state: ProfileState,
    status: SponsorStatus,
    comment: meta(z.optional(z.string()), { description: "The organisers' comment when changes are requested" }),
    published: meta(z.boolean(), { description: 'Whether the live version is on the public site' }),
    live: meta(z.optional(z.extend(ProfileContent, { version: z.int(), approvedAt: IsoDateTime })), {
      description: 'The last approved version (absent before the first approval)',
    }),
    version: meta(z.int(), { description: "The draft's version (ETag); send it as If-Match" }),
    updatedAt: z.optional(IsoDateTime),
    submittedAt: z.optional(IsoDateTime),
    staffPasses: meta(z.optional(z.int()), { description: "The tier's staff passes" }),
    staffUsed: z.optional(z.int()),
  }),
  { description: 'An exhibitor profile: draft and live version' },
);
export type SponsorProfile = z.infer<typeof SponsorProfile>;

/** HTML rendered from Markdown by the API, through the allowlist sanitiser. */
const SafeHtml = meta(z.object({ en: z.string(), fr: z.optional(z.string()) }), { description: 'Sanitised HTML' });

/** What the public sees: the live version only, public contacts only, Markdown rendered to safe HTML. */
export const PublicSponsor = meta(
  z.object({
    sponsorId: Id,
    name: z.string(),
    tier: Id,
    tierName: z.optional(Bilingual),
    tierRank: z.optional(z.int()),
    booth: z.optional(z.string()),
    descriptionHtml: z.optional(SafeHtml),
    website: z.optional(z.string()),
    logoUrl: z.optional(z.string()),
    contacts: z.array(z.object({ name: z.string(), email: z.string(), phone: z.optional(z.string()) })),
    products: z.array(z.object({ name: Bilingual, descriptionHtml: z.optional(SafeHtml) })),
    socialLinks: z.array(z.string()),
    version: z.int(),
    approvedAt: IsoDateTime,
  }),
  { description: 'A published exhibitor profile' },
);
export type PublicSponsor = z.infer<typeof PublicSponsor>;

export const PublicSponsorList = meta(z.object({ items: z.array(PublicSponsor), tiers: z.array(Tier) }), {
  description: 'Published exhibitors, by tier rank then name, and the tiers',
});

// ── Organisers ──────────────────────────────────────────────────────────────────────

const SponsorName = plain(200).check(z.minLength(1));
const Booth = plain(20).check(z.minLength(1));
/** Ids the event's sponsor routes use as path segments. */
const RESERVED_IDS = ['review', 'overview'];

export const SponsorCreate = meta(
  z.strictObject({
    id: z.optional(Id.check(z.refine((id) => !RESERVED_IDS.includes(id), 'This id is reserved'))),
    name: SponsorName,
    tier: Id,
    booth: z.optional(Booth),
  }),
  { description: 'A new sponsor (organisers); without an id one is made from the name' },
);
export type SponsorCreate = z.infer<typeof SponsorCreate>;

export const SponsorPatch = meta(z.partial(z.strictObject({ name: SponsorName, tier: Id, booth: z.nullable(Booth) })), {
  description: 'Changes to name, tier or booth (null removes the booth)',
});
export type SponsorPatch = z.infer<typeof SponsorPatch>;

export const ReturnInput = meta(
  z.strictObject({ comment: multiLineText({ max: 2000 }).check(z.minLength(1, 'Say what should change')) }),
  { description: 'Send back with a comment' },
);

/** A row of the organisers' overview (and of the review queue). */
export const SponsorSummary = z.object({
  sponsorId: Id,
  name: z.string(),
  tier: Id,
  booth: z.optional(z.string()),
  state: ProfileState,
  published: z.boolean(),
  version: z.int(),
  submittedAt: z.optional(IsoDateTime),
  staffUsed: z.int(),
});
export type SponsorSummary = z.infer<typeof SponsorSummary>;

/** Live and draft side by side, with the fields that differ. */
export const ReviewPair = meta(
  z.object({
    sponsor: SponsorSummary,
    live: z.optional(PublicSponsor),
    draft: PublicSponsor,
    changed: meta(z.array(z.string()), { description: 'Top-level fields whose content differs' }),
  }),
  { description: 'A draft beside the live version, both as the public would see them' },
);

// ── Members ─────────────────────────────────────────────────────────────────────────

export const Member = meta(z.object({ memberId: Id, email: z.email(), invitedAt: IsoDateTime }), {
  description: 'A person who may edit a sponsor profile',
});
export type Member = z.infer<typeof Member>;

export const InviteMember = z.strictObject({ email: z.email().check(z.maxLength(254)) });

// ── Logo upload ─────────────────────────────────────────────────────────────────────

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const LOGO_MAX_BYTES = 1_048_576;
export const LogoUploadInput = meta(
  z.strictObject({
    contentType: z.string().check(z.maxLength(100)),
    size: z.int().check(z.gte(1)),
  }),
  { description: 'What will be uploaded: PNG, JPEG or WebP, at most 1 MB (SVG is refused)' },
);
export const LogoUpload = meta(
  z.object({
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    key: LogoKey,
    expiresAt: IsoDateTime,
  }),
  { description: 'POST the file to url as multipart/form-data: these fields, then `file`' },
);

// ── Booth staff ─────────────────────────────────────────────────────────────────────

export const StaffInput = meta(
  z.strictObject({
    firstName: personName({ max: 100 }).check(z.minLength(1, 'Required')),
    lastName: personName({ max: 100 }).check(z.minLength(1, 'Required')),
    email: z.email('Enter a valid email address').check(z.maxLength(254)),
    jobTitle: z.optional(plain(200)),
    country: CountryCode,
  }),
  { description: 'A member of the booth staff; the organisation is the sponsor' },
);
export type StaffInput = z.infer<typeof StaffInput>;

export const StaffMember = z.object({
  staffId: meta(z.string(), { description: 'The registration id' }),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  jobTitle: z.optional(z.string()),
  addedAt: IsoDateTime,
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ items: z.array(StaffMember), passes: z.int(), used: z.int() });

// ── Leads ───────────────────────────────────────────────────────────────────────────

const Rating = z.int().check(z.gte(1), z.lte(5));
const Note = meta(multiLineText({ max: 2000 }), { description: "The sponsor's own note" });

export const LeadInput = z.strictObject({
  code: meta(z.string().check(z.trim(), z.minLength(4), z.maxLength(32)), {
    description: "The attendee's check-in code (any case)",
  }),
  note: z.optional(Note),
  rating: z.optional(Rating),
});
export const LeadPatch = z.partial(z.strictObject({ note: z.nullable(Note), rating: z.nullable(Rating) }));

export const Lead = z.object({
  leadId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  organisation: z.string(),
  country: z.string(),
  jobTitle: z.optional(z.string()),
  note: z.optional(z.string()),
  rating: z.optional(Rating),
  capturedAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Lead = z.infer<typeof Lead>;
export const LeadPage = z.object({ items: z.array(Lead), nextCursor: z.nullable(z.string()) });
