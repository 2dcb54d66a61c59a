/**
 * `npm run bench`: one table, printed and written to bench/results.md.
 *  - registrations through the local HTTP path (Hono app on Node, the same code as the
 *    Lambda) against the raw engine doing the registration's transactional writes, side by
 *    side in interleaved rounds at the same concurrency, after the same warm-up, on one DynamoDB Local;
 *  - the public event GET (and the agenda GET and a 500-session site build once an agenda
 *    context exists; a note otherwise);
 *  - each Lambda bundle's size and import time against a bare Hono + DynamoDB bundle.
 * Bounded: a fixed number of requests and runs; every process it starts stops by itself.
 * Nothing here is asserted; timing never is, in tests.
 */

import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { createDocumentClient, type DocumentClient } from '../functions/core/dynamo.ts';
import { createEventsApp } from '../functions/events/app.ts';
import { eventStores } from '../functions/events/wiring.ts';
import { createRegistrationsApp, READ_CACHE_MS } from '../functions/registrations/app.ts';
import { emailLockKey } from '../functions/registrations/keys.ts';
import { ensureTable, startDynamoDbLocal } from '../local/dynamodb.ts';
import { bundleTable, measureBundles } from './bench/bundles.ts';
import { seedSignUpEvent, signUpDeps } from './bench/signup-setup.ts';
import { AGENDA_EVENT_ID, benchAgenda } from './bench-agenda.ts';
import { benchSiteBuild } from './bench-site-build.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
/**
 * The two registration paths alternate in this many rounds, each round in the other order
 * (HTTP, raw, then raw, HTTP), so load from elsewhere and the order hit both alike.
 */
const ROUNDS = 2;
/**
 * Sign-ups each path makes first, unmeasured: DynamoDB Local's JVM and Node compile their hot
 * code in the first few hundred requests, and the path measured first would pay for both.
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 100);
/** No phase runs longer than this (seconds), whatever the machine's load: the bench stays bounded. */
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 20);
/** `BENCH_ONLY=registrations` runs the registration rows alone (quicker when tuning the sign-up path). */
const ONLY_REGISTRATIONS = process.env.BENCH_ONLY === 'registrations';
const TABLE = 'bench';
const ROOT = new URL('..', import.meta.url).pathname;

/** `cpuMs`: this Node process's CPU time (the HTTP client and server, the SDK), not DynamoDB Local's. */
type Sample = { latencies: number[]; seconds: number; failed: number; cpuMs: number };
const emptySample = (): Sample => ({ latencies: [], seconds: 0, failed: 0, cpuMs: 0 });

