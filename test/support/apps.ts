/**
 * The one place tests wire the API apps (and the other factories that take dependencies).
 * A builder takes only what a test cares about; everything else gets a test default: the
 * table, a fixed clock, a token verifier that accepts nothing, the site URL, a quiet log.
 * When a factory's signature changes, this file changes and the tests do not: keep every
 * call of a `create…App` / `createMailWorker` here.
 */
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { vi } from 'vitest';
import { createAgendaApp } from '../../functions/agenda/app.ts';
import { agendaStores } from '../../functions/agenda/wiring.ts';
import { createApp, type Logger } from '../../functions/core/app.ts';
import { InvalidTokenError, type TokenVerifier } from '../../functions/core/auth.ts';
import type { ClientAddressSource } from '../../functions/core/client-address.ts';
import { createDocumentClient, type DocumentClient } from '../../functions/core/dynamo.ts';
import { fixedOriginSecret } from '../../functions/core/origin-secret.ts';
import { createRateLimiter, type RateLimiter } from '../../functions/core/rate-limit.ts';
import { createDocsApp } from '../../functions/docs/app.ts';
import { createOriginSecretRotation } from '../../functions/edge/rotation.ts';
import { createEventsApp } from '../../functions/events/app.ts';
import type { EventReader } from '../../functions/events/public.ts';
import { eventStores } from '../../functions/events/wiring.ts';
import { createIdentityApp } from '../../functions/identity/app.ts';
import { createMailWorker } from '../../functions/mail/worker.ts';
import { createSiteRebuildStarter } from '../../functions/publishing/site-rebuild-starter.ts';
import { createRegistrationsApp } from '../../functions/registrations/app.ts';
import type { RegistrationLimits } from '../../functions/registrations/limits.ts';
import { registrationStores } from '../../functions/registrations/wiring.ts';
import { createSponsorsApp } from '../../functions/sponsors/app.ts';
import type { Directory } from '../../functions/sponsors/directory.ts';
import type { LogoStorage } from '../../functions/sponsors/logos.ts';
import { createMembershipLookup } from '../../functions/sponsors/membership.ts';
import { createLeadEraser, createStaffReleaser } from '../../functions/sponsors/public.ts';
import { sponsorStores } from '../../functions/sponsors/wiring.ts';
import { createLocalApp } from '../../local/server.ts';

export const TEST_TABLE = 'test-table';
export const TEST_SITE_URL = 'http://localhost:4321';
/** Before every test event, and inside the demo conference's sign-up windows. */
export const TEST_NOW = new Date('2027-01-10T10:00:00Z');
export const TEST_RETENTION_DAYS = 30;

/** No token is valid: every caller is anonymous unless a test passes `testIssuer().verifyToken`. */
export const acceptNoToken: TokenVerifier = async () => {
  throw new InvalidTokenError('this test accepts no token');
};

/** A log that drops every entry; pass `(entry) => entries.push(entry)` to read it. */
export const quietLog: Logger = () => {};

/** Sign-up limits no test reaches unless it sets its own. */
export const UNREACHED_LIMITS: RegistrationLimits = {
  perClient: { scope: 'test-client', limit: 1_000_000, windowSeconds: 60 },
  perEmail: { scope: 'test-email', limit: 1_000_000, windowSeconds: 60 },
};

/**
 * What sits in front of the app. `originSecret`: the value CloudFront would send in
 * X-Origin-Verify; unset (the default), nothing is checked, as locally. `clientAddress`:
 * where the per-client limit finds the client's address; unset, every client counts as one.
 */
export type EdgeTestOptions = { originSecret?: string; clientAddress?: ClientAddressSource };
const edge = (options: EdgeTestOptions) => ({
  originSecret: options.originSecret ? fixedOriginSecret(options.originSecret) : undefined,
  clientAddress: options.clientAddress,
});

