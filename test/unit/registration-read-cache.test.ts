/**
 * The seconds-long memory of the event and its categories that sign-ups read (read-cache.ts):
 * when it reads again, that no event sees another's entries, what `forget` drops, and what a
 * stale copy can and cannot do to a sign-up (seats never; a window closed early, at most
 * the cache's age late).
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/core/errors.ts';
import type { Event } from '../../functions/events/schemas.ts';
import type { StoredCategory } from '../../functions/registrations/keys.ts';
import { createReadCache, MAX_ENTRIES } from '../../functions/registrations/read-cache.ts';
import { type RegisterDeps, register } from '../../functions/registrations/register.ts';
import type { RegistrationInput } from '../../functions/registrations/schemas.ts';
import { testEvent } from '../support/events.ts';
import { InMemoryRegistrations } from '../support/in-memory-registrations.ts';

/** Readers that log every read; `status` and `categories` may change between reads. */
function counting(state: { status?: Event['status']; categories: string[] }) {
  const reads: string[] = [];
  const stores = {
    events: {
      getEvent: async (id: string) => {
        reads.push(`event ${id}`);
        return state.status ? testEvent(id, { status: state.status }) : undefined;
      },
    },
    categories: {
      getCategory: async (eventId: string, id: string) => {
        reads.push(`category ${eventId} ${id}`);
        return state.categories.includes(id) ? ({ id, name: { en: `${eventId} ${id}` } } as StoredCategory) : undefined;
      },
      nextWaitSeq: async () => 1,
    },
  };
  return { stores, reads };
}

describe('read cache of sign-ups', () => {
  it('reads a published event and a known category once per window, then again', async () => {
    let clock = 0;
    const { stores, reads } = counting({ status: 'published', categories: ['a'] });
    const cache = createReadCache(stores, 5_000, () => clock);
    // Concurrent sign-ups on a cold instance share one read.
    await Promise.all([cache.events.getEvent('e1'), cache.events.getEvent('e1')]);
    await cache.categories.getCategory('e1', 'a');
    clock = 4_999;
    expect((await cache.events.getEvent('e1'))?.id).toBe('e1');
    await cache.categories.getCategory('e1', 'a');
    expect(reads).toEqual(['event e1', 'category e1 a']);
    clock = 5_000;
    await cache.events.getEvent('e1');
    await cache.categories.getCategory('e1', 'a');
    expect(reads).toEqual(['event e1', 'category e1 a', 'event e1', 'category e1 a']);
    // What the cache does not wrap is the store's own.
    expect(await cache.categories.nextWaitSeq()).toBe(1);
  });

  it('never keeps a miss, a draft event or a failed read, so a change that allows sign-ups is seen at once', async () => {
    const state: { status?: Event['status']; categories: string[] } = { status: 'draft', categories: [] };
    const { stores, reads } = counting(state);
    let fail = true;
    const flaky = {
      ...stores,
      events: {
        getEvent: async (id: string) => {
          if (fail) {
            fail = false;
            throw new Error('throttled');
          }
          return stores.events.getEvent(id);
        },
      },
    };
    const cache = createReadCache(flaky, 5_000, () => 0);
    await expect(cache.events.getEvent('e1')).rejects.toThrow('throttled');
    expect((await cache.events.getEvent('e1'))?.status).toBe('draft');
    expect(await cache.categories.getCategory('e1', 'new')).toBeUndefined();
    state.status = 'published';
    state.categories.push('new');
    expect((await cache.events.getEvent('e1'))?.status).toBe('published');
    expect((await cache.categories.getCategory('e1', 'new'))?.id).toBe('new');
    expect(reads).toEqual(['event e1', 'category e1 new', 'event e1', 'category e1 new']);
  });

  it('keeps each event apart: no event reads, or forgets, another event’s entries', async () => {
    const { stores, reads } = counting({ status: 'published', categories: ['a'] });
    const cache = createReadCache(stores, 5_000, () => 0);
    // 'e1' is a prefix of 'e10': neither may see the other's entries.
    for (const eventId of ['e1', 'e10', 'e1', 'e10']) {
      await cache.events.getEvent(eventId);
      await cache.categories.getCategory(eventId, 'a');
    }
    expect((await cache.categories.getCategory('e10', 'a'))?.name.en).toBe('e10 a');
    expect(reads).toEqual(['event e1', 'category e1 a', 'event e10', 'category e10 a']);

    cache.forget('e1');
    for (const eventId of ['e1', 'e10']) {
      await cache.events.getEvent(eventId);
      await cache.categories.getCategory(eventId, 'a');
    }
    expect(reads.slice(4)).toEqual(['event e1', 'category e1 a']);
  });

  it('starts afresh when full, and keeps nothing when the window is 0', async () => {
    const { stores, reads } = counting({ status: 'published', categories: ['a'] });
    const cache = createReadCache(stores, 5_000, () => 0);
    for (let i = 0; i < MAX_ENTRIES; i += 1) await cache.events.getEvent(`e${i}`);
    await cache.events.getEvent('e0');
    expect(reads).toHaveLength(MAX_ENTRIES);
    await cache.events.getEvent('one-more'); // the 501st entry clears the others
    await cache.events.getEvent('e0');
    expect(reads).toHaveLength(MAX_ENTRIES + 2);

    const off = counting({ status: 'published', categories: ['a'] });
    const direct = createReadCache(off.stores, 0);
    expect(direct.events).toBe(off.stores.events);
    await direct.events.getEvent('e1');
    await direct.events.getEvent('e1');
    expect(off.reads).toEqual(['event e1', 'event e1']);
  });
});

