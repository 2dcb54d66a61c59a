/**
 * The local twin: DynamoDB Local, the table, the demo seed, every context's Hono app and
 * the built site on one origin. `npm start` and the e2e tests both start it through here.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDocumentClient } from '../functions/core/dynamo.ts';
import { createDocsApp } from '../functions/docs/app.ts';
import { createEventsApp } from '../functions/events/app.ts';
import { createEventsStore } from '../functions/events/store.ts';
import { ensureTable, startDynamoDbLocal, type LocalDynamo } from './dynamodb.ts';
import { seedDemoConference } from './seed.ts';
import { createLocalApp } from './server.ts';
import { buildSite, isSiteCurrent, siteFingerprint, type BuildHandle } from './site-build.ts';

export type StackOptions = {
  root: string;
  port: number;
  /** Keep data in memory instead of under .data/. */
  inMemory: boolean;
  tableName?: string;
  progress?: (message: string) => void;
};

export type LocalStack = { url: string; dynamoEndpoint: string; javaPid: number | undefined; stop: () => Promise<void> };

export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const { root, inMemory } = options;
  const tableName = options.tableName ?? 'conference';
  const progress = options.progress ?? (() => {});
  let dynamo: LocalDynamo | undefined;
  let server: ReturnType<typeof serve> | undefined;
  let build: BuildHandle | undefined;

  const stop = async () => {
    build?.cancel();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await dynamo?.stop();
  };

  try {
    progress(`Starting database (DynamoDB Local, ${inMemory ? 'in memory' : 'data in .data/dynamodb'})…`);
    dynamo = await startDynamoDbLocal(inMemory ? {} : { dataDir: join(root, '.data/dynamodb') });

    progress('Preparing table…');
    await ensureTable(dynamo.client, tableName);
    const doc = createDocumentClient(dynamo.client);

    progress('Seeding demo conference…');
    const seeded = await seedDemoConference(doc, tableName);
    progress(seeded ? 'Seeded the demo conference.' : 'Demo conference already present, kept as is.');

    const app = createLocalApp({
      apps: { events: createEventsApp({ store: createEventsStore(doc, tableName) }), docs: createDocsApp() },
      siteDir: join(root, 'site/dist'),
    });
    const port = await new Promise<number>((done, fail) => {
      server = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, (info: AddressInfo) => done(info.port));
      server.once('error', fail);
    });
    const apiBase = `http://127.0.0.1:${port}`;

    const fingerprint = await siteFingerprint(root, apiBase);
    if (isSiteCurrent(root, fingerprint)) {
      progress('Site is up to date.');
    } else {
      progress('Building site (Astro)…');
      build = buildSite(root, apiBase, fingerprint, join(root, '.data/logs/site-build.log'));
      await build.done;
      build = undefined;
    }
    return { url: `http://localhost:${port}`, dynamoEndpoint: dynamo.endpoint, javaPid: dynamo.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
