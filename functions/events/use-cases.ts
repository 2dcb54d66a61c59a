/** Event rules, free of HTTP and AWS: what the public may see and what "available" means. */
import { NotFoundError } from '../core/errors.ts';
import type { EventDetail, EventSummary, PublicCategory } from '../core/schemas.ts';
import type { EventsStore, StoredCategory } from './store.ts';

export function isCategoryOpen(category: Pick<StoredCategory, 'opensAt' | 'closesAt'>, now: Date): boolean {
  const t = now.getTime();
  if (category.opensAt && t < Date.parse(category.opensAt)) return false;
  if (category.closesAt && t >= Date.parse(category.closesAt)) return false;
  return true;
}

export function toPublicCategory(stored: StoredCategory, now: Date): PublicCategory {
  const { taken, waiting: _waiting, waitSeq: _waitSeq, sortOrder: _sortOrder, ...category } = stored;
  return {
    ...category,
    available: Math.max(0, category.capacity - taken),
    open: isCategoryOpen(category, now),
  };
}

export async function listPublishedEvents(store: EventsStore, page: { limit: number; cursor?: string }) {
  const { items, nextCursor } = await store.listPublishedEvents(page);
  const summaries: EventSummary[] = items.map(({ id, name, startDate, endDate, timeZone, venue }) => ({
    id,
    name,
    startDate,
    endDate,
    timeZone,
    venue,
  }));
  return { items: summaries, nextCursor };
}

export async function getPublishedEvent(store: EventsStore, eventId: string, now: Date): Promise<EventDetail> {
  const record = await store.getEventRecord(eventId);
  // A draft is indistinguishable from a missing event to the public.
  if (!record || record.event.status !== 'published') throw new NotFoundError(`No published event ${eventId}.`);
  const { status: _status, ...event } = record.event;
  return { ...event, categories: record.categories.map((c) => toPublicCategory(c, now)) };
}
