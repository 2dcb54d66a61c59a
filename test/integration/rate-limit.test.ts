import { beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../functions/core/errors.ts';
import { createRateLimiter } from '../../functions/core/rate-limit.ts';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { type RegistrationsApp, registrationsApp } from '../support/apps.ts';
import { testEvent } from '../support/events.ts';
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

describe('sign-up limits counted in the sign-up transaction, on DynamoDB Local', () => {
  const EVENT = 'limits';
  let app: RegistrationsApp;
  beforeAll(async () => {
    const { doc, tableName } = await freshTable('signup-limits');
    await createEventsStore(doc, tableName).createEvent(testEvent(EVENT));
    await createCategoryStore(doc, tableName).createCategory(
      EVENT,
      { id: 'open', name: { en: 'Open' }, capacity: 100, waitlist: false, requiresApproval: false },
      0,
    );
    app = registrationsApp({
      doc,
      tableName,
      limits: {
        perClient: { scope: 'limits-client', limit: 3, windowSeconds: 3600 },
        perEmail: { scope: 'limits-email', limit: 1, windowSeconds: 3600 },
      },
    });
  });
  const signUp = (key: string, email: string) =>
    app.request(`/api/events/${EVENT}/registrations`, {
      method: 'POST',
      body: JSON.stringify({
        categoryId: 'open',
        firstName: 'Ana',
        lastName: 'Silva',
        email,
        organisation: 'Customs',
        country: 'PT',
        consent: { privacy: true },
      }),
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
    });

  it('refuses the attempt after the limit with 429, and still answers a replay of a counted one', async () => {
    expect((await signUp('limits-1', 'a@example.org')).status).toBe(201);
    // A replay counts nothing: the client's three attempts are still two away.
    const replay = await signUp('limits-1', 'a@example.org');
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect((await signUp('limits-2', 'b@example.org')).status).toBe(201);
    // A duplicate takes no seat: it counts the client's limit on its own; the owner's
    // address already had its one mail this hour, so no notice is queued: 429.
    expect((await signUp('limits-3', 'a@example.org')).status).toBe(429);
    const refused = await signUp('limits-4', 'c@example.org');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const late = await signUp('limits-1', 'a@example.org');
    expect([late.status, late.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
  });
});
