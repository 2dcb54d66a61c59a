import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/core/errors.ts';
import { eventKey, publishedIndex } from '../../functions/events/keys.ts';
import { Event } from '../../functions/events/schemas.ts';
import { createEventsStore, type EventsStore } from '../../functions/events/store.ts';
import { getPublishedEvent } from '../../functions/events/use-cases.ts';
import { type CategoryStore, createCategoryStore } from '../../functions/registrations/category-store.ts';
import { createPublicCategoriesReader } from '../../functions/registrations/public.ts';
import type { Category } from '../../functions/registrations/schemas.ts';
import { ensureTable } from '../../local/dynamodb.ts';
import { freshTable } from './table.ts';

const event = (id: string, startDate: string, status: Event['status'] = 'published'): Event => ({
  id,
  name: { en: `Event ${id}` },
  startDate,
  endDate: startDate,
  timeZone: 'Europe/Brussels',
  venue: { name: { en: 'Hall' }, address: 'Rue 1', city: { en: 'Brussels', fr: 'Bruxelles' }, country: 'BE' },
  status,
});

const category = (id: string, capacity: number): Category => ({
  id,
  name: { en: id },
  capacity,
  waitlist: true,
  requiresApproval: false,
});

describe('events store on DynamoDB Local', () => {
  let store: EventsStore;
  let categories: CategoryStore;
  let table: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    table = await freshTable('events');
    store = createEventsStore(table.doc, table.tableName);
    categories = createCategoryStore(table.doc, table.tableName);
  });

  it('creates the table from the shared definition once, with TTL and a stream', async () => {
    expect(table.created).toBe(true);
    expect(await ensureTable(table.client, table.tableName)).toBe(false);
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['GSI1', 'GSI2']);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription).toEqual({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });

  it('lists only published events, earliest first, page by page', async () => {
    await store.createEvent(event('late', '2027-09-01'));
    await store.createEvent(event('early', '2027-03-01'));
    await store.createEvent(event('hidden', '2027-01-01', 'draft'));

    const first = await store.listPublishedEvents({ limit: 1 });
    expect(first.items.map((e) => e.id)).toEqual(['early']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await store.listPublishedEvents({ limit: 1, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((e) => e.id)).toEqual(['late']);
    const all = await store.listPublishedEvents({ limit: 10 });
    expect(all.items.map((e) => e.id)).toEqual(['early', 'late']);
    expect(all.nextCursor).toBeNull();
    expect(all.items[0]).toEqual(event('early', '2027-03-01'));
  });

  it('reads an event with its categories in creation order and full availability', async () => {
    await store.createEvent(event('with-categories', '2027-06-01'));
    await categories.createCategory('with-categories', category('zeta', 10), 0);
    await categories.createCategory('with-categories', category('alpha', 5), 1);

    const stored = await categories.listCategories('with-categories');
    expect(stored.map((c) => [c.id, c.capacity, c.taken])).toEqual([
      ['zeta', 10, 0],
      ['alpha', 5, 0],
    ]);
    const deps = {
      store,
      categories: createPublicCategoriesReader(table.doc, table.tableName),
      now: () => new Date('2027-01-01T00:00:00Z'),
    };
    const detail = await getPublishedEvent(deps, 'with-categories');
    expect(detail.categories.map((c) => [c.id, c.available, c.open])).toEqual([
      ['zeta', 10, true],
      ['alpha', 5, true],
    ]);
    expect(await store.getEvent('nothing-here')).toBeUndefined();
    expect(await categories.listCategories('nothing-here')).toEqual([]);
  });

  it('refuses to overwrite an existing event or category', async () => {
    await store.createEvent(event('unique', '2027-06-01'));
    await expect(
      store.createEvent({ ...event('unique', '2027-06-01'), name: { en: 'Changed' } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await categories.createCategory('unique', category('only', 3), 0);
    await expect(categories.createCategory('unique', category('only', 99), 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getEvent('unique'))?.name).toEqual({ en: 'Event unique' });
    expect((await categories.listCategories('unique')).map((c) => c.capacity)).toEqual([3]);
  });

  it('reads an event stored before the city was bilingual with its city in English', async () => {
    const older = { ...event('older', '2027-12-01'), venue: { ...event('x', '2027-12-01').venue, city: 'Ghent' } };
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...eventKey('older'), entity: 'event', ...publishedIndex(older as unknown as Event), ...older },
      }),
    );
    const expected = { name: { en: 'Hall' }, address: 'Rue 1', city: { en: 'Ghent' }, country: 'BE' };
    expect((await store.getEvent('older'))?.venue).toEqual(expected);
    const listed = await store.listPublishedEvents({ limit: 100 });
    expect(listed.items.find((e) => e.id === 'older')?.venue).toEqual(expected);
    expect(Event.safeParse(await store.getEvent('older')).success).toBe(true);
  });
});
