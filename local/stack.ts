/**
 * The local twin: DynamoDB Local, the table, the demo seed, every context's Hono app, a real
 * OpenID provider, the mail worker fed by the table's stream with an SES-compatible sink,
 * and the built site, all on one origin. `npm start` and the e2e tests start it through here.
 * It answers only its own names (see host-guard.ts): http://localhost:<port>, the origin it
 * advertises, http://127.0.0.1:<port> and http://[::1]:<port>.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createAgendaApp } from '../functions/agenda/app.ts';
import { agendaStores } from '../functions/agenda/wiring.ts';
import { createTokenVerifier } from '../functions/core/auth.ts';
import { clientAddressSourceFromEnv } from '../functions/core/client-address.ts';
import { createDocumentClient } from '../functions/core/dynamo.ts';
import { createRateLimiter } from '../functions/core/rate-limit.ts';
import { createDocsApp } from '../functions/docs/app.ts';
import { createEventsApp } from '../functions/events/app.ts';
import { eventStores } from '../functions/events/wiring.ts';
import { createIdentityApp } from '../functions/identity/app.ts';
import { createMailWorker } from '../functions/mail/worker.ts';
import { createRegistrationsApp, READ_CACHE_MS } from '../functions/registrations/app.ts';
import { expireHolds } from '../functions/registrations/holds.ts';
import { registrationLimitsFromEnv } from '../functions/registrations/limits.ts';
import { sweepPayments } from '../functions/registrations/payment-sweep.ts';
import { registrationStores } from '../functions/registrations/wiring.ts';
import { createSponsorsApp } from '../functions/sponsors/app.ts';
import { invitationLimitFromEnv } from '../functions/sponsors/limits.ts';
import { createMembershipLookup } from '../functions/sponsors/membership.ts';
import { createLeadEraser, createStaffReleaser } from '../functions/sponsors/public.ts';
import { sponsorStores } from '../functions/sponsors/wiring.ts';
import { LocalAccounts } from './accounts.ts';
import { ensureTable, type LocalDynamo, startDynamoDbLocal } from './dynamodb.ts';
import { localOrigins, ownOrigin, refuseForeignHost } from './host-guard.ts';
import { MailSink } from './mail-sink.ts';
import { API_RESOURCE, createLocalOidc, LOCAL_CLIENT_ID, OIDC_PATH } from './oidc-provider.ts';
import { LOGOS_BUCKET, type LocalS3, startLocalS3 } from './s3.ts';
import { dropOutdatedData, seedDemoConference } from './seed.ts';
import { createLocalApp } from './server.ts';
import { type BuildHandle, buildSite, isSiteCurrent, siteFingerprint } from './site-build.ts';
import { createSiteRebuilder, fanOut } from './site-rebuilder.ts';
import { startStreamWorker } from './stream-worker.ts';

export type StackOptions = {
  root: string;
  port: number;
  /** Keep data in memory instead of under .data/. */
  inMemory: boolean;
  tableName?: string;
  progress?: (message: string) => void;
  /**
   * false: serve `site/dist` as it is and never build it. For a second stack beside another
   * (test/e2e/local-hosts.test.ts): its own seed would find the other stack's site stale and
   * rebuild it, under the feet of the stack that built it.
   */
  buildSite?: boolean;
};

export type LocalStack = {
  url: string;
  /** The OpenID issuer of `url`. */
  issuer: string;
  /** The issuer of each origin the stack answers on (localhost, 127.0.0.1, [::1]). */
  issuers: string[];
  dynamoEndpoint: string;
  javaPid: number | undefined;
  stop: () => Promise<void>;
};

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done((server.address() as AddressInfo).port));
  });
}

