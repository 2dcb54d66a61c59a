/**
 * The API is reached only through CloudFront: CloudFront sends a secret header on every
 * /api/* request, and every app refuses a request without the right value (403). The value
 * lives in AWS Secrets Manager and is rotated by `functions/edge/rotate-origin-secret.ts`,
 * which also updates the header CloudFront sends.
 *
 * Reading the secret: lazily on the first request, then cached. A request whose value the
 * cache does not accept makes the function read the secret again (at most once every
 * REFRESH_AFTER_MISS_MS, so calls straight to the API Gateway URL cannot turn into a stream
 * of Secrets Manager calls), and the cache is read again anyway when older than MAX_AGE_MS.
 * The current and pending versions are accepted, so a rotation works without a redeploy and
 * without refusing CloudFront while its edges pick up the new header; the previous version is
 * accepted for PREVIOUS_GRACE_MS after the current one was created, no longer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
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

export function secretsManagerOriginSecret(options: {
  secretId: string;
  client?: SecretsManagerClient;
  now?: () => number;
}): OriginSecret {
  const client = options.client ?? new SecretsManagerClient({});
  const now = options.now ?? Date.now;
  let cached: { versions: Versions; readAt: number } | undefined;
  let reading: Promise<Versions> | undefined;

  const stage = async (VersionStage: string) => {
    try {
      return await client.send(new GetSecretValueCommand({ SecretId: options.secretId, VersionStage }));
    } catch (error) {
      // Only AWSCURRENT always exists; the others come and go with rotations.
      if (VersionStage !== 'AWSCURRENT' && (error as Error).name === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  };
  const read = async (): Promise<Versions> => {
    const [current, pending, previous] = await Promise.all([
      stage('AWSCURRENT'),
      stage('AWSPENDING'),
      stage('AWSPREVIOUS'),
    ]);
    if (!current?.SecretString) throw new Error(`The origin secret ${options.secretId} has no current value`);
    return {
      current: current.SecretString,
      currentSince: current.CreatedDate?.getTime() ?? 0,
      pending: pending?.SecretString,
      previous: previous?.SecretString,
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
