/** Counts for the organisers' dashboard, read page by page from the event's registrations. */
import type { StoredRegistration } from './keys.ts';
import type { RegistrationFilter } from './records-store.ts';

export interface StatsStore {
  list(
    eventId: string,
    filter: RegistrationFilter,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: StoredRegistration[]; nextCursor: string | null }>;
}

export type RegistrationStats = {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byCountry: Record<string, number>;
  byDay: { day: string; count: number }[];
};

const increment = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export async function registrationStats(store: StatsStore, eventId: string): Promise<RegistrationStats> {
  const stats: RegistrationStats = { total: 0, byStatus: {}, byCategory: {}, byCountry: {}, byDay: [] };
  const days: Record<string, number> = {};
  let cursor: string | undefined;
  do {
    const page = await store.list(eventId, {}, { limit: 500, cursor });
    for (const r of page.items) {
      stats.total += 1;
      increment(stats.byStatus, r.status);
      stats.byCategory[r.categoryId] ??= {};
      increment(stats.byCategory[r.categoryId] as Record<string, number>, r.status);
      if (r.status !== 'cancelled' && r.status !== 'rejected') increment(stats.byCountry, r.country);
      increment(days, r.createdAt.slice(0, 10));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  stats.byDay = Object.entries(days)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, count]) => ({ day, count }));
  return stats;
}