export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const { root, inMemory } = options;
  const tableName = options.tableName ?? 'conference';
  const progress = options.progress ?? (() => {});
  // Settings from the environment, read before anything starts: a bad value stops here.
  const limits = registrationLimitsFromEnv(process.env);
  const invitationLimit = invitationLimitFromEnv(process.env);
  // Nothing sits in front of this server: the client is the socket's peer (X-Forwarded-For is anyone's to write).
  const clientAddress = clientAddressSourceFromEnv(process.env) ?? 'socket';
  const dataFile = (name: string) => (inMemory ? undefined : join(root, '.data', name));
  let dynamo: LocalDynamo | undefined;
  let s3: LocalS3 | undefined;
  let build: BuildHandle | undefined;
  let streamWorker: { stop: () => Promise<void> } | undefined;
  let rebuilder: ReturnType<typeof createSiteRebuilder> | undefined;
  let holdSweep: NodeJS.Timeout | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse, origin: string) => void) | undefined;
  let port = 0;
  const server = createServer((req, res) => {
    const origin = ownOrigin(req, port);
    if (!origin) return refuseForeignHost(req, res, port);
    if (handle) return handle(req, res, origin);
    res.writeHead(503, { 'Retry-After': '1' }).end('Starting');
  });

  const stop = async () => {
    clearInterval(holdSweep);
    build?.cancel();
    rebuilder?.stop();
    await streamWorker?.stop();
    server.closeAllConnections();
    await new Promise<void>((done) => (server.listening ? server.close(() => done()) : done()));
    await dynamo?.stop();
    await s3?.stop();
  };

  try {
    progress(`Starting database (DynamoDB Local, ${inMemory ? 'in memory' : 'data in .data/dynamodb'})…`);
    dynamo = await startDynamoDbLocal(inMemory ? {} : { dataDir: join(root, '.data/dynamodb') });

    progress('Preparing table…');
    await ensureTable(dynamo.client, tableName);
    const doc = createDocumentClient(dynamo.client);
    if (await dropOutdatedData(dynamo.client, tableName)) {
      progress('The data in .data/ used an older key layout: starting again from the demo data.');
    }

    progress('Seeding demo conference…');
    const seeded = await seedDemoConference(doc, tableName);
    progress(seeded ? 'Seeded the demo conference.' : 'Demo conference already present, kept as is.');

    port = await listen(server, options.port);
    const origins = localOrigins(port);
    const origin = origins[0]!; // http://localhost:<port>, the one the stack advertises
    const apiBase = `http://127.0.0.1:${port}`;

    progress('Starting sign-in (OpenID provider)…');
    const accounts = new LocalAccounts(dataFile('oidc/accounts.json'));
    const oidc = await createLocalOidc({ origins, accounts, keysDir: dataFile('oidc') });
    // Tokens name the issuer of the origin they were obtained on; all of them are ours.
    const verifyToken = createTokenVerifier({
      issuer: oidc.issuers,
      clientIds: [LOCAL_CLIENT_ID],
      audience: API_RESOURCE,
    });

    progress(`Starting object storage (s3rver, ${inMemory ? 'in a temporary directory' : 'data in .data/s3'})…`);
    s3 = await startLocalS3({ dataDir: inMemory ? undefined : join(root, '.data/s3'), origins });
    const mail = new MailSink(dataFile('mail.json'));
    const extra = new Hono();
    extra.route('/', mail.routes());
    extra.route('/', s3.routes);
    const app = createLocalApp({
      apps: {
        events: createEventsApp({ ...eventStores(doc, tableName), now: () => new Date(), allowedOrigins: [origin] }),
        registrations: createRegistrationsApp({
          ...registrationStores(doc, tableName),
          limit: createRateLimiter(doc, tableName),
          limits,
          verifyToken,
          siteUrl: origin,
          retentionDays: 90,
          now: () => new Date(),
          readCacheMs: READ_CACHE_MS,
          allowedOrigins: [origin],
          edge: { clientAddress },
          withdrawLeads: createLeadEraser(doc, tableName),
          staffRelease: createStaffReleaser(doc, tableName),
        }),
        identity: createIdentityApp({
          verifyToken,
          sponsorIdsOf: createMembershipLookup(doc, tableName),
          allowedOrigins: [origin],
        }),
        sponsors: createSponsorsApp({
          ...sponsorStores(doc, tableName, {
            siteUrl: origin,
            retentionDays: 90,
            now: () => new Date(),
            s3: s3.client,
            logosBucket: LOGOS_BUCKET,
            // The browser posts to the twin's own origin, whichever of its names it uses.
            uploadUrl: `/_s3/${LOGOS_BUCKET}`,
          }),
          // Logos are served from the origin the page came from: /media/... relative to it.
          mediaBaseUrl: '',
          now: () => new Date(),
          verifyToken,
          siteUrl: origin,
          limit: createRateLimiter(doc, tableName),
          invitationLimit,
          allowedOrigins: [origin],
          directory: { ensureUser: async (email) => ({ sub: accounts.ensure(email).sub }) },
        }),
        agenda: createAgendaApp({
          ...agendaStores(doc, tableName),
          now: () => new Date(),
          verifyToken,
          siteUrl: origin,
          allowedOrigins: [origin],
        }),
        docs: createDocsApp({ allowedOrigins: [origin] }),
      },
      extra,
      siteDir: join(root, 'site/dist'),
    });
    const listener = getRequestListener(app.fetch);
    handle = (req, res, requested) =>
      req.url === OIDC_PATH || req.url?.startsWith(`${OIDC_PATH}/`)
        ? oidc.handle(req, res, requested)
        : void listener(req, res);

    // Published changes (agenda, sponsors, categories) rebuild the site, after the first build.
    rebuilder = createSiteRebuilder({
      root,
      apiBase,
      logFile: join(root, '.data/logs/site-build.log'),
      doc,
      tableName,
      paused: true,
      log: (message) => progress(message),
    });
    const mailWorker = createMailWorker({
      doc,
      ses: new SESv2Client({
        endpoint: `${apiBase}/_local/ses`,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      tableName,
      fromAddress: 'Customs IT Conference <no-reply@example.org>',
      log: () => {},
    });
    streamWorker = await startStreamWorker({
      client: dynamo.client,
      endpoint: dynamo.endpoint,
      tableName,
      handler: fanOut(mailWorker, rebuilder.handler),
    });

    // What the scheduled sweeper Lambda does in AWS, every 30 seconds here.
    const sweepDeps = { ...registrationStores(doc, tableName), siteUrl: origin, now: () => new Date() };
    holdSweep = setInterval(() => {
      expireHolds(sweepDeps, Date.now() + 10_000)
        .then(() => sweepPayments(sweepDeps, Date.now() + 10_000))
        .catch((error: Error) =>
          console.error(JSON.stringify({ level: 'warn', message: 'hold sweep failed', error: error.message })),
        );
    }, 30_000);
    holdSweep.unref();

    if (options.buildSite !== false) {
      const fingerprint = await siteFingerprint(root, apiBase);
      if (isSiteCurrent(root, fingerprint)) {
        progress('Site is up to date.');
      } else {
        progress('Building site (Astro)…');
        build = buildSite(root, apiBase, fingerprint, join(root, '.data/logs/site-build.log'));
        await build.done;
        build = undefined;
      }
      rebuilder.resume();
    }
    return {
      url: origin,
      issuer: oidc.issuers[0]!,
      issuers: oidc.issuers,
      dynamoEndpoint: dynamo.endpoint,
      javaPid: dynamo.pid,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
