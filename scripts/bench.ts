/**
 * `npm run bench`: registration throughput and latency through the local stack's HTTP path
 * (Hono app on Node, the same code as the Lambda) against the raw engine doing the same
 * transactional writes at the same concurrency, on one DynamoDB Local; and the write
 * capacity one registration consumes. Bounded: a fixed number of requests, then it stops.
 */

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { createTokenVerifier } from '../functions/core/auth.ts';
import { createDocumentClient, type DocumentClient } from '../functions/core/dynamo.ts';
import { createRateLimiter } from '../functions/core/rate-limit.ts';
import { createEventsStore } from '../functions/events/store.ts';
import { outboxKey } from '../functions/mail/outbox.ts';
import { createRegistrationsApp } from '../functions/registrations/app.ts';
import { createCategoryStore } from '../functions/registrations/category-store.ts';
import {
  categoryKey,
  emailLockKey,
  eventRegistrationsIndex,
  idemKey,
  regKey,
} from '../functions/registrations/keys.ts';
import { registrationStores } from '../functions/registrations/wiring.ts';
import { ensureTable, startDynamoDbLocal } from '../local/dynamodb.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TABLE = 'bench';

async function run(label: string, count: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { label, perSecond: count / seconds, p50: pct(50), p99: pct(99) };
}

/**
 * DynamoDB Local reports no consumed capacity, so write units are counted from the items
 * each command writes, by DynamoDB's pricing rules: 1 WCU per started KB for a standard
 * write, 2 for a transactional one. Sizes are the marshalled JSON length (an upper bound).
 */
function metered(doc: DocumentClient) {
  const total = { write: 0 };
  const kb = (item: unknown) => Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(item ?? {})) / 1024));
  const wrapped = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const out = await doc.send(command as never);
      const name = command.constructor.name;
      if (name === 'TransactWriteCommand') {
        for (const item of command.input.TransactItems as Record<string, { Item?: unknown }>[]) {
          const op = Object.values(item)[0]!;
          // Updates here touch the small category item (well under 1 KB).
          total.write += 2 * (op.Item ? kb(op.Item) : 1);
        }
      } else if (name === 'PutCommand') total.write += kb(command.input.Item);
      else if (name === 'UpdateCommand' || name === 'DeleteCommand') total.write += 1;
      return out;
    },
  } as unknown as DocumentClient;
  return { doc: wrapped, total };
}

const dynamo = await startDynamoDbLocal();
try {
  await ensureTable(dynamo.client, TABLE);
  const doc = createDocumentClient(dynamo.client);
  const events = createEventsStore(doc, TABLE);
  await events.createEvent({
    id: 'bench',
    name: { en: 'Bench' },
    startDate: '2027-06-08',
    endDate: '2027-06-10',
    timeZone: 'Europe/Lisbon',
    venue: { name: { en: 'Hall' }, address: 'Rua 1', city: 'Lisbon', country: 'PT' },
    status: 'published',
  });
  for (const id of ['http', 'raw', 'meter']) {
    await createCategoryStore(doc, TABLE).createCategory(
      'bench',
      { id, name: { en: id }, capacity: 1_000_000, waitlist: true, requiresApproval: false },
      0,
    );
  }
  const deps = (client: DocumentClient) => ({
    ...registrationStores(client, TABLE),
    limit: createRateLimiter(client, TABLE),
    limits: {
      perClient: { scope: 'c', limit: 1_000_000, windowSeconds: 60 },
      perEmail: { scope: 'e', limit: 10, windowSeconds: 60 },
    },
    verifyToken: createTokenVerifier({ issuer: 'https://unused.example', clientIds: ['none'] }),
    siteUrl: 'http://localhost:4321',
    retentionDays: 30,
    now: () => new Date('2027-01-10T10:00:00Z'),
    readCacheMs: 5_000,
  });
  const app = createRegistrationsApp(deps(doc));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const body = (category: string, i: number) =>
    JSON.stringify({
      categoryId: category,
      firstName: 'Bench',
      lastName: 'Delegate',
      email: `${category}${i}@example.org`,
      organisation: 'Customs',
      country: 'BE',
      consent: { privacy: true },
    });

  const http = await run('local stack (HTTP, Hono, full use case)', REQUESTS, async (i) => {
    const r = await fetch(`${base}/api/events/bench/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-http-${i}` },
      body: body('http', i),
    });
    if (r.status !== 201) throw new Error(`HTTP ${r.status}`);
  });

  // The same transaction the use case commits, straight to the engine.
  const raw = await run('raw engine (same TransactWriteItems)', REQUESTS, async (i) => {
    const id = randomUUID();
    const now = '2027-01-10T10:00:00Z';
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: TABLE,
              Key: categoryKey('bench', 'raw'),
              UpdateExpression: 'SET #t = #t + :one',
              ConditionExpression: '#t < #c',
              ExpressionAttributeNames: { '#t': 'taken', '#c': 'capacity' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          {
            Put: {
              TableName: TABLE,
              Item: {
                ...regKey(id),
                ...eventRegistrationsIndex({ eventId: 'bench', createdAt: now, id }),
                id,
                eventId: 'bench',
                categoryId: 'raw',
                firstName: 'Bench',
                lastName: String(i),
                email: `raw${i}@example.org`,
                organisation: 'Customs',
                country: 'BE',
                status: 'confirmed',
                createdAt: now,
                updatedAt: now,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: TABLE,
              Item: emailLockKey('bench', `raw${i}@example.org`),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: TABLE,
              Item: { ...idemKey('bench', `raw-${i}`), status: 201 },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: TABLE,
              Item: {
                ...outboxKey(id),
                to: `raw${i}@example.org`,
                subject: 'Registration confirmed',
                text: 'x'.repeat(300),
              },
            },
          },
        ],
      }),
    );
  });

  const meter = metered(doc);
  const meteredApp = createRegistrationsApp(deps(meter.doc));
  const SAMPLE = 20;
  for (let i = 0; i < SAMPLE; i += 1) {
    await meteredApp.request('/api/events/bench/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-meter-${i}` },
      body: body('meter', i),
    });
  }
  server.close();

  console.log(
    `\nRegistrations: ${REQUESTS} each, ${CONCURRENCY} concurrent, DynamoDB Local (in memory), ${new Date().toISOString()}\n`,
  );
  console.log('| path | registrations/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|');
  for (const r of [http, raw])
    console.log(`| ${r.label} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
  console.log(
    `\nThe raw writes run ${(raw.perSecond / http.perSecond).toFixed(1)}x as many per second as the full path (which also reads the event, checks the Idempotency-Key and counts two rate limits).`,
  );
  console.log(
    `Write units per confirmed registration (mean of ${SAMPLE}, counted by DynamoDB's rules): ${(meter.total.write / SAMPLE).toFixed(1)} WCU (transaction of 5 items at 2 WCU/KB, plus 2 rate-limit counters).`,
  );
} finally {
  await dynamo.stop();
}
