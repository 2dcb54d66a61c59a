/**
 * A few seconds of memory, per function instance, for what every sign-up reads and almost
 * never changes: the event and its categories. A warm Lambda instance then reads them once
 * per window instead of twice per sign-up.
 *
 * What a stale copy can and cannot do (the copy is at most `ttlMs` old, counted from the
 * moment its read was sent):
 *  - Seats: nothing. The sign-up transaction's conditions read the live counters
 *    (`taken < capacity`, or all seats taken for the waiting list), so no copy oversells.
 *  - The sale window: `opensAt` / `closesAt` are compared with the live clock at every
 *    sign-up, so a window that passes closes on time. Only an organiser's *change* to a
 *    window (closing a category early) can be seen up to `ttlMs` late by another instance;
 *    this instance forgets the event as soon as a category changes through it (`forget`).
 *    A sign-up can therefore never be accepted more than `ttlMs` after the category closed.
 *  - Price, payment terms, hold hours, waiting-list flag, audience, names in the mail, and
 *    the event being published: an organiser's change applies to sign-ups on other
 *    instances up to `ttlMs` late, as if those sign-ups had arrived a few seconds earlier.
 * Chosen over validating every copy in the transaction's condition: the window and price
 * are stored as organisers typed them (ISO text), and comparing them in a condition
 * expression would need a second, normalised copy of each field in the table.
 *
 * Only what allows a sign-up is kept: a published event, a category that exists. A miss or
 * a draft event is never remembered, so a newly published event or a new category is seen
 * at once. Every key holds the event's id, so no event ever reads another's entries.
 */
import type { Event } from '../events/schemas.ts';
import type { CategoryReader, EventReader } from './deps.ts';
import type { StoredCategory } from './keys.ts';

/** More entries than any deployment has events and categories; a full cache starts afresh. */
export const MAX_ENTRIES = 500;

type Entry<T> = { at: number; value: Promise<T> };

export type ReadCache<E extends EventReader, C extends CategoryReader> = {
  events: E;
  categories: C;
  /** Drops what is kept of one event and its categories (after a category changed through this app). */
  forget(eventId: string): void;
};

/**
 * Wraps the event and category readers. `ttlMs` 0 (or less) keeps nothing: the readers are
 * returned as they are. `clock` is a monotonic clock in milliseconds (not the business
 * clock of the use cases, which tests fix in time).
 */
export function createReadCache<E extends EventReader, C extends CategoryReader>(
  stores: { events: E; categories: C },
  ttlMs: number,
  clock: () => number = () => performance.now(),
): ReadCache<E, C> {
  if (ttlMs <= 0) return { events: stores.events, categories: stores.categories, forget: () => {} };
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

  const eventKey = (eventId: string) => `E ${eventId}`;
  const categoryPrefix = (eventId: string) => `C ${eventId} `;
  const events: E = {
    ...stores.events,
    getEvent: (eventId: string) =>
      remembered<Event | undefined>(
        eventKey(eventId),
        () => stores.events.getEvent(eventId),
        (event) => event?.status === 'published',
      ),
  };
  const categories: C = {
    ...stores.categories,
    getCategory: (eventId: string, categoryId: string) =>
      remembered<StoredCategory | undefined>(
        // Event ids are slugs without spaces (core Id), so no event's prefix is another's.
        `${categoryPrefix(eventId)}${categoryId}`,
        () => stores.categories.getCategory(eventId, categoryId),
        (category) => category !== undefined,
      ),
  };
  return {
    events,
    categories,
    forget(eventId: string) {
      for (const key of entries.keys()) {
        if (key === eventKey(eventId) || key.startsWith(categoryPrefix(eventId))) entries.delete(key);
      }
    },
  };
}
