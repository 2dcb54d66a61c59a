import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { eventSponsorsPk, passesKey, sponsorKey } from '../../functions/sponsors/keys.ts';
import { createSponsorsStore } from '../../functions/sponsors/store.ts';
import { DEMO_EVENT_ID, demoCategories, demoEvent, demoSponsors } from '../../local/demo-conference.ts';
import { dropOutdatedData, holdsOutdatedKeys, seedDemoConference } from '../../local/seed.ts';
import { freshTable } from './table.ts';

describe('demo conference seed', () => {
  it('seeds once through the store code and keeps the data on a second start', async () => {
    const { doc, tableName } = await freshTable('seed');
    expect(await seedDemoConference(doc, tableName)).toBe(true);
    expect(await seedDemoConference(doc, tableName)).toBe(false);

    const event = await createEventsStore(doc, tableName).getEvent(DEMO_EVENT_ID);
    expect(event?.timeZone).toBe('Europe/Lisbon');
    const categories = await createCategoryStore(doc, tableName).listCategories(DEMO_EVENT_ID);
    expect(categories.map((c) => c.id)).toEqual(demoCategories.map((c) => c.id));

    const sponsors = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'GSI1PK' },
        ExpressionAttributeValues: { ':pk': eventSponsorsPk(DEMO_EVENT_ID) },
      }),
    );
    // The index orders an event's sponsors by name; every demo exhibitor is approved and public.
    const byName = [...demoSponsors].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    expect(sponsors.Items?.map((i) => i.id)).toEqual(byName.map((s) => s.id));
    expect(sponsors.Items?.map((i) => [i.state, i.published])).toEqual(byName.map(() => ['live', true]));
    expect((await createSponsorsStore(doc, tableName).getTiers(DEMO_EVENT_ID)).items.map((t) => t.staffPasses)).toEqual(
      [6, 4, 2],
    );
  });

  it('starts again from the demo data when a sponsor has the layout before live and draft', async () => {
    const { client, doc, tableName } = await freshTable('seed-sponsor-layout');
    await seedDemoConference(doc, tableName);
    const first = demoSponsors[0]!;
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...sponsorKey(first.id),
          id: first.id,
          name: first.name,
          tier: 'gold',
          status: 'published',
          version: 1,
        },
      }),
    );
    expect(await holdsOutdatedKeys(doc, tableName)).toBe(true);
    expect(await dropOutdatedData(client, tableName)).toBe(true);
  });

  it('starts again from the demo data when the pass counters are under SPONSOR# (the layout before STAFF#)', async () => {
    const { client, doc, tableName } = await freshTable('seed-staff-layout');
    await seedDemoConference(doc, tableName);
    expect(await holdsOutdatedKeys(doc, tableName)).toBe(false);
    const first = demoSponsors[0]!;
    await doc.send(new DeleteCommand({ TableName: tableName, Key: passesKey(first.id) }));
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { PK: `SPONSOR#${first.id}`, SK: 'PASSES', entity: 'passes', used: 0 },
      }),
    );
    expect(await holdsOutdatedKeys(doc, tableName)).toBe(true);
    expect(await dropOutdatedData(client, tableName)).toBe(true);
  });

  it('starts again from the demo data when .data/ holds the key layout before CATEGORIES#', async () => {
    const { client, doc, tableName } = await freshTable('seed-outdated');
    expect(await dropOutdatedData(client, tableName)).toBe(false); // an empty table is not outdated
    // The old layout: categories under the event's own partition key.
    await createEventsStore(doc, tableName).createEvent(demoEvent);
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { PK: `EVENT#${DEMO_EVENT_ID}`, SK: `CATEGORY#${demoCategories[0]!.id}`, ...demoCategories[0] },
      }),
    );
    expect(await holdsOutdatedKeys(doc, tableName)).toBe(true);

    expect(await dropOutdatedData(client, tableName)).toBe(true);
    expect(await createEventsStore(doc, tableName).getEvent(DEMO_EVENT_ID)).toBeUndefined();
    expect(await seedDemoConference(doc, tableName)).toBe(true);
    expect(await holdsOutdatedKeys(doc, tableName)).toBe(false);
    expect(await dropOutdatedData(client, tableName)).toBe(false);
  });
});
