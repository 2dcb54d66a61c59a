/**
 * How a Lambda reads the origin secret from Secrets Manager: once, then from its cache; again
 * when a request carries a value it does not know (so a rotation needs no redeploy), but not
 * more than once every few seconds, whatever callers send.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_AGE_MS,
  PREVIOUS_GRACE_MS,
  REFRESH_AFTER_MISS_MS,
  secretsManagerOriginSecret,
} from '../../functions/core/origin-secret.ts';

const sm = mockClient(SecretsManagerClient);
const notFound = () => Object.assign(new Error('no such version'), { name: 'ResourceNotFoundException' });
const T0 = Date.UTC(2027, 0, 10, 10, 0, 0);

/** The secret's versions by stage, as a rotation leaves them. */
function versions(stages: { current: string; since?: number; pending?: string; previous?: string }) {
  sm.reset();
  sm.on(GetSecretValueCommand, { VersionStage: 'AWSCURRENT' }).resolves({
    SecretString: stages.current,
    CreatedDate: new Date(stages.since ?? T0 - 86_400_000),
  });
  for (const [stage, value] of [
    ['AWSPENDING', stages.pending],
    ['AWSPREVIOUS', stages.previous],
  ] as const) {
    if (value) sm.on(GetSecretValueCommand, { VersionStage: stage }).resolves({ SecretString: value });
    else sm.on(GetSecretValueCommand, { VersionStage: stage }).rejects(notFound());
  }
}
const reads = () => sm.commandCalls(GetSecretValueCommand).filter((c) => c.args[0].input.VersionStage === 'AWSCURRENT');

describe('origin secret from Secrets Manager', () => {
  let now: number;
  const reader = () =>
    secretsManagerOriginSecret({ secretId: 'arn:secret', client: new SecretsManagerClient({}), now: () => now });
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
    expect(sm.commandCalls(GetSecretValueCommand)[0]?.args[0].input.SecretId).toBe('arn:secret');
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
    sm.reset();
    sm.on(GetSecretValueCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    expect(await secret.accepts('one')).toBe(true);
    expect(sm.commandCalls(GetSecretValueCommand).length).toBeGreaterThan(0);
  });

  it('fails (and does not accept anything) when the first read fails', async () => {
    sm.reset();
    sm.on(GetSecretValueCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(reader().accepts('one')).rejects.toThrow('denied');
  });
});
