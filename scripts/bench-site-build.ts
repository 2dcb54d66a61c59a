/**
 * The site-build part of `npm run bench`: `astro build` of the whole site for an event whose
 * published agenda the agenda bench generated (500 sessions, 300 speakers), against the real
 * public apps (events, agenda, sponsors) served over HTTP from the bench's DynamoDB Local.
 * Builds into a temporary directory, so the repository's site/dist is left alone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createAgendaApp } from '../functions/agenda/app.ts';
import { agendaStores } from '../functions/agenda/wiring.ts';
import { contextForPath } from '../functions/contexts.ts';
import { createTokenVerifier } from '../functions/core/auth.ts';
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { createRateLimiter } from '../functions/core/rate-limit.ts';
import { createEventsApp } from '../functions/events/app.ts';
import { eventStores } from '../functions/events/wiring.ts';
import { createSponsorsApp } from '../functions/sponsors/app.ts';
import { sponsorStores } from '../functions/sponsors/wiring.ts';

const ROOT = join(import.meta.dirname, '..');
const SITE_URL = 'http://localhost:4321';

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

function astroBuild(apiBase: string, eventId: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', join(ROOT, 'site'), '--outDir', outDir],
      {
        cwd: ROOT,
        env: { ...process.env, API_BASE_URL: apiBase, FEATURED_EVENT_ID: eventId, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build failed (${code}): ${errors}`)),
    );
  });
}

/** One table line: seconds to build the whole site, and how many pages that made. */
export async function benchSiteBuild(doc: DocumentClient, table: string, eventId: string): Promise<string> {
  const now = () => new Date();
  const verifyToken = createTokenVerifier({ issuer: 'https://unused.example', clientIds: ['none'] });
  const apps = {
    events: createEventsApp({ ...eventStores(doc, table), now }),
    agenda: createAgendaApp({ ...agendaStores(doc, table), now, verifyToken, siteUrl: SITE_URL }),
    sponsors: createSponsorsApp({
      ...sponsorStores(doc, table, {
        siteUrl: SITE_URL,
        retentionDays: 30,
        now,
        // The public list never touches object storage; the client is only wiring.
        s3: new S3Client({ region: 'eu-west-1' }),
        logosBucket: 'bench-logos',
      }),
      now,
      verifyToken,
      siteUrl: SITE_URL,
      limit: createRateLimiter(doc, table),
      directory: {
        ensureUser: async () => {
          throw new Error('The bench invites nobody');
        },
      },
    }),
  };
  const root = new Hono();
  root.all('/api/*', (c) => {
    const context = contextForPath(c.req.path);
    const app = context && context in apps ? apps[context as keyof typeof apps] : undefined;
    return app ? app.fetch(c.req.raw) : c.json({ title: 'Not served by the bench' }, 404);
  });
  const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const outDir = mkdtempSync(join(tmpdir(), 'bench-site-'));
  try {
    const started = performance.now();
    await astroBuild(apiBase, eventId, outDir);
    const seconds = (performance.now() - started) / 1000;
    return `Site build for a 500-session agenda (\`astro build\`, both languages, against the public API over HTTP): ${seconds.toFixed(1)} s for ${countHtml(outDir)} pages.`;
  } finally {
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
