/**
 * The one-off move behind scripts/migrate-staff-keys.ts, kept out of functions/ (it scans
 * the table, which no request path may do): pass counters and booth staff written before
 * they had a partition of their own (under SPONSOR#<sponsorId>, SK PASSES and
 * STAFF#<registrationId>) go to STAFF#<sponsorId>, and each staff registration gets its
 * sponsor's name, so that its erasure reaches the list. Running it again finds nothing to move.
 */
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { transact } from '../functions/core/transaction.ts';
import { passesKey, staffKey } from '../functions/sponsors/keys.ts';

export async function moveStaffToOwnPartition(
  doc: DocumentClient,
  tableName: string,
  nameSponsor: (registrationId: string, sponsorId: string) => Promise<boolean>,
): Promise<{ counters: number; staff: number }> {
  const moved = { counters: 0, staff: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    // The old layout has no index to query.
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(#pk, :sponsor) AND (#sk = :passes OR begins_with(#sk, :staff))',
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
        ExpressionAttributeValues: { ':sponsor': 'SPONSOR#', ':passes': 'PASSES', ':staff': 'STAFF#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const { PK, SK, ...fields } = item as { PK: string; SK: string } & Record<string, unknown>;
      const sponsorId = PK.slice('SPONSOR#'.length);
      const registrationId = SK === 'PASSES' ? undefined : SK.slice('STAFF#'.length);
      const to = registrationId ? staffKey(sponsorId, registrationId) : passesKey(sponsorId);
      // Copied unless already there (a run cut short), then the old item goes.
      await transact(doc, {
        copy: {
          Put: {
            TableName: tableName,
            Item: { ...fields, ...to },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'PK' },
          },
        },
      });
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK, SK } }));
      if (registrationId) {
        await nameSponsor(registrationId, sponsorId);
        moved.staff += 1;
      } else moved.counters += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return moved;
}
