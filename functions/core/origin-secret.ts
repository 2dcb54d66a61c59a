/**
 * The API is reached only through CloudFront: CloudFront sends a secret header on every
 * /api/* request, and every app refuses a request without the right value (403). The value
 * lives in AWS Secrets Manager and is rotated by `functions/edge/rotate-origin-secret.ts`,
 * which also updates the header CloudFront sends.
 *
 * Reading the secret: through the AWS Parameters and Secrets Lambda extension (a local HTTP
 * endpoint beside the function, signed with the function's own credentials), so no Secrets
 * Manager client is bundled into every Lambda (13 KB of its cold start). The extension's own
 * cache is off (CDK, `infra/context-function.ts`): the reads and their timing are decided here.
 * Lazily on the first request, then cached. A request whose value the
 * cache does not accept makes the function read the secret again (at most once every
 * REFRESH_AFTER_MISS_MS, so calls straight to the API Gateway URL cannot turn into a stream
 * of Secrets Manager calls), and the cache is read again anyway when older than MAX_AGE_MS.
 * The current and pending versions are accepted, so a rotation works without a redeploy and
 * without refusing CloudFront while its edges pick up the new header; the previous version is
 * accepted for PREVIOUS_GRACE_MS after the current one was created, no longer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from './errors.ts';

/** The header CloudFront adds to origin requests for /api/*. */
export const ORIGIN_HEADER = 'X-Origin-Verify';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set when the request carried the origin secret, so it came through CloudFront. */
    cameThroughEdge: boolean;
  }
}

/** Whether a value of the origin header is one the edge may currently send. */
export type OriginSecret = { accepts: (presented: string) => Promise<boolean> };

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Constant-time comparison (hashing first makes the lengths equal). */
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** A fixed value: for tests, and for any deployment that injects the value itself. */
export function fixedOriginSecret(value: string): OriginSecret {
  if (!value) throw new Error('An origin secret must not be empty');
  return { accepts: async (presented) => same(presented, value) };
}

export const REFRESH_AFTER_MISS_MS = 10_000;
export const MAX_AGE_MS = 15 * 60_000;
/** Longer than CloudFront takes to deploy a changed origin header to every edge. */
export const PREVIOUS_GRACE_MS = 30 * 60_000;

type Versions = { current: string; currentSince: number; pending?: string; previous?: string };

export type VersionStage = 'AWSCURRENT' | 'AWSPENDING' | 'AWSPREVIOUS';
/** One version of the secret; `createdAt` in ms since the epoch. */
export type SecretVersion = { value: string; createdAt?: number };
/** Reads the version of the secret at a stage; undefined when no version has that stage. */
export type StageReader = (stage: VersionStage) => Promise<SecretVersion | undefined>;

/** Secrets Manager's JSON gives dates as seconds since the epoch. */
const createdAtOf = (date: unknown) =>
  typeof date === 'number' ? date * 1000 : typeof date === 'string' ? Date.parse(date) || undefined : undefined;

/**
 * Reads through the Parameters and Secrets Lambda extension (`GET /secretsmanager/get`, the
 * GetSecretValue answer as JSON), authenticated by the function's session token as the
 * extension requires. `endpoint` is for tests.
 */
export function extensionStageReader(
  secretId: string,
  env: Record<string, string | undefined> = process.env,
  endpoint = `http://localhost:${env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773'}`,
): StageReader {
  return async (stage) => {
    const url = `${endpoint}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}&versionStage=${stage}`;
    const response = await fetch(url, { headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' } });
    if (!response.ok) {
      // Only AWSCURRENT always exists; the others come and go with rotations. Any failure on
      // them reads as "none": the current value is still accepted, and a miss reads again.
      if (stage !== 'AWSCURRENT') return undefined;
      throw new Error(`Reading the origin secret failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
    }
    const body = (await response.json()) as { SecretString?: unknown; CreatedDate?: unknown };
    if (typeof body.SecretString !== 'string') return undefined;
    return { value: body.SecretString, createdAt: createdAtOf(body.CreatedDate) };
  };
}

export function secretsManagerOriginSecret(options: {
  secretId: string;
  readStage?: StageReader;
  now?: () => number;
}): OriginSecret {
  const readStage = options.readStage ?? extensionStageReader(options.secretId);
  const now = options.now ?? Date.now;
  let cached: { versions: Versions; readAt: number } | undefined;
  let reading: Promise<Versions> | undefined;

  const read = async (): Promise<Versions> => {
    const [current, pending, previous] = await Promise.all([
      readStage('AWSCURRENT'),
      readStage('AWSPENDING'),
      readStage('AWSPREVIOUS'),
    ]);
    if (!current) throw new Error(`The origin secret ${options.secretId} has no current value`);
    return {
      current: current.value,
      currentSince: current.createdAt ?? 0,
      pending: pending?.value,
      previous: previous?.value,
    };
  };
  /** One read at a time; a failed read keeps what was cached (and is retried after a miss). */
  const refresh = async () => {
    reading ??= read().finally(() => {
      reading = undefined;
    });
    const startedAt = now();
    try {
      cached = { versions: await reading, readAt: startedAt };
    } catch (error) {
      if (!cached) throw error;
      cached.readAt = startedAt;
    }
    return cached.versions;
  };
  const matches = (versions: Versions, presented: string) => {
    const previousValid = now() - versions.currentSince < PREVIOUS_GRACE_MS;
    const candidates = [versions.current, versions.pending, previousValid ? versions.previous : undefined];
    // Compare with every candidate, so the time taken does not tell which one matched.
    return candidates.map((value) => value !== undefined && same(presented, value)).some(Boolean);
  };

  return {
    accepts: async (presented) => {
      const versions = cached && now() - cached.readAt < MAX_AGE_MS ? cached.versions : await refresh();
      if (matches(versions, presented)) return true;
      if (cached && now() - cached.readAt < REFRESH_AFTER_MISS_MS) return false;
      return matches(await refresh(), presented);
    },
  };
}

/** The secret named by ORIGIN_SECRET_ARN (set by CDK), or none: then nothing is checked. */
export function originSecretFromEnv(env: Record<string, string | undefined> = process.env): OriginSecret | undefined {
  const secretId = env.ORIGIN_SECRET_ARN;
  return secretId ? secretsManagerOriginSecret({ secretId }) : undefined;
}

/** Refuses, before anything else runs, a request without an accepted origin header. */
export function requireOriginSecret(secret: OriginSecret): MiddlewareHandler {
  return async (c, next) => {
    const presented = c.req.header(ORIGIN_HEADER);
    if (!presented || !(await secret.accepts(presented))) {
      throw new ForbiddenError('This API is reached through the site only.');
    }
    c.set('cameThroughEdge', true);
    await next();
  };
}
