import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { ensureTable, localDynamoClient } from '../../local/dynamodb.ts';

/** A fresh table of the shared definition on the run's DynamoDB Local (`load`: the load test's own). */
export async function freshTable(prefix: string, { load = false }: { load?: boolean } = {}) {
  const client = localDynamoClient(inject(load ? 'loadDynamoEndpoint' : 'dynamoEndpoint'));
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const created = await ensureTable(client, tableName);
  return { client, doc: createDocumentClient(client), tableName, created };
}