/** Runs `count` tasks `CONCURRENCY` at a time, adding timings and failures to `into`. */
async function run(into: Sample, first: number, count: number, task: (i: number) => Promise<void>) {
  let next = first;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + PHASE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < first + count && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        await task(i).catch((error: unknown) => {
          if (into.failed === 0) console.error(`first failure: ${String(error)}`);
          into.failed += 1;
        });
        into.latencies.push(performance.now() - t0);
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  into.cpuMs += (used.user + used.system) / 1000;
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
    cpuMsEach: sample.cpuMs / Math.max(1, sorted.length),
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

const dynamo = await startDynamoDbLocal({ peakJvm: true });
try {
  await ensureTable(dynamo.client, TABLE);
  const doc = createDocumentClient(dynamo.client);
  await seedSignUpEvent(doc, TABLE, 'bench', ['http', 'raw', 'meter']);
  const deps = (client: DocumentClient) => ({
    ...signUpDeps(client, TABLE, READ_CACHE_MS),
    edge: { clientAddress: 'socket' as const },
  });
  const app = createRegistrationsApp(deps(doc));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  // The clients keep their connections through the raw rounds: the server must not close them idle.
  (server as Server).keepAliveTimeout = (PHASE_SECONDS + 60) * 1000;
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const body = (category: string, i: number | string) =>
    JSON.stringify({
      categoryId: category,
      firstName: 'Bench',
      lastName: 'Delegate',
      email: `${category}${i}@example.org`,
      organisation: 'Customs',
      country: 'BE',
      consent: { privacy: true },
    });

  // Each of the CONCURRENCY clients comes from its own loopback address (127.0.0.2, …), as
  // clients do: the app counts the per-client limit under the socket's address, as the local
  // twin does. Node's own HTTP client, keep-alive, one agent per client.
  const agents = Array.from(
    { length: CONCURRENCY },
    (_, n) => new Agent({ keepAlive: true, localAddress: `127.0.0.${2 + (n % 250)}` }),
  );
  const httpTask = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const payload = body('http', i);
      const request = httpRequest(
        `${base}/api/events/bench/registrations`,
        {
          method: 'POST',
          agent: agents[i % CONCURRENCY],
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'idempotency-key': `bench-http-${i}`,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 201 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
          );
        },
      );
      request.on('error', reject);
      request.end(payload);
    });

  // The registration's writes straight to the engine: the very items one sign-up's
  // transaction writes (seat, registration, email lock, first response, check-in code, hold,
  // mail), captured once, then sent again with fresh ids, address, key and check-in code.
  let captured: Record<string, unknown> | undefined;
  const capturing = {
    send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name === 'TransactWriteCommand') captured = command.input;
      return doc.send(command as never);
    },
  } as unknown as DocumentClient;
  const template = await createRegistrationsApp(deps(capturing)).request('/api/events/bench/registrations', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'bench-raw-template' },
    body: body('raw', 'template'),
  });
  if (template.status !== 201 || !captured) throw new Error(`The template sign-up answered ${template.status}`);
  // The client's count, the eighth item of the sign-up's transaction, stays out: it is the
  // HTTP path's own work, not the registration's writes.
  const items = (captured.TransactItems as { Update?: { Key: { PK: string } } }[]).filter(
    (item) => !item.Update?.Key.PK.startsWith('RATE#'),
  );
  const templateText = JSON.stringify({ ...captured, TransactItems: items });
  const templateCode = String(
    (captured.TransactItems as { Put?: { Item: Record<string, unknown> } }[]).find((t) => t.Put?.Item.SK === 'REG')?.Put
      ?.Item.checkInCode,
  );
  const templateIds = [...new Set(templateText.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g))];
  const rawTask = async (i: number) => {
    const email = `raw${i}@example.org`;
    let text = templateText
      .replaceAll(emailLockKey('bench', 'rawtemplate@example.org').PK, emailLockKey('bench', email).PK)
      .replaceAll('rawtemplate@example.org', email)
      .replaceAll('bench-raw-template', `bench-raw-${i}`)
      .replaceAll(templateCode, `R${String(i).padStart(7, '0')}`);
    for (const id of templateIds) text = text.replaceAll(id, randomUUID());
    await doc.send(new TransactWriteCommand(JSON.parse(text)));
  };
  const httpSample = emptySample();
  const rawSample = emptySample();
  // Warm-up numbers start after the measured ones, so no key or address is used twice.
  await run(emptySample(), REQUESTS, WARM_UP, httpTask);
  await run(emptySample(), REQUESTS, WARM_UP, rawTask);
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const phases = [
      () => run(httpSample, round * perRound, perRound, httpTask),
      () => run(rawSample, round * perRound, perRound, rawTask),
    ];
    for (const phase of round % 2 === 0 ? phases : phases.reverse()) await phase();
  }
  const http = summary(httpSample);
  const raw = summary(rawSample);
  if (ONLY_REGISTRATIONS) {
    server.close();
    for (const agent of agents) agent.destroy();
    console.log(
      `registrations at ${CONCURRENCY} clients: HTTP ${http.perSecond.toFixed(1)}/s (p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms, ${http.failed} failed, Node CPU ${http.cpuMsEach.toFixed(1)} ms each), raw ${raw.perSecond.toFixed(1)}/s (p50 ${raw.p50.toFixed(1)} ms, ${raw.failed} failed, Node CPU ${raw.cpuMsEach.toFixed(1)} ms each), ratio ${(http.perSecond / raw.perSecond).toFixed(2)}`,
    );
    await dynamo.stop();
    process.exit(0);
  }

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
  for (const agent of agents) agent.destroy();

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
    `Completed: ${httpSample.latencies.length} HTTP, ${rawSample.latencies.length} raw, ${eventGet.count} event GETs${done('HTTP', httpSample.latencies.length)}; each registration path first made ${WARM_UP} sign-ups unmeasured, then the two alternated in ${ROUNDS} rounds.`,
    '',
    '| measure | per second | p50 ms | p99 ms | failed | against the engine |',
    '|---|---|---|---|---|---|',
    `| registrations, whole local HTTP path | ${http.perSecond.toFixed(1)} | ${ms(http.p50)} | ${ms(http.p99)} | ${http.failed} | ratio ${(http.perSecond / raw.perSecond).toFixed(2)} |`,
    `| registrations, raw engine (the registration's 7 items in one transaction) | ${raw.perSecond.toFixed(1)} | ${ms(raw.p50)} | ${ms(raw.p99)} | ${raw.failed} | 1 |`,
    `| public event GET | ${eventGet.perSecond.toFixed(1)} | ${ms(eventGet.p50)} | ${ms(eventGet.p99)} | ${eventGet.failed} | |`,
    ...agendaRows,
    '',
    siteBuild,
    '',
    ...bundleTable(bundles),
    '',
    `Write units per confirmed registration (mean of ${SAMPLE}, counted by DynamoDB's rules): ${(meter.total.write / SAMPLE).toFixed(1)} WCU (one transaction of 8 items, the registration's 7 and the client's count, at 2 WCU/KB).`,
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
