/**
 * Feeds a stream handler from DynamoDB Local's stream API, as Lambda's event source mapping
 * does in AWS: batches in order per shard, a reported failure retried from that record, and
 * after the retries the record is set aside (logged) like a dead letter. Records carry keys
 * only, as the shared table definition says: it will not start on a stream that carries
 * item images (ensureTable switches older local tables).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { tableDefinition } from '../functions/core/table.ts';

type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export async function startStreamWorker(options: {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  handler: Handler;
  maxAttempts?: number;
  pollMs?: number;
  log?: (message: string) => void;
}) {
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const arn = Table?.StreamSpecification?.StreamEnabled ? Table.LatestStreamArn : undefined;
  if (!arn) throw new Error(`Table ${options.tableName} has no stream`);
  const view = Table?.StreamSpecification?.StreamViewType;
  if (view !== tableDefinition.streamViewType) {
    throw new Error(`The stream of ${options.tableName} is ${view}; it must be ${tableDefinition.streamViewType}`);
  }
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const maxAttempts = options.maxAttempts ?? 5;
  const pollMs = options.pollMs ?? 200;
  const log = options.log ?? ((m: string) => console.error(m));
  let running = true;
  const iterators = new Map<string, string | undefined>();
  const attempts = new Map<string, number>();

  async function deliver(shardId: string, records: _Record[]): Promise<boolean> {
    const event = {
      Records: records.map((r) => ({ ...r, eventSource: 'aws:dynamodb' })),
    } as unknown as DynamoDBStreamEvent;
    const { batchItemFailures } = await options.handler(event);
    const failed = batchItemFailures[0]?.itemIdentifier;
    if (!failed) return true;
    const tries = (attempts.get(failed) ?? 0) + 1;
    attempts.set(failed, tries);
    if (tries >= maxAttempts) {
      log(`stream record ${failed} failed ${tries} times; set aside as a dead letter`);
      const rest = records.slice(records.findIndex((r) => r.dynamodb?.SequenceNumber === failed) + 1);
      return rest.length === 0 ? true : deliver(shardId, rest);
    }
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: arn,
        ShardId: shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: failed,
      }),
    );
    iterators.set(shardId, ShardIterator);
    await sleep(Math.min(2000, 100 * 2 ** tries));
    return false;
  }

  async function loop() {
    while (running) {
      try {
        const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
        for (const shard of StreamDescription?.Shards ?? []) {
          const shardId = shard.ShardId!;
          if (!iterators.has(shardId)) {
            const { ShardIterator } = await streams.send(
              new GetShardIteratorCommand({
                StreamArn: arn,
                ShardId: shardId,
                ShardIteratorType: 'TRIM_HORIZON',
              }),
            );
            iterators.set(shardId, ShardIterator);
          }
          const iterator = iterators.get(shardId);
          if (!iterator) continue;
          const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
          const records = page.Records ?? [];
          if (records.length === 0 || (await deliver(shardId, records))) iterators.set(shardId, page.NextShardIterator);
        }
      } catch (error) {
        if (running) log(`stream worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      await sleep(pollMs);
    }
  }

  const done = loop();
  return {
    stop: async () => {
      running = false;
      await done;
      streams.destroy();
    },
  };
}