/**
 * Where the data lives: in unit tests the default client, whose calls aws-sdk-client-mock
 * intercepts; in integration tests the `doc` and `tableName` of `freshTable()`.
 */
type Table = { doc?: DocumentClient; tableName?: string };
const table = (options: Table) => ({
  doc: options.doc ?? createDocumentClient(),
  tableName: options.tableName ?? TEST_TABLE,
});

export type RegistrationsOptions = Table & {
  now?: () => Date;
  siteUrl?: string;
  retentionDays?: number;
  events?: EventReader;
};

/** What the registration use cases need (for tests that call them without HTTP). */
export function registrationDeps(options: RegistrationsOptions = {}) {
  const { doc, tableName } = table(options);
  const stores = registrationStores(doc, tableName);
  return {
    ...stores,
    events: options.events ?? stores.events,
    siteUrl: options.siteUrl ?? TEST_SITE_URL,
    retentionDays: options.retentionDays ?? TEST_RETENTION_DAYS,
    now: options.now ?? (() => TEST_NOW),
  };
}

export function registrationsApp(
  options: RegistrationsOptions &
    EdgeTestOptions & {
      verifyToken?: TokenVerifier;
      /** Sign-up limits; the production ones unless given. */
      limits?: RegistrationLimits;
      limit?: RateLimiter;
    } = {},
) {
  const { doc, tableName } = table(options);
  return createRegistrationsApp({
    ...registrationDeps(options),
    limit: options.limit ?? createRateLimiter(doc, tableName),
    ...(options.limits ? { limits: options.limits } : {}),
    verifyToken: options.verifyToken ?? acceptNoToken,
    edge: edge(options),
    withdrawLeads: createLeadEraser(doc, tableName),
    staffRelease: createStaffReleaser(doc, tableName),
  });
}
export type RegistrationsApp = ReturnType<typeof registrationsApp>;

export function eventsApp(options: Table & EdgeTestOptions & { now?: () => Date } = {}) {
  const { doc, tableName } = table(options);
  return createEventsApp({ ...eventStores(doc, tableName), now: options.now ?? (() => TEST_NOW), edge: edge(options) });
}

export function identityApp(
  options: EdgeTestOptions & { verifyToken?: TokenVerifier; sponsorIdsOf?: (sub: string) => Promise<string[]> } = {},
) {
  return createIdentityApp({
    verifyToken: options.verifyToken ?? acceptNoToken,
    sponsorIdsOf: options.sponsorIdsOf ?? (async () => []),
    edge: edge(options),
  });
}

/** Invited people get the sub `invited-<local part>` unless the test brings its own directory. */
export const testDirectory: Directory = { ensureUser: async (email) => ({ sub: `invited-${email.split('@')[0]}` }) };

/** A logo store that holds nothing unless the test passes one (integration tests pass s3rver's). */
export const noLogos: LogoStorage = {
  presign: async (key) => ({ url: 'https://logos.example.test/', fields: { key } }),
  head: async () => undefined,
};

export function sponsorsApp(
  options: Table &
    EdgeTestOptions & {
      verifyToken?: TokenVerifier;
      now?: () => Date;
      siteUrl?: string;
      directory?: Directory;
      logos?: LogoStorage;
    } = {},
) {
  const { doc, tableName } = table(options);
  const now = options.now ?? (() => TEST_NOW);
  const wired = sponsorStores(doc, tableName, {
    siteUrl: options.siteUrl ?? TEST_SITE_URL,
    retentionDays: TEST_RETENTION_DAYS,
    now,
    s3: new S3Client({ region: 'eu-west-1' }),
    logosBucket: 'test-logos',
  });
  return createSponsorsApp({
    ...wired,
    logos: options.logos ?? noLogos,
    verifyToken: options.verifyToken ?? acceptNoToken,
    siteUrl: options.siteUrl ?? TEST_SITE_URL,
    limit: createRateLimiter(doc, tableName),
    directory: options.directory ?? testDirectory,
    now,
    edge: edge(options),
  });
}

