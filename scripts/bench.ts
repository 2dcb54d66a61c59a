/**
 * `npm run bench`: one table, printed and written to bench/results.md.
 *  - registrations through the local HTTP path (Hono app on Node, the same code as the
 *    Lambda) against the raw engine doing the registration's transactional writes, side by
 *    side in interleaved rounds at the same concurrency, on one DynamoDB Local;
 *  - the public event GET (and the agenda GET and a 500-session site build once an agenda
 *    context exists; a note otherwise);
 *  - each Lambda bundle's size and import time against a bare Hono + DynamoDB bundle.
 * Bounded: a fixed number of requests and runs; every process it starts stops by itself.
 * Nothing here is asserted; timing never is, in tests.
 */

import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { createTokenVerifier } from '../functions/core/auth.ts';
import { createDocumentClient, type DocumentClient } from '../functions/core/dynamo.ts';
import { createRateLimiter } from '../functions/core/rate-limit.ts';
import { createEventsApp } from '../functions/events/app.ts';
import { createEventsStore } from '../functions/events/store.ts';
import { eventStores } from '../functions/events/wiring.ts';
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
import { bundleTable, measureBundles } from './bench/bundles.ts';
import { AGENDA_EVENT_ID, benchAgenda } from './bench-agenda.ts';
import { benchSiteBuild } from './bench-site-build.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
/** The two registration paths alternate in this many rounds, so load from elsewhere hits both alike. */
const ROUNDS = 2;
/** No phase runs longer than this (seconds), whatever the machine's load: the bench stays bounded. */
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 20);
const TABLE = 'bench';
const ROOT = new URL('..', import.meta.url).pathname;

type Sample = { latencies: number[]; seconds: number; failed: number };
const emptySample = (): Sample => ({ latencies: [], seconds: 0, failed: 0 });

/** Runs `count` tasks `CONCURRENCY` at a time, adding timings and failures to `into`. */
async function run(into: Sample, first: number, count: number, task: (i: number) => Promise<void>) {
  let next = first;
  const started = performance.now();
  const deadline = started + PHASE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < first + count && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        await task(i).catch(() => (into.failed += 1));
        into.latencies.push(performance.now() - t0);
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
  return into;
}

/** One phase on its own: the shape the agenda bench takes. */
async function labelled(label: string, count: number, task: (i: number) => Promise<void>) {
  return { label, ...summary(await run(emptySample(), 0, count, task)) };
}

function summary(sample: Sample) {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return {
    perSecond: (sorted.length - sample.failed) / sample.seconds,
    p50: pct(50),
    p99: pct(99),
    failed: sample.failed,
    count: sorted.length,
  };
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

// BENCH_ONLY=bundles: only the bundles' part, printed (bench/results.md is left as it is).
if (process.env.BENCH_ONLY === 'bundles') {
  console.log(bundleTable(await measureBundles()).join('\n'));
  process.exit(0);
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

  const httpTask = async (i: number) => {
    const r = await fetch(`${base}/api/events/bench/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-http-${i}` },
      body: body('http', i),
    });
    if (r.status !== 201) throw new Error(`HTTP ${r.status}`);
  };

  // The registration's writes (seat, registration, email lock, first response, mail), straight to the engine.
  const rawTask = async (i: number) => {
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
  };
  const httpSample = emptySample();
  const rawSample = emptySample();
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    await run(httpSample, round * perRound, perRound, httpTask);
    await run(rawSample, round * perRound, perRound, rawTask);
  }
  const http = summary(httpSample);
  const raw = summary(rawSample);

  // The public event GET, through the events app on the same kind of server.
  const eventsApp = createEventsApp({ ...eventStores(doc, TABLE), now: () => new Date('2027-01-10T10:00:00Z') });
  const eventsServer = serve({ fetch: eventsApp.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => eventsServer.once('listening', resolve));
  const eventsBase = `http://127.0.0.1:${(eventsServer.address() as AddressInfo).port}`;
  const eventGet = summary(
    await run(emptySample(), 0, REQUESTS, async () => {
      const r = await fetch(`${eventsBase}/api/events/bench`);
      if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
      await r.arrayBuffer();
    }),
  );
  eventsServer.close();

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

  const agendaRows = await benchAgenda(doc, TABLE, labelled, REQUESTS);
  const siteBuild = await benchSiteBuild(doc, TABLE, AGENDA_EVENT_ID);
  const bundles = await measureBundles();
  const ms = (n: number) => n.toFixed(1);
  const done = (label: string, n: number) => (n < REQUESTS ? ` (${label}: ${n} done in the time allowed)` : '');
  const lines = [
    `# Benchmark results`,
    '',
    `\`npm run bench\`, ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, DynamoDB Local in memory; ${REQUESTS} requests per row, ${CONCURRENCY} concurrent clients.`,
    '',
    `Completed: ${httpSample.latencies.length} HTTP, ${rawSample.latencies.length} raw, ${eventGet.count} event GETs${done('HTTP', httpSample.latencies.length)}.`,
    '',
    '| measure | per second | p50 ms | p99 ms | failed | against the engine |',
    '|---|---|---|---|---|---|',
    `| registrations, whole local HTTP path | ${http.perSecond.toFixed(1)} | ${ms(http.p50)} | ${ms(http.p99)} | ${http.failed} | ratio ${(http.perSecond / raw.perSecond).toFixed(2)} |`,
    `| registrations, raw engine (the same 5-item transaction) | ${raw.perSecond.toFixed(1)} | ${ms(raw.p50)} | ${ms(raw.p99)} | ${raw.failed} | 1 |`,
    `| public event GET | ${eventGet.perSecond.toFixed(1)} | ${ms(eventGet.p50)} | ${ms(eventGet.p99)} | ${eventGet.failed} | |`,
    ...agendaRows,
    '',
    siteBuild,
    '',
    ...bundleTable(bundles),
    '',
    `Write units per confirmed registration (mean of ${SAMPLE}, counted by DynamoDB's rules): ${(meter.total.write / SAMPLE).toFixed(1)} WCU (transaction of 7 items at 2 WCU/KB, plus 2 rate-limit counters).`,
    '',
  ];
  const table = lines.join('\n');
  console.log(`\n${table}`);
  mkdirSync(`${ROOT}bench`, { recursive: true });
  writeFileSync(`${ROOT}bench/results.md`, table);
  console.log('Written to bench/results.md');
} finally {
  await dynamo.stop();
}
