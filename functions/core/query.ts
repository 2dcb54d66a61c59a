/** Reading one partition of the table or of an index: the Query every store repeats. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { DocumentClient } from './dynamo.ts';
import { stripKeys } from './items.ts';
import type { IndexName } from './table.ts';

export type PartitionQuery = {
  tableName: string;
  /** The index to read, or the table itself. */
  index?: IndexName;
  pk: string;
  /** Only sort keys that start with this. */
  skPrefix?: string;
  limit?: number;
  cursor?: string;
  /** Extra filter applied by DynamoDB after the key condition, with its names and values. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
};

/** One page of a partition, entities without their keys, with an opaque cursor to the next. */
export async function queryPage<T>(doc: DocumentClient, q: PartitionQuery) {
  const pkName = q.index ? `${q.index}PK` : 'PK';
  const skName = q.index ? `${q.index}SK` : 'SK';
  const page = await doc.send(
    new QueryCommand({
      TableName: q.tableName,
      ...(q.index ? { IndexName: q.index } : {}),
      KeyConditionExpression: q.skPrefix ? '#pk = :pk AND begins_with(#sk, :skPrefix)' : '#pk = :pk',
      ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
      ExpressionAttributeNames: { '#pk': pkName, ...(q.skPrefix ? { '#sk': skName } : {}), ...q.filter?.names },
      ExpressionAttributeValues: {
        ':pk': q.pk,
        ...(q.skPrefix ? { ':skPrefix': q.skPrefix } : {}),
        ...q.filter?.values,
      },
      ...(q.limit ? { Limit: q.limit } : {}),
      ExclusiveStartKey: decodeCursor(q.cursor),
    }),
  );
  return {
    items: (page.Items ?? []).map((item) => stripKeys<T>(item)),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}

/** Every item of a partition, page after page (for partitions known to stay small). */
export async function queryAll<T>(doc: DocumentClient, q: Omit<PartitionQuery, 'cursor' | 'limit'>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<T>(doc, { ...q, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
