/**
 * A few seconds of memory for what every sign-up reads and almost never changes: the event
 * and its categories. One warm Lambda instance then reads them once per window instead of
 * twice per sign-up.
 *
 * Only what allows a sign-up is kept: a published event, a category that exists. A miss is
 * never remembered, so a newly published event or a new category is seen at once. Seats
 * never depend on this copy: the sign-up transaction's conditions read the live counters.
 * What may be up to `ttlMs` old is the category's window, waiting-list flag and hold hours,
 * and the event's name in the mail; this app forgets an event when its categories change.
 */
import type { Event } from '../events/schemas.ts';
import type { CategoryReader, EventReader } from './deps.ts';
import type { StoredCategory } from './keys.ts';

/** More entries than any deployment has events and categories; a full cache starts afresh. */
const MAX_ENTRIES = 500;

type Entry<T> = { at: number; value: Promise<T> };

export function createReadCache<E extends EventReader, C extends CategoryReader>(
  stores: { events: E; categories: C },
  ttlMs: number,
  clock: () => number = () => performance.now(),
) {
  const entries = new Map<string, Entry<unknown>>();

  function remembered<T>(key: string, read: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const now = clock();
    const hit = entries.get(key) as Entry<T> | undefined;
    if (hit && now - hit.at < ttlMs) return hit.value;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    // The promise itself is kept, so concurrent sign-ups on a cold instance share one read.
    const value = read();
    entries.set(key, { at: now, value });
    const drop = () => {
      if (entries.get(key)?.value === value) entries.delete(key);
    };
    value.then((v) => (keep(v) ? undefined : drop()), drop);
    return value;
  }

  if (ttlMs <= 0) return { events: stores.events, categories: stores.categories, forget: (_eventId: string) => {} };

  const events: E = {
    ...stores.events,
    getEvent: (eventId: string) =>
      remembered<Event | undefined>(
        `E ${eventId}`,
        () => stores.events.getEvent(eventId),
        (event) => event?.status === 'published',
      ),
  };
  const categories: C = {
    ...stores.categories,
    getCategory: (eventId: string, categoryId: string) =>
      remembered<StoredCategory | undefined>(
        `C ${eventId} ${categoryId}`,
        () => stores.categories.getCategory(eventId, categoryId),
        (category) => category !== undefined,
      ),
  };
  return {
    events,
    categories,
    /** Drops what is kept of one event (after its categories changed through this app). */
    forget(eventId: string) {
      for (const key of entries.keys()) {
        if (key === `E ${eventId}` || key.startsWith(`C ${eventId} `)) entries.delete(key);
      }
    },
  };
}
