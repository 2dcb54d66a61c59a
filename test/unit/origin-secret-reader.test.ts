/**
 * How a Lambda reads the origin secret from Secrets Manager: once, then from its cache; again
 * when a request carries a value it does not know (so a rotation needs no redeploy), but not
 * more than once every few seconds, whatever callers send. The reads go through the Parameters
 * and Secrets Lambda extension: its HTTP contract is checked against a stand-in on 127.0.0.1.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  extensionStageReader,
  MAX_AGE_MS,
  PREVIOUS_GRACE_MS,
  REFRESH_AFTER_MISS_MS,
  type SecretVersion,
  secretsManagerOriginSecret,
  type VersionStage,
} from '../../functions/core/origin-secret.ts';

const T0 = Date.UTC(2027, 0, 10, 10, 0, 0);

/** The secret's versions by stage, as a rotation leaves them, and every read made. */
let stages: Partial<Record<VersionStage, SecretVersion>>;
let failure: Error | undefined;
let calls: VersionStage[];
function versions(given: { current: string; since?: number; pending?: string; previous?: string }) {
  failure = undefined;
  stages = {
    AWSCURRENT: { value: given.current, createdAt: given.since ?? T0 - 86_400_000 },
    ...(given.pending ? { AWSPENDING: { value: given.pending } } : {}),
    ...(given.previous ? { AWSPREVIOUS: { value: given.previous } } : {}),
  };
  calls = [];
}
const readStage = async (stage: VersionStage) => {
  calls.push(stage);
  if (failure) throw failure;
  return stages[stage];
};
const reads = () => calls.filter((stage) => stage === 'AWSCURRENT');

describe('origin secret from Secrets Manager', () => {
  let now: number;
  const reader = () => secretsManagerOriginSecret({ secretId: 'arn:secret', readStage, now: () => now });
  beforeEach(() => {
    now = T0;
    versions({ current: 'one' });
  });

  it('reads the secret on first use, then answers from its cache', async () => {
    const secret = reader();
    expect(await secret.accepts('one')).toBe(true);
    now += 60_000;
    expect(await secret.accepts('one')).toBe(true);
    expect(reads()).toHaveLength(1);
  });

  it('reads again when a value does not match, at most once per interval, so a rotation needs no redeploy', async () => {
    const secret = reader();
    expect(await secret.accepts('one')).toBe(true);
    versions({ current: 'two', since: T0, previous: 'one' });
    now += REFRESH_AFTER_MISS_MS - 1;
    // Too soon after the last read: refused without asking Secrets Manager.
    expect(await secret.accepts('two')).toBe(false);
    expect(await secret.accepts('forged')).toBe(false);
    expect(reads()).toHaveLength(0);
    now += 1;
    expect(await secret.accepts('two')).toBe(true);
    expect(reads()).toHaveLength(1);
    // A stream of wrong values costs one read per interval.
    for (let i = 0; i < 50; i += 1) expect(await secret.accepts(`forged-${i}`)).toBe(false);
    expect(reads()).toHaveLength(1);
  });

  it('accepts the pending value (CloudFront may send it before the rotation finishes)', async () => {
    versions({ current: 'one', pending: 'two' });
    const secret = reader();
    expect(await secret.accepts('two')).toBe(true);
    expect(await secret.accepts('one')).toBe(true);
  });

  it('accepts the previous value only while CloudFront may still send it', async () => {
    versions({ current: 'two', since: T0, previous: 'one' });
    const secret = reader();
    expect(await secret.accepts('one')).toBe(true);
    now = T0 + PREVIOUS_GRACE_MS;
    expect(await secret.accepts('one')).toBe(false);
    expect(await secret.accepts('two')).toBe(true);
  });

  it('reads again when its cache is old, and keeps the cache when a later read fails', async () => {
    const secret = reader();
    expect(await secret.accepts('one')).toBe(true);
    now += MAX_AGE_MS;
    failure = new Error('slow down');
    expect(await secret.accepts('one')).toBe(true);
    expect(reads()).toHaveLength(2);
  });

  it('fails (and does not accept anything) when the first read fails', async () => {
    failure = new Error('denied');
    await expect(reader().accepts('one')).rejects.toThrow('denied');
  });
});

describe('the Parameters and Secrets extension reader', () => {
  /** What the stand-in answers per stage: a status and a body. */
  const answers: Partial<Record<string, { status: number; body: unknown }>> = {};
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    seen.push(request);
    const stage = new URL(request.url ?? '/', 'http://x').searchParams.get('versionStage') ?? '';
    const answer = answers[stage] ?? { status: 400, body: { __type: 'ResourceNotFoundException' } };
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  let endpoint = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    for (const key of Object.keys(answers)) delete answers[key];
  });

  const reader = () =>
    extensionStageReader('arn:aws:secretsmanager:eu-west-1:1:secret:o/x', { AWS_SESSION_TOKEN: 'tok' }, endpoint);

  it('asks for the secret and stage with the session token, and reads the value and its date (seconds)', async () => {
    answers.AWSCURRENT = { status: 200, body: { SecretString: 'one', CreatedDate: 1_800_000_000.5, Name: 'o/x' } };
    expect(await reader()('AWSCURRENT')).toEqual({ value: 'one', createdAt: 1_800_000_000_500 });
    const url = new URL(seen[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/secretsmanager/get');
    expect(url.searchParams.get('secretId')).toBe('arn:aws:secretsmanager:eu-west-1:1:secret:o/x');
    expect(url.searchParams.get('versionStage')).toBe('AWSCURRENT');
    expect(seen[0]?.headers['x-aws-parameters-secrets-token']).toBe('tok');
  });

  it('reads a missing pending or previous version as none, whatever the error', async () => {
    answers.AWSPREVIOUS = { status: 500, body: { message: 'internal' } };
    expect(await reader()('AWSPENDING')).toBeUndefined();
    expect(await reader()('AWSPREVIOUS')).toBeUndefined();
  });

  it('fails when the current version cannot be read', async () => {
    answers.AWSCURRENT = { status: 400, body: { __type: 'AccessDeniedException' } };
    await expect(reader()('AWSCURRENT')).rejects.toThrow('Reading the origin secret failed: 400');
  });

  it('gives an ISO date as milliseconds too', async () => {
    answers.AWSCURRENT = { status: 200, body: { SecretString: 'one', CreatedDate: '2027-01-10T10:00:00Z' } };
    expect(await reader()('AWSCURRENT')).toEqual({ value: 'one', createdAt: T0 });
  });
});
