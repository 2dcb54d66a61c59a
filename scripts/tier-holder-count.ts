/**
 * The one-off count behind scripts/count-tier-holders.ts, kept out of functions/ (it scans
 * the table, which no request path may do): a tiers item written before tiers counted their
 * sponsors gets `held`, the number of sponsors holding each tier. Run on a stage at rest,
 * right after the deploy that added the counts; an item that has them already is left alone,
 * so running it again counts nothing.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../functions/core/aws-errors.ts';
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { queryAll } from '../functions/core/query.ts';
import { eventSponsorsPk, type StoredSponsor, tiersKey } from '../functions/sponsors/keys.ts';
import type { Tier } from '../functions/sponsors/schemas.ts';

export async function countTierHolders(doc: DocumentClient, tableName: string): Promise<{ events: number }> {
  let counted = 0;
  let start: Record<string, unknown> | undefined;
  do {
    // Tiers items have no index of their own.
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#entity = :tiers AND attribute_not_exists(#held)',
        ExpressionAttributeNames: { '#entity': 'entity', '#held': 'held' },
        ExpressionAttributeValues: { ':tiers': 'tiers' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const eventId = String(item.eventId);
      const held: Record<string, number> = Object.fromEntries((item.items as Tier[]).map((t) => [t.id, 0]));
      const sponsors = await queryAll<StoredSponsor>(doc, { tableName, index: 'GSI1', pk: eventSponsorsPk(eventId) });
      for (const sponsor of sponsors) held[sponsor.tier] = (held[sponsor.tier] ?? 0) + 1;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: tiersKey(eventId),
            UpdateExpression: 'SET #held = :held',
            ConditionExpression: 'attribute_not_exists(#held)',
            ExpressionAttributeNames: { '#held': 'held' },
            ExpressionAttributeValues: { ':held': held },
          }),
        );
        counted += 1;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { events: counted };
}
