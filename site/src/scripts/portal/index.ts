/**
 * The sponsor portal, loaded by the workspace island once a sponsor member is signed in:
 * for each sponsor the person belongs to, its profile (state, live version, draft form,
 * logo), booth staff and leads.
 */
import { fill, localized } from '../../i18n/format.ts';
import type { Tier } from '../../lib/api-types.ts';
import { el } from '../dom.ts';
import { leadsPanel } from './leads.ts';
import { logoPanel } from './logo.ts';
import { loadProfile, profileForm, statusPanel } from './profile.ts';
import { staffPanel } from './staff.ts';
import type { PortalConfig } from './types.ts';

async function tierNames(eventId: string, lang: string): Promise<(id: string) => string> {
  const response = await fetch(`/api/events/${encodeURIComponent(eventId)}/sponsors`).catch(() => undefined);
  const tiers = response?.ok ? (((await response.json()) as { tiers?: Tier[] }).tiers ?? []) : [];
  return (id) => {
    const tier = tiers.find((x) => x.id === id);
    return tier ? localized(tier.name, lang) : id;
  };
}

export async function portal(sponsorIds: string[], config: PortalConfig): Promise<HTMLElement[]> {
  const tierName = await tierNames(config.eventId, config.lang);
  const sections: HTMLElement[] = [];
  for (const sponsorId of sponsorIds) {
    const holder = await loadProfile(sponsorId);
    const p = holder.profile;
    const headingId = `sponsor-${sponsorId}`;
    sections.push(
      el(
        'section',
        { 'aria-labelledby': headingId, class: 'sponsor' },
        el('h2', { id: headingId }, p.name),
        el(
          'p',
          { class: 'tier-booth' },
          fill(config.text.tierBooth, { tier: tierName(p.tier), booth: p.booth ?? config.text.noBooth }),
        ),
        statusPanel(holder, config),
        profileForm(holder, config),
        logoPanel(holder, config),
        await staffPanel(sponsorId, config),
        await leadsPanel(sponsorId, config),
      ),
    );
  }
  return sections;
}
