/**
 * Build-time reads of the public exhibition: the live exhibitor profiles and the tiers of the
 * featured event, from the API the site is built against (API_BASE_URL).
 */
import { getFeaturedEvent, getJson } from './api.ts';
import { type PublicSponsor, PublicSponsorList, type Tier } from './api-types.ts';

export type Exhibition = { eventId: string; exhibitors: PublicSponsor[]; tiers: Tier[] };

let exhibition: Promise<Exhibition> | undefined;

/** The featured event's live exhibitors (none when there is no event or nobody is published yet). */
export function getExhibition(): Promise<Exhibition> {
  exhibition ??= (async () => {
    const event = await getFeaturedEvent();
    if (!event) return { eventId: '', exhibitors: [], tiers: [] };
    const list = await getJson(`/api/events/${encodeURIComponent(event.id)}/sponsors`, PublicSponsorList);
    return { eventId: event.id, exhibitors: list.items, tiers: list.tiers };
  })();
  return exhibition;
}

export type TierGroup = { id: string; name: { en: string; fr?: string | undefined }; exhibitors: PublicSponsor[] };

/**
 * Exhibitors grouped by tier, in the tiers' rank order (1 first), names in alphabetical order
 * within a tier; a tier without exhibitors is left out, and an exhibitor whose tier is not in
 * the list (renamed, removed) is grouped under its own tier id after the others.
 */
export function groupByTier(exhibitors: PublicSponsor[], tiers: Tier[], lang: string): TierGroup[] {
  const collator = new Intl.Collator(lang);
  const ranked = [...tiers].sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  const known = new Set(ranked.map((t) => t.id));
  const orphans = [...new Set(exhibitors.map((e) => e.tier).filter((id) => !known.has(id)))].sort();
  const groups: TierGroup[] = [
    ...ranked.map((tier) => ({ id: tier.id, name: tier.name, exhibitors: [] as PublicSponsor[] })),
    ...orphans.map((id) => ({
      id,
      name: exhibitors.find((e) => e.tier === id)?.tierName ?? { en: id },
      exhibitors: [] as PublicSponsor[],
    })),
  ];
  for (const exhibitor of exhibitors) groups.find((g) => g.id === exhibitor.tier)?.exhibitors.push(exhibitor);
  for (const group of groups) group.exhibitors.sort((a, b) => collator.compare(a.name, b.name));
  return groups.filter((g) => g.exhibitors.length > 0);
}

/** Astro's static paths of the exhibitor pages: one per live exhibitor, "floor-plan" being the plan's own page. */
export async function exhibitorPaths() {
  const { exhibitors, tiers } = await getExhibition();
  return exhibitors
    .filter((e) => e.sponsorId !== 'floor-plan')
    .map((exhibitor) => ({ params: { sponsorId: exhibitor.sponsorId }, props: { exhibitor, tiers } }));
}
