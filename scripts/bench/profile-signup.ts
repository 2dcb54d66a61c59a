/**
 * One sign-up, taken apart: every DynamoDB call it sends (in order, with its latency), then
 * the same at concurrency through the app without HTTP, to see where the time goes.
 */
import { createDocumentClient, type DocumentClient } from '../../functions/core/dynamo.ts';
import { createRegistrationsApp } from '../../functions/registrations/app.ts';
import { ensureTable, startDynamoDbLocal } from '../../local/dynamodb.ts';
import { seedSignUpEvent, signUpDeps } from './signup-setup.ts';

const TABLE = 'profile';
const dynamo = await startDynamoDbLocal({ peakJvm: true });
try {
  await ensureTable(dynamo.client, TABLE);
  const base = createDocumentClient(dynamo.client);
  const log: { name: string; ms: number }[] = [];
  const doc = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const t0 = performance.now();
      try {
        return await base.send(command as never);
      } finally {
        const key = (command.input.Key as { PK?: string } | undefined)?.PK?.split('#')[0] ?? '';
        log.push({ name: `${command.constructor.name.replace('Command', '')} ${key}`, ms: performance.now() - t0 });
      }
    },
  } as unknown as DocumentClient;
  await seedSignUpEvent(base, TABLE, 'p', ['c']);
  const app = createRegistrationsApp(signUpDeps(doc, TABLE, Number(process.env.READ_CACHE_MS ?? 5_000)));
  const signUp = async (i: number) => {
    const r = await app.request('/api/events/p/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `profile-${i}` },
      body: JSON.stringify({
        categoryId: 'c',
        firstName: 'P',
        lastName: 'D',
        email: `p${i}@example.org`,
        organisation: 'Customs',
        country: 'BE',
        consent: { privacy: true },
      }),
    });
    if (r.status !== 201) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
  };
  for (let i = 0; i < 30; i += 1) await signUp(i); // warm up
  log.length = 0;
  const t0 = performance.now();
  const N = 50;
  for (let i = 100; i < 100 + N; i += 1) await signUp(i);
  const total = (performance.now() - t0) / N;
  const calls = log.length / N;
  const byName = new Map<string, number[]>();
  for (const entry of log) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry.ms]);
  console.log(`one at a time: ${total.toFixed(1)} ms a sign-up, ${calls} calls`);
  for (const [name, ms] of byName) {
    console.log(
      `  ${name}: ${(ms.length / N).toFixed(1)}× mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2)} ms`,
    );
  }
  const inDb = log.reduce((a, b) => a + b.ms, 0) / N;
  console.log(`  in DynamoDB calls ${inDb.toFixed(1)} ms; elsewhere ${(total - inDb).toFixed(1)} ms`);

  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  let next = 1000;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < 1300) await signUp(next++);
    }),
  );
  const wall = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `32 at a time (no HTTP): ${((300 / wall) * 1000).toFixed(1)}/s, Node CPU ${((cpu.user + cpu.system) / 1000 / 300).toFixed(1)} ms a sign-up`,
  );
} finally {
  await dynamo.stop();
}
