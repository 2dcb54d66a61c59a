/** What organisers do: tiers, sponsors with tier and booth, the review queue and the side-by-side pair; what the public reads. */
import { ConflictError, NotFoundError, UnprocessableError } from '../core/errors.ts';
import type { EventReader } from '../events/public.ts';
import type { StoredSponsor } from './keys.ts';
import { type ProfileDeps, requireSponsor, siteRebuild } from './profile.ts';
import type { PublicSponsor, SponsorCreate, SponsorPatch, Tier } from './schemas.ts';
import { type SponsorsStore, TiersHeldError } from './store.ts';
import { byTierThenName, changedFields, EMPTY_CONTENT, publicLive, renderedOf, toPublic, toSummary } from './views.ts';

export type OrganiserDeps = ProfileDeps & { events: EventReader };

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'sponsor';

/**
 * A sponsor is given only a tier of the event's list. The store's counts refuse a tier
 * removed meanwhile; this read refuses one that was never listed or left the list before the
 * counts existed (a stage counted by scripts/count-tier-holders.ts may still count it).
 */
async function requireListedTier(store: SponsorsStore, eventId: string, tierId: string) {
  const { items } = await store.getTiers(eventId);
  if (!items.some((t) => t.id === tierId)) {
    throw new UnprocessableError("Choose one of the event's sponsor tiers.", [
      { path: 'tier', message: 'Unknown tier' },
    ]);
  }
}

/** Replaces the event's tiers; a tier still held by a sponsor cannot go (409 naming them). */
export async function putTiers(deps: OrganiserDeps, eventId: string, tiers: Tier[], expectedVersion: number) {
  if (!(await deps.events.getEvent(eventId))) throw new NotFoundError(`No event ${eventId}.`);
  try {
    return await deps.store.putTiers(eventId, tiers, expectedVersion);
  } catch (error) {
    if (!(error instanceof TiersHeldError)) throw error;
    // The counts are exact; the index that names the holders may lag a sponsor added a moment ago.
    const holders = (await deps.store.listSponsors(eventId)).filter((s) => Object.hasOwn(error.held, s.tier));
    const count = Object.values(error.held).reduce((sum, n) => sum + n, 0);
    const names = holders.map((s) => `${s.name} (${s.tier})`).sort();
    const unnamed = count - holders.length;
    if (unnamed > 0) names.push(`${unnamed} just added (${Object.keys(error.held).sort().join(', ')})`);
    throw new ConflictError(
      `${count} sponsor(s) hold a tier this list leaves out: ${names.join(', ')}. Move them to another tier first.`,
      holders.map((s) => ({ path: 'tiers', message: s.id })),
    );
  }
}

export async function createSponsor(deps: OrganiserDeps, eventId: string, input: SponsorCreate) {
  if (!(await deps.events.getEvent(eventId))) throw new NotFoundError(`No event ${eventId}.`);
  await requireListedTier(deps.store, eventId, input.tier);
  const at = deps.now().toISOString();
  const sponsor: StoredSponsor = {
    id: input.id ?? slug(input.name),
    eventId,
    name: input.name,
    tier: input.tier,
    ...(input.booth ? { booth: input.booth } : {}),
    state: 'draft',
    published: false,
    draft: EMPTY_CONTENT,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.createSponsor(sponsor);
  return sponsor;
}

/** Name, tier and booth are the organisers' and take effect at once (on the public page too). */
export async function patchSponsor(deps: OrganiserDeps, eventId: string, sponsorId: string, patch: SponsorPatch) {
  const sponsor = await requireSponsor(deps.store, sponsorId, eventId);
  if (patch.tier !== undefined && patch.tier !== sponsor.tier) await requireListedTier(deps.store, eventId, patch.tier);
  const now = deps.now();
  const { booth, ...fields } = patch;
  const sets: Record<string, unknown> = { ...fields, updatedAt: now.toISOString() };
  if (booth) sets.booth = booth;
  const removes = booth === null ? ['booth'] : [];
  const side = sponsor.published ? [siteRebuild(eventId, now)] : [];
  // Organisers' fields do not move the draft's version: a member's edit in progress stays valid.
  await deps.store.changeSponsor(
    sponsor,
    {},
    { sets: { ...sets, ...(patch.name ? { name: patch.name } : {}) }, removes, bump: false, index: !!patch.name },
    side,
  );
  return requireSponsor(deps.store, sponsorId, eventId);
}

/** Every sponsor of the event with its state and staff passes used, by tier then name. */
export async function overview(
  deps: OrganiserDeps,
  eventId: string,
  staffUsed: (sponsorId: string) => Promise<number>,
) {
  const [sponsors, tiers] = await Promise.all([deps.store.listSponsors(eventId), deps.store.getTiers(eventId)]);
  const rows = await Promise.all(sponsors.map(async (s) => toSummary(s, await staffUsed(s.id))));
  return rows.sort(byTierThenName(tiers.items));
}

/** Submitted drafts, oldest first. */
export async function reviewQueue(deps: OrganiserDeps, eventId: string) {
  const sponsors = await deps.store.listSponsors(eventId);
  return sponsors
    .filter((s) => s.state === 'submitted')
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
    .map((s) => toSummary(s, 0));
}

/** Live and draft as the public would see each, and the fields that differ. */
export async function reviewPair(deps: OrganiserDeps, eventId: string, sponsorId: string) {
  const sponsor = await requireSponsor(deps.store, sponsorId, eventId);
  const tiers = (await deps.store.getTiers(eventId)).items;
  const draft = toPublic(
    sponsor,
    sponsor.draft,
    await renderedOf(sponsor.draft),
    { version: sponsor.version, approvedAt: sponsor.updatedAt },
    tiers,
    deps.mediaUrl,
  );
  const live = sponsor.live
    ? toPublic(sponsor, sponsor.live, await renderedOf(sponsor.live), sponsor.live, tiers, deps.mediaUrl)
    : undefined;
  return {
    sponsor: toSummary(sponsor, 0),
    ...(live ? { live } : {}),
    draft,
    changed: changedFields(sponsor.live, sponsor.draft),
  };
}

/** The public list: live versions of published sponsors, by tier rank then name, and the tiers. */
export async function publicSponsors(deps: Pick<ProfileDeps, 'store' | 'mediaUrl'>, eventId: string) {
  const [sponsors, tiers] = await Promise.all([deps.store.listPublished(eventId), deps.store.getTiers(eventId)]);
  const items = (await Promise.all(sponsors.map((s) => publicLive(s, tiers.items, deps.mediaUrl))))
    .filter((p): p is PublicSponsor => p !== undefined)
    .sort(byTierThenName(tiers.items));
  return { items, tiers: [...tiers.items].sort((a, b) => a.rank - b.rank) };
}

export async function publicSponsor(deps: Pick<ProfileDeps, 'store' | 'mediaUrl'>, eventId: string, sponsorId: string) {
  const sponsor = await deps.store.getSponsor(sponsorId);
  const tiers = sponsor?.eventId === eventId ? (await deps.store.getTiers(eventId)).items : [];
  const view = sponsor?.eventId === eventId ? await publicLive(sponsor, tiers, deps.mediaUrl) : undefined;
  if (!view) throw new NotFoundError(`No published sponsor ${sponsorId} in ${eventId}.`);
  return view;
}
