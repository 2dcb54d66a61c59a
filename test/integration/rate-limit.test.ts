import { beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../functions/core/errors.ts';
import { createRateLimiter } from '../../functions/core/rate-limit.ts';
import { freshTable } from './table.ts';

describe('rate limiter on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof freshTable>>;
  beforeAll(async () => {
    table = await freshTable('rate');
  });

  it('allows the limit per key and window, then answers with the seconds until the window resets', async () => {
    let now = Date.UTC(2027, 0, 1, 10, 0, 15);
    const consume = createRateLimiter(table.doc, table.tableName, () => now);
    const rule = { scope: 'test', limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i += 1) await consume(rule, 'person@example.org');
    const refused = await consume(rule, 'person@example.org').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(45);

    await expect(consume(rule, 'other@example.org')).resolves.toBeUndefined();
    now += 60_000;
    await expect(consume(rule, 'person@example.org')).resolves.toBeUndefined();
  });

  it('counts exactly under concurrency: 20 parallel calls against a limit of 7', async () => {
    const consume = createRateLimiter(table.doc, table.tableName, () => Date.UTC(2027, 0, 1, 11, 0, 0));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => consume({ scope: 'burst', limit: 7, windowSeconds: 60 }, 'client-1')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimitedError)).toHaveLength(13);
  });
});
