/** Event rules, free of HTTP and AWS: what the public may see of an event. */
import { NotFoundError } from '../core/errors.ts';
import type { PublicCategoriesReader } from '../registrations/public-categories.ts';
import type { Event, EventDetail, EventSummary } from './schemas.ts';

/** What the public reads need of storage. */
export interface EventsReadStore {
  getEvent(eventId: string): Promise<Event | undefined>;
  listPublishedEvents(page: { limit: number; cursor?: string }): Promise<{ items: Event[]; nextCursor: string | null }>;
}

export type EventsDeps = { store: EventsReadStore; categories: PublicCategoriesReader; now: () => Date };

export async function listPublishedEvents(store: EventsReadStore, page: { limit: number; cursor?: string }) {
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

export async function getPublishedEvent(deps: EventsDeps, eventId: string): Promise<EventDetail> {
  const now = deps.now();
  const [event, categories] = await Promise.all([deps.store.getEvent(eventId), deps.categories(eventId, now)]);
  // A draft is indistinguishable from a missing event to the public.
  if (!event || event.status !== 'published') throw new NotFoundError(`No published event ${eventId}.`);
  const { status: _status, ...published } = event;
  return { ...published, categories };
}
