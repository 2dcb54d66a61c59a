/**
 * The table's stream carries keys only: whoever reads it (the mail worker, its dead-letter
 * queue, logs) sees PK and SK of an outbox mail or a registration, never the manage link or
 * personal data, whether the item is written, changed, sent and deleted, or erased. The local
 * stream worker feeds its handler from DynamoDB Local's stream as Lambda does in AWS.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { createTableInput } from '../../functions/core/table.ts';
import { outboxItem, outboxKey } from '../../functions/mail/outbox.ts';
import { ensureTable, localDynamoClient } from '../../local/dynamodb.ts';
import { startStreamWorker } from '../../local/stream-worker.ts';
import { freshTable } from './table.ts';

const SECRET = 'k3Jd8s0vQ2m9xPq4Lw7eT1yZ5aB6cN8dF0gH2jK4lM6';

const mail = (id: string) =>
  outboxItem(
    {
      id,
      to: `person-${id}@example.org`,
      subject: 'Registration confirmed',
      text: `Manage your registration: http://localhost:4321/registration/?token=r1.${SECRET}`,
      language: 'en',
    },
    2_000_000_000,
  );

/**
 * A stream worker that records what its handler is given and what it logs; stop() it when
 * done. `until` waits for the records and, when they do not come, fails with the worker's log.
 */
async function recordStream(tableName: string) {
  const seen: DynamoDBRecord[] = [];
  const logged: string[] = [];
  const worker = await startStreamWorker({
    client: localDynamoClient(inject('dynamoEndpoint')),
    endpoint: inject('dynamoEndpoint'),
    tableName,
    pollMs: 50,
    log: (message) => logged.push(`${new Date().toISOString()} ${message}`),
    handler: async (event) => {
      seen.push(...event.Records);
      return { batchItemFailures: [] };
    },
  });
  const until = async <T>(read: () => T, expected: T) => {
    try {
      await expect.poll(read, { timeout: 20_000 }).toEqual(expected);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstream worker log: ${JSON.stringify(logged)}`);
    }
  };
  return { seen, until, stop: () => worker.stop() };
}

/** A table as older local data has it: the same layout, with old and new images in its stream. */
async function olderTable(prefix: string) {
  const client = localDynamoClient(inject('dynamoEndpoint'));
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  await client.send(
    new CreateTableCommand({
      ...createTableInput(tableName),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return { client, doc: createDocumentClient(client), tableName };
}

describe('the table stream', () => {
  it('gives the handler keys only, for a mail written, changed and deleted', async () => {
    const table = await freshTable('stream');
    const stream = await recordStream(table.tableName);
    try {
      const TableName = table.tableName;
      await table.doc.send(new PutCommand({ TableName, Item: mail('m1') }));
      await table.doc.send(
        new UpdateCommand({
          TableName,
          Key: outboxKey('m1'),
          UpdateExpression: 'SET #text = :text',
          ExpressionAttributeNames: { '#text': 'text' },
          ExpressionAttributeValues: { ':text': `Changed: ${SECRET}` },
        }),
      );
      await table.doc.send(new DeleteCommand({ TableName, Key: outboxKey('m1') }));

      await stream.until(() => stream.seen.length, 3);
      expect(stream.seen.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
      for (const record of stream.seen) {
        expect(record.dynamodb?.Keys).toEqual({ PK: { S: 'OUTBOX#m1' }, SK: { S: 'MAIL' } });
        expect(record.dynamodb?.StreamViewType).toBe('KEYS_ONLY');
        expect(record.dynamodb).not.toHaveProperty('NewImage');
        expect(record.dynamodb).not.toHaveProperty('OldImage');
      }
      const everything = JSON.stringify(stream.seen);
      expect(everything).not.toContain(SECRET);
      expect(everything).not.toContain('person-m1@example.org');
    } finally {
      await stream.stop();
    }
  });

  it('switches an older local table to keys only, and pending mail still reaches the worker', async () => {
    const table = await olderTable('older');
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: mail('m2') }));

    expect(await ensureTable(table.client, table.tableName)).toBe(false);
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });

    const stream = await recordStream(table.tableName);
    try {
      await stream.until(
        () => stream.seen.filter((r) => r.eventName === 'INSERT').map((r) => r.dynamodb?.Keys?.PK?.S),
        ['OUTBOX#m2'],
      );
      expect(JSON.stringify(stream.seen)).not.toContain(SECRET);
      const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: outboxKey('m2') }));
      expect(Item).toEqual(mail('m2'));
    } finally {
      await stream.stop();
    }
  });

  it('will not feed a handler from a stream that carries item images', async () => {
    const table = await olderTable('images');
    const starting = Promise.resolve(
      startStreamWorker({
        client: table.client,
        endpoint: inject('dynamoEndpoint'),
        tableName: table.tableName,
        log: () => {},
        handler: async () => ({ batchItemFailures: [] }),
      }),
    );
    try {
      await expect(starting).rejects.toThrow(/KEYS_ONLY/);
    } finally {
      await starting.then(
        (worker) => worker.stop(),
        () => {},
      );
    }
  });
});
