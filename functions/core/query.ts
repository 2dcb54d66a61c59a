/** Reading one partition of the table or of an index: the Query every store repeats. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { DocumentClient } from './dynamo.ts';
import { BadRequestError } from './errors.ts';
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

const keyNames = (q: PartitionQuery) => {
  const table = ['PK', 'SK'];
  return q.index ? [`${q.index}PK`, `${q.index}SK`, ...table] : table;
};

/**
 * The start key a cursor names, checked against the query it continues: exactly the key
 * attributes of that table or index, in the same partition. Anything else is a 400, never a
 * request DynamoDB would refuse (a 500) or a jump into another partition.
 */
function startKey(q: PartitionQuery): Record<string, string> | undefined {
  const key = decodeCursor(q.cursor);
  if (!key) return undefined;
  const expected = keyNames(q);
  const names = Object.keys(key);
  const samePartition = key[expected[0] as string] === q.pk;
  if (!samePartition || names.length !== expected.length || !expected.every((n) => n in key)) {
    throw new BadRequestError('The cursor is not one this API issued.');
  }
  return key;
}

const keyOf = (q: PartitionQuery, item: Record<string, unknown>) =>
  Object.fromEntries(keyNames(q).map((name) => [name, item[name]]));

function queryCommand(q: PartitionQuery, start: Record<string, unknown> | undefined, limit: number | undefined) {
  const pkName = q.index ? `${q.index}PK` : 'PK';
  const skName = q.index ? `${q.index}SK` : 'SK';
  return new QueryCommand({
    TableName: q.tableName,
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: q.skPrefix ? '#pk = :pk AND begins_with(#sk, :skPrefix)' : '#pk = :pk',
    ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
    ExpressionAttributeNames: { '#pk': pkName, ...(q.skPrefix ? { '#sk': skName } : {}), ...q.filter?.names },
    ExpressionAttributeValues: { ':pk': q.pk, ...(q.skPrefix ? { ':skPrefix': q.skPrefix } : {}), ...q.filter?.values },
    ...(limit ? { Limit: limit } : {}),
    ExclusiveStartKey: start,
  });
}

/** One page of a partition, entities without their keys, with an opaque cursor to the next. */
export async function queryPage<T>(doc: DocumentClient, q: PartitionQuery) {
  const page = await doc.send(queryCommand(q, startKey(q), q.limit));
  return {
    items: (page.Items ?? []).map((item) => stripKeys<T>(item)),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}

/** Reads a filtered page evaluates per request, and how many requests one page may make. */
const FILL_READ_SIZE = 200;
const FILL_MAX_READS = 25;

/**
 * A page of up to `limit` items that pass the filter. DynamoDB applies a filter after it
 * reads, so one read may match nothing; this reads on (at most FILL_MAX_READS reads of
 * FILL_READ_SIZE items) until the page is full or the partition ends, and the cursor points
 * after the last item returned. A page is empty with a cursor only past that budget.
 */
export async function queryFilled<T>(doc: DocumentClient, q: PartitionQuery & { limit: number }) {
  const found: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = startKey(q);
  for (let reads = 0; reads < FILL_MAX_READS; reads += 1) {
    const page = await doc.send(queryCommand(q, start, q.filter ? FILL_READ_SIZE : q.limit));
    const items = page.Items ?? [];
    const room = q.limit - found.length;
    found.push(...items.slice(0, room));
    start = page.LastEvaluatedKey;
    if (items.length > room) {
      start = keyOf(q, found.at(-1) ?? {});
      break;
    }
    if (!start || found.length === q.limit) break;
  }
  return { items: found.map((item) => stripKeys<T>(item)), nextCursor: encodeCursor(start) };
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
