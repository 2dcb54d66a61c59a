/** What members, organisers and the public see of a stored sponsor; the state rules in plain functions. */
import { DESCRIPTION_RULES } from './description-allowlist.ts';
import type { RenderedContent, StoredContent, StoredSponsor } from './keys.ts';
import type {
  ProfileContent,
  PublicSponsor,
  SponsorProfile,
  SponsorProfileInput,
  SponsorSummary,
  Tier,
} from './schemas.ts';

/** Where a logo key is served from (the site's origin, `/media/...`). */
export type MediaUrl = (key: string) => string;

export const EMPTY_CONTENT: StoredContent = { contacts: [], products: [], socialLinks: [] };

/** The content as stored: no undefined fields, so two equal contents serialise alike. */
export function contentOf(input: SponsorProfileInput | StoredContent): StoredContent {
  return {
    ...(input.description ? { description: input.description } : {}),
    ...(input.website ? { website: input.website } : {}),
    ...(input.logoKey ? { logoKey: input.logoKey } : {}),
    contacts: input.contacts.map((c) => ({ ...c, public: c.public ?? false })),
    products: input.products,
    socialLinks: input.socialLinks,
  };
}

/** Canonical JSON (keys sorted), to compare two contents. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export const sameContent = (a: StoredContent | undefined, b: StoredContent | undefined) =>
  a !== undefined && b !== undefined && canonical(contentOf(a)) === canonical(contentOf(b));

/** The top-level fields whose content differs between live and draft (all of them when nothing is live). */
export function changedFields(live: StoredContent | undefined, draft: StoredContent): string[] {
  const fields = ['description', 'website', 'logoKey', 'contacts', 'products', 'socialLinks'] as const;
  const a = contentOf(live ?? EMPTY_CONTENT);
  const b = contentOf(draft);
  return fields.filter((f) => canonical(a[f]) !== canonical(b[f]));
}

/** The contract's coarse status for a state. */
export const statusOf = (state: StoredSponsor['state']) =>
  state === 'live' ? 'published' : state === 'submitted' ? 'submitted' : 'draft';

const withLogo = (content: StoredContent, mediaUrl: MediaUrl): ProfileContent => ({
  ...content,
  ...(content.logoKey ? { logoUrl: mediaUrl(content.logoKey) } : {}),
});

/** The member's (and organisers') view: the draft at the top level, the live version beside it. */
export function toProfile(
  sponsor: StoredSponsor,
  mediaUrl: MediaUrl,
  passes?: { staffPasses: number; staffUsed: number },
): SponsorProfile {
  const { live } = sponsor;
  return {
    ...withLogo(sponsor.draft, mediaUrl),
    sponsorId: sponsor.id,
    eventId: sponsor.eventId,
    name: sponsor.name,
    tier: sponsor.tier,
    ...(sponsor.booth ? { booth: sponsor.booth } : {}),
    state: sponsor.state,
    status: statusOf(sponsor.state),
    ...(sponsor.comment ? { comment: sponsor.comment } : {}),
    published: sponsor.published,
    ...(live
      ? { live: { ...withLogo(contentOf(live), mediaUrl), version: live.version, approvedAt: live.approvedAt } }
      : {}),
    version: sponsor.version,
    updatedAt: sponsor.updatedAt,
    ...(sponsor.submittedAt ? { submittedAt: sponsor.submittedAt } : {}),
    ...(passes ?? {}),
  };
}

/**
 * The descriptions of `content` as sanitised HTML: those stored with it when they were
 * rendered under the current rules, else rendered now. The renderer (marked and
 * sanitize-html, about 235 KB) loads only then, so public reads of approved profiles and the
 * function's cold start go without it.
 */
export async function renderedOf(content: StoredContent & { rendered?: RenderedContent }): Promise<RenderedContent> {
  if (content.rendered?.rules === DESCRIPTION_RULES) return content.rendered;
  return (await import('./markdown.ts')).renderContent(content);
}

/** A content version as the public sees it: descriptions as rendered HTML, private contacts left out. */
export function toPublic(
  sponsor: Pick<StoredSponsor, 'id' | 'name' | 'tier' | 'booth'>,
  content: StoredContent,
  rendered: RenderedContent,
  meta: { version: number; approvedAt: string },
  tiers: Tier[],
  mediaUrl: MediaUrl,
): PublicSponsor {
  const tier = tiers.find((t) => t.id === sponsor.tier);
  const descriptionHtml = rendered.description;
  return {
    sponsorId: sponsor.id,
    name: sponsor.name,
    tier: sponsor.tier,
    ...(tier ? { tierName: tier.name, tierRank: tier.rank } : {}),
    ...(sponsor.booth ? { booth: sponsor.booth } : {}),
    ...(descriptionHtml ? { descriptionHtml } : {}),
    ...(content.website ? { website: content.website } : {}),
    ...(content.logoKey ? { logoUrl: mediaUrl(content.logoKey) } : {}),
    contacts: content.contacts
      .filter((c) => c.public === true)
      .map(({ name, email, phone }) => ({ name, email, ...(phone ? { phone } : {}) })),
    products: content.products.map((p, index) => {
      const html = rendered.products[index];
      return { name: p.name, ...(html ? { descriptionHtml: html } : {}) };
    }),
    socialLinks: content.socialLinks,
    version: meta.version,
    approvedAt: meta.approvedAt,
  };
}

/** The live version for the public, or undefined while unpublished or never approved. */
export async function publicLive(
  sponsor: StoredSponsor,
  tiers: Tier[],
  mediaUrl: MediaUrl,
): Promise<PublicSponsor | undefined> {
  if (!sponsor.published || !sponsor.live) return undefined;
  return toPublic(sponsor, sponsor.live, await renderedOf(sponsor.live), sponsor.live, tiers, mediaUrl);
}

/** Tier rank first (unknown tiers last), then name. */
export function byTierThenName(tiers: Tier[]) {
  const rank = (id: string) => tiers.find((t) => t.id === id)?.rank ?? 100;
  return (a: { tier: string; name: string }, b: { tier: string; name: string }) =>
    rank(a.tier) - rank(b.tier) || a.name.localeCompare(b.name, 'en');
}

export function toSummary(sponsor: StoredSponsor, staffUsed: number): SponsorSummary {
  return {
    sponsorId: sponsor.id,
    name: sponsor.name,
    tier: sponsor.tier,
    ...(sponsor.booth ? { booth: sponsor.booth } : {}),
    state: sponsor.state,
    published: sponsor.published,
    version: sponsor.version,
    ...(sponsor.submittedAt ? { submittedAt: sponsor.submittedAt } : {}),
    staffUsed,
  };
}