describe('sign-ups through a stale copy', () => {
  const EVENT = 'e1';
  const input = (email: string): RegistrationInput => ({
    categoryId: 'talks',
    firstName: 'A',
    lastName: 'B',
    email,
    organisation: 'Customs',
    country: 'PT',
    preferredLanguage: 'en',
    visaLetter: false,
    consent: { privacy: true },
  });

  function setUp(capacity: number) {
    const db = new InMemoryRegistrations();
    db.addCategory(EVENT, { id: 'talks', name: { en: 'Talks' }, capacity, waitlist: true, requiresApproval: false });
    let cacheClock = 0;
    let businessClock = new Date('2027-01-10T10:00:00Z');
    const cache = createReadCache(
      { events: { getEvent: async (id: string) => testEvent(id) }, categories: db.categoryReader },
      5_000,
      () => cacheClock,
    );
    const deps: RegisterDeps = {
      store: db,
      events: cache.events,
      categories: cache.categories,
      siteUrl: 'https://site.example',
      now: () => businessClock,
      retentionDays: 30,
    };
    let keys = 0;
    const signUp = (email: string) => {
      keys += 1;
      return register(deps, EVENT, `key-${keys}`, input(email));
    };
    return {
      db,
      cache,
      signUp,
      advance(ms: number) {
        cacheClock += ms;
        businessClock = new Date(businessClock.getTime() + ms);
      },
    };
  }

  it('never oversells: the copy read while seats were free still fills exactly the capacity', async () => {
    const { db, signUp } = setUp(2);
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => signUp(`${n}@x.org`)));
    const holds = answers.map((a) => (a.body.waitlistPosition ? 'waiting' : 'seat'));
    expect(holds.filter((h) => h === 'seat')).toHaveLength(2);
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 2, waiting: 3 });
  });

  it('closes on time when the window passes, whatever the copy’s age', async () => {
    const { db, signUp, advance } = setUp(10);
    db.category(EVENT, 'talks').closesAt = '2027-01-10T10:00:03Z';
    expect((await signUp('a@x.org')).status).toBe(201); // the copy now holds the window
    advance(2_999);
    expect((await signUp('b@x.org')).status).toBe(201);
    advance(1);
    await expect(signUp('c@x.org')).rejects.toThrow(
      new ConflictError('Registration in this category is not open now.'),
    );
  });

  it('sees a window closed early at most the cache’s age late, or at once after forget', async () => {
    const { db, signUp, advance } = setUp(10);
    expect((await signUp('a@x.org')).status).toBe(201);
    // Another instance closes the category now; this one still holds the open copy.
    db.category(EVENT, 'talks').closesAt = '2027-01-10T10:00:00Z';
    advance(4_999);
    expect((await signUp('b@x.org')).status).toBe(201);
    advance(1);
    await expect(signUp('c@x.org')).rejects.toThrow(
      new ConflictError('Registration in this category is not open now.'),
    );

    const again = setUp(10);
    expect((await again.signUp('a@x.org')).status).toBe(201);
    again.db.category(EVENT, 'talks').closesAt = '2027-01-10T10:00:00Z';
    again.cache.forget(EVENT); // the change went through this instance
    await expect(again.signUp('b@x.org')).rejects.toThrow(ConflictError);
  });
});