export function agendaApp(
  options: Table & EdgeTestOptions & { verifyToken?: TokenVerifier; now?: () => Date; siteUrl?: string } = {},
) {
  const { doc, tableName } = table(options);
  return createAgendaApp({
    ...agendaStores(doc, tableName),
    verifyToken: options.verifyToken ?? acceptNoToken,
    siteUrl: options.siteUrl ?? TEST_SITE_URL,
    now: options.now ?? (() => TEST_NOW),
    edge: edge(options),
  });
}

export function docsApp(options: EdgeTestOptions = {}) {
  return createDocsApp({ edge: edge(options) });
}

/** The bare app every context starts from (origin secret, error mapping, CORS, limits, headers). */
export function baseApp(options: EdgeTestOptions & { allowedOrigins?: string[]; log?: Logger } = {}) {
  return createApp({ ...edge(options), allowedOrigins: options.allowedOrigins, log: options.log ?? quietLog });
}

/** Every context behind one origin, routed as API Gateway routes them (no site). */
export function localApi(
  options: Table & { verifyToken?: TokenVerifier; now?: () => Date; limits?: RegistrationLimits; logos?: LogoStorage },
) {
  const { doc, tableName } = table(options);
  const verifyToken = options.verifyToken ?? acceptNoToken;
  return createLocalApp({
    apps: {
      events: eventsApp({ doc, tableName, now: options.now }),
      registrations: registrationsApp({ doc, tableName, now: options.now, verifyToken, limits: options.limits }),
      identity: identityApp({ verifyToken, sponsorIdsOf: createMembershipLookup(doc, tableName) }),
      sponsors: sponsorsApp({ doc, tableName, verifyToken, now: options.now, logos: options.logos }),
      agenda: agendaApp({ doc, tableName, verifyToken, now: options.now }),
      docs: docsApp(),
    },
    siteDir: '/nonexistent',
  });
}

export function mailWorker(
  options: Table & { ses?: SESv2Client; fromAddress?: string; configurationSet?: string; log?: Logger } = {},
) {
  const { doc, tableName } = table(options);
  return createMailWorker({
    doc,
    tableName,
    ses: options.ses ?? new SESv2Client({ region: 'eu-west-1' }),
    fromAddress: options.fromAddress ?? 'Conference <no-reply@example.org>',
    configurationSet: options.configurationSet ?? 'mail-set',
    log: options.log ?? quietLog,
  });
}

/** The AWS site-rebuild starter over a (mocked) CodeBuild client. */
export function siteRebuildStarter(
  options: Table & { codeBuild?: CodeBuildClient; projectName?: string; log?: Logger } = {},
) {
  const { doc, tableName } = table(options);
  return createSiteRebuildStarter({
    doc,
    tableName,
    codeBuild: options.codeBuild ?? new CodeBuildClient({ region: 'eu-west-1' }),
    projectName: options.projectName ?? 'site-build',
    log: options.log ?? quietLog,
  });
}

/** The origin secret's rotation function; its clients are the defaults aws-sdk-client-mock intercepts. */
export function originSecretRotation(options: { distributionId?: string; log?: Logger } = {}) {
  return createOriginSecretRotation({
    secrets: new SecretsManagerClient({ region: 'eu-west-1' }),
    cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
    distributionId: options.distributionId ?? 'EDISTRIBUTION',
    log: options.log ?? quietLog,
  });
}

/**
 * The context apps take no logger yet: they log through core/app's default, one JSON line per
 * entry on console.error. This collects those entries (and keeps them off the test output)
 * until `restore()`. When the factories take a `log`, the builders above pass one instead.
 */
export function captureAppLog() {
  const entries: Record<string, unknown>[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
    try {
      entries.push(JSON.parse(String(line)) as Record<string, unknown>);
    } catch {
      entries.push({ message: String(line) });
    }
  });
  return { entries, restore: () => spy.mockRestore() };
}
