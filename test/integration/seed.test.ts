import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createEventsStore } from '../../functions/events/store.ts';
import { DEMO_EVENT_ID, demoCategories, demoSessions, demoSponsors } from '../../local/demo-conference.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { freshTable } from './table.ts';

describe('demo conference seed', () => {
  it('seeds once through the store code and keeps the data on a second start', async () => {
    const { doc, tableName } = await freshTable('seed');
    expect(await seedDemoConference(doc, tableName)).toBe(true);
    expect(await seedDemoConference(doc, tableName)).toBe(false);

    const record = await createEventsStore(doc, tableName).getEventRecord(DEMO_EVENT_ID);
    expect(record?.event.timeZone).toBe('Europe/Lisbon');
    expect(record?.categories.map((c) => c.id)).toEqual(demoCategories.map((c) => c.id));

    const agenda = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
        ExpressionAttributeValues: { ':pk': `AGENDA#${DEMO_EVENT_ID}`, ':sk': 'SESSION#' },
      }),
    );
    expect(agenda.Items?.map((i) => i.id).sort()).toEqual(demoSessions.map((s) => s.id).sort());

    const sponsors = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'GSI1PK' },
        ExpressionAttributeValues: { ':pk': `EVENT#${DEMO_EVENT_ID}#SPONSORS` },
      }),
    );
    // Ordered by tier: gold before silver.
    expect(sponsors.Items?.map((i) => i.id)).toEqual(demoSponsors.map((s) => s.id));
  });
});
