import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { eventSponsorsPk } from '../../functions/sponsors/keys.ts';
import { DEMO_EVENT_ID, demoCategories, demoSponsors } from '../../local/demo-conference.ts';
import { seedDemoConference } from '../../local/seed.ts';
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
    // Ordered by tier: gold before silver.
    expect(sponsors.Items?.map((i) => i.id)).toEqual(demoSponsors.map((s) => s.id));
  });
});
