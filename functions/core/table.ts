/**
 * The single-table layout, declared once: the CDK stack and the local twin both build
 * the table from this, so the keys, indexes, TTL and stream cannot drift apart.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  timeToLiveAttribute: 'expiresAt',
  // Keys only: the mail worker reads the outbox item itself, so no manage link or personal
  // data needs to travel through the stream (or its dead-letter queue, or a logged record).
  streamViewType: 'KEYS_ONLY',
} as const;

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['indexName'];

/** The CreateTable input for DynamoDB (local twin, integration tests). */
export function createTableInput(tableName: string) {
  const { partitionKey, sortKey, globalIndexes, streamViewType } = tableDefinition;
  const keyNames = [partitionKey, sortKey, ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: globalIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: streamViewType },
  };
}
