import { describe, expect, it } from 'vitest';
import type { PublicSponsor, Tier } from '../../site/src/lib/api-types.ts';
import { groupByTier } from '../../site/src/lib/exhibition.ts';

const tier = (id: string, rank: number, en: string, fr?: string): Tier => ({
  id,
  name: { en, ...(fr ? { fr } : {}) },
  rank,
  staffPasses: 4,
  benefits: [],
});
const sponsor = (sponsorId: string, name: string, tierId: string): PublicSponsor => ({
  sponsorId,
  name,
  tier: tierId,
  contacts: [],
  products: [],
  socialLinks: [],
  version: 1,
  approvedAt: '2026-11-01T09:00:00Z',
});

describe('the exhibition by tier', () => {
  it('orders tiers by rank and names alphabetically in the reader’s language, leaving out empty tiers', () => {
    const groups = groupByTier(
      [sponsor('z', 'Zeta Seals', 'gold'), sponsor('e', 'Écluse Data', 'gold'), sponsor('b', 'Borealis', 'silver')],
      [tier('silver', 3, 'Silver', 'Argent'), tier('gold', 2, 'Gold', 'Or'), tier('platinum', 1, 'Platinum')],
      'fr',
    );
    expect(groups.map((g) => [g.id, g.exhibitors.map((e) => e.name)])).toEqual([
      ['gold', ['Écluse Data', 'Zeta Seals']],
      ['silver', ['Borealis']],
    ]);
  });

  it('keeps an exhibitor whose tier is no longer listed, after the others, under its tier name', () => {
    const orphan = { ...sponsor('o', 'Orphan Ltd', 'legacy'), tierName: { en: 'Legacy partner' } };
    const groups = groupByTier([orphan, sponsor('b', 'Borealis', 'silver')], [tier('silver', 3, 'Silver')], 'en');
    expect(groups.map((g) => [g.name.en, g.exhibitors.map((e) => e.name)])).toEqual([
      ['Silver', ['Borealis']],
      ['Legacy partner', ['Orphan Ltd']],
    ]);
  });

  it('has no group when nobody is live', () => {
    expect(groupByTier([], [tier('gold', 1, 'Gold')], 'en')).toEqual([]);
  });
});
