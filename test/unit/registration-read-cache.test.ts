/** The seconds-long memory of the event and its categories that sign-ups read (read-cache.ts). */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../functions/events/schemas.ts';
import type { StoredCategory } from '../../functions/registrations/keys.ts';
import { createReadCache } from '../../functions/registrations/read-cache.ts';

function counting(event: Partial<Event> | undefined, categories: string[]) {
  const reads: string[] = [];
  const stores = {
    events: {
      getEvent: async (id: string) => {
        reads.push(`event ${id}`);
        return event && ({ id, ...event } as Event);
      },
    },
    categories: {
      getCategory: async (eventId: string, id: string) => {
        reads.push(`category ${eventId} ${id}`);
        return categories.includes(id) ? ({ id } as StoredCategory) : undefined;
      },
      nextWaitSeq: async () => 1,
    },
  };
  return { stores, reads };
}

describe('read cache of sign-ups', () => {
  it('reads a published event and a known category once per window, then again', async () => {
    let clock = 0;
    const { stores, reads } = counting({ status: 'published' }, ['a']);
    const cache = createReadCache(stores, 5_000, () => clock);
    await Promise.all([cache.events.getEvent('e1'), cache.events.getEvent('e1')]);
    await cache.categories.getCategory('e1', 'a');
    clock = 4_999;
    expect((await cache.events.getEvent('e1'))?.id).toBe('e1');
    await cache.categories.getCategory('e1', 'a');
    expect(reads).toEqual(['event e1', 'category e1 a']);
    clock = 5_000;
    await cache.events.getEvent('e1');
    expect(reads).toEqual(['event e1', 'category e1 a', 'event e1']);
    expect(await cache.categories.nextWaitSeq()).toBe(1);
  });

  it('never keeps a miss or an unpublished event, so new ones are seen at once', async () => {
    const { stores, reads } = counting({ status: 'draft' }, []);
    const cache = createReadCache(stores, 5_000, () => 0);
    for (let i = 0; i < 2; i += 1) {
      await cache.events.getEvent('e1');
      await cache.categories.getCategory('e1', 'new');
    }
    expect(reads).toEqual(['event e1', 'category e1 new', 'event e1', 'category e1 new']);
  });

  it('forgets one event and its categories on demand, and keeps nothing when the window is 0', async () => {
    const { stores, reads } = counting({ status: 'published' }, ['a']);
    const cache = createReadCache(stores, 5_000, () => 0);
    await cache.events.getEvent('e1');
    await cache.categories.getCategory('e1', 'a');
    await cache.categories.getCategory('e2', 'a');
    cache.forget('e1');
    await cache.events.getEvent('e1');
    await cache.categories.getCategory('e1', 'a');
    await cache.categories.getCategory('e2', 'a');
    expect(reads).toEqual(['event e1', 'category e1 a', 'category e2 a', 'event e1', 'category e1 a']);

    const off = counting({ status: 'published' }, ['a']);
    const direct = createReadCache(off.stores, 0);
    await direct.events.getEvent('e1');
    await direct.events.getEvent('e1');
    expect(off.reads).toEqual(['event e1', 'event e1']);
  });
});
