/**
 * The one-off count behind scripts/count-tier-holders.ts, kept out of functions/ (it scans
 * the table, which no request path may do): a tiers item written before tiers counted their
 * sponsors gets `held`, the number of sponsors holding each tier, read from the sponsors
 * themselves (a consistent scan, not the eventually consistent index). A sponsor left on a
 * tier the list no longer has is counted there too, and reported: that tier then stays until
 * an organiser moves its sponsors, and no sponsor can be given it. An item that has its
 * counts already is left alone, so running the count again counts nothing.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../functions/core/aws-errors.ts';
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { tiersKey } from '../functions/sponsors/keys.ts';
import type { Tier } from '../functions/sponsors/schemas.ts';

export type Unlisted = { eventId: string; sponsorId: string; tier: string };

export async function countTierHolders(
  doc: DocumentClient,
  tableName: string,
): Promise<{ events: number; unlisted: Unlisted[] }> {
  const uncounted: { eventId: string; items: Tier[] }[] = [];
  const sponsors: { id: string; eventId: string; tier: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        FilterExpression: '(#entity = :tiers AND attribute_not_exists(#held)) OR #entity = :sponsor',
        ExpressionAttributeNames: { '#entity': 'entity', '#held': 'held' },
        ExpressionAttributeValues: { ':tiers': 'tiers', ':sponsor': 'sponsor' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.entity === 'tiers') uncounted.push({ eventId: String(item.eventId), items: item.items as Tier[] });
      else sponsors.push({ id: String(item.id), eventId: String(item.eventId), tier: String(item.tier) });
    }
    start = page.LastEvaluatedKey;
  } while (start);

  let counted = 0;
  const unlisted: Unlisted[] = [];
  for (const { eventId, items } of uncounted) {
    const held = new Map(items.map((t) => [t.id, 0]));
    for (const sponsor of sponsors.filter((s) => s.eventId === eventId)) {
      if (!items.some((t) => t.id === sponsor.tier)) {
        unlisted.push({ eventId, sponsorId: sponsor.id, tier: sponsor.tier });
      }
      held.set(sponsor.tier, (held.get(sponsor.tier) ?? 0) + 1);
    }
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: tiersKey(eventId),
          UpdateExpression: 'SET #held = :held',
          ConditionExpression: 'attribute_not_exists(#held)',
          ExpressionAttributeNames: { '#held': 'held' },
          ExpressionAttributeValues: { ':held': Object.fromEntries(held) },
        }),
      );
      counted += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return { events: counted, unlisted };
}
