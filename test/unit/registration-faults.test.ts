/**
 * Faults DynamoDB Local never produces, injected with aws-sdk-client-mock at each step of a
 * sign-up: the client gets success or 503 with Retry-After, never a 500, and no transaction
 * is ever half applied (a TransactWrite is all or nothing, so a failed one wrote nothing).
 */
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { createRateLimiter } from '../../functions/core/rate-limit.ts';
import { RegistrationInput } from '../../functions/registrations/schemas.ts';
import { createEventsStore } from '../../functions/events/store.ts';
import { createRegistrationsApp } from '../../functions/registrations/app.ts';
import { createRegistrationsStore } from '../../functions/registrations/store.ts';
import { testIssuer } from '../support/tokens.ts';

const ddb = mockClient(DynamoDBDocumentClient);

const eventItems = [
  {
    PK: 'EVENT#e1',
    SK: 'EVENT',
    id: 'e1',
    name: { en: 'E' },
    startDate: '2027-06-08',
    endDate: '2027-06-09',
    timeZone: 'Europe/Lisbon',
    venue: { name: { en: 'V' }, address: 'A', city: 'C', country: 'PT' },
    status: 'published',
  },
  {
    PK: 'EVENT#e1',
    SK: 'CATEGORY#cat',
    id: 'cat',
    name: { en: 'Cat' },
    capacity: 10,
    waitlist: true,
    requiresApproval: false,
    taken: 3,
    waiting: 0,
    sortOrder: 0,
  },
];

const faults = {
  conflict: () =>
    Object.assign(new Error('Transaction cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
    }),
  throttled: () => Object.assign(new Error('Throughput exceeded'), { name: 'ProvisionedThroughputExceededException' }),
  serverError: () =>
    Object.assign(new Error('Internal'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }),
};

async function app() {
  const doc = createDocumentClient();
  return createRegistrationsApp({
    store: createRegistrationsStore(doc, 't'),
    events: createEventsStore(doc, 't'),
    limit: createRateLimiter(doc, 't'),
    verifyToken: (await testIssuer()).verifyToken,
    siteUrl: 'http://localhost',
    retentionDays: 30,
    now: () => new Date('2027-01-10T10:00:00Z'),
  });
}

const body = JSON.stringify({
  categoryId: 'cat',
  firstName: 'A',
  lastName: 'B',
  email: 'a@example.org',
  organisation: 'O',
  country: 'PT',
  consent: { privacy: true },
});
const post = async (a: Awaited<ReturnType<typeof app>>) =>
  a.request('/api/events/e1/registrations', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'fault-key-1' },
  });

// The app logs each dependency failure; the assertions here are on what the client sees.
const quiet = vi.spyOn(console, 'error');
beforeAll(() => quiet.mockImplementation(() => {}));
afterAll(() => quiet.mockRestore());

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: eventItems });
  ddb.on(TransactWriteCommand).resolves({});
});

describe('sign-up under injected DynamoDB faults', () => {
  it('succeeds with 201 when nothing fails', async () => {
    const response = await post(await app());
    expect(response.status).toBe(201);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  const steps = {
    idempotency: GetCommand,
    rateLimit: UpdateCommand,
    event: QueryCommand,
    transaction: TransactWriteCommand,
  } as const;

  it('answers 503 with Retry-After, never 500, for any fault at any step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(steps) as (keyof typeof steps)[])),
        fc.constantFrom(...(Object.keys(faults) as (keyof typeof faults)[])),
        async (step, fault) => {
          ddb.reset();
          ddb.on(GetCommand).resolves({});
          ddb.on(UpdateCommand).resolves({});
          ddb.on(QueryCommand).resolves({ Items: eventItems });
          ddb.on(TransactWriteCommand).resolves({});
          ddb.on(steps[step] as never).rejects(faults[fault]());
          const response = await post(await app());
          expect(response.status).toBe(503);
          expect(response.headers.get('retry-after')).toBe('1');
          // A failed transaction wrote nothing, and nothing else wrote registration data.
          const writes = ddb.commandCalls(TransactWriteCommand).length;
          expect(step === 'transaction' ? writes : 0).toBe(step === 'transaction' ? 1 : 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sign-up with invalid bodies', () => {
  const valid = JSON.parse(body) as Record<string, unknown>;
  const mutated = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.string(), fc.anything()),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid), 'extra'), value: fc.anything() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .constantFrom(...Object.keys(valid))
      .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
  );

  it('answers every one of 2,000 invalid bodies with a 4xx problem, never a 5xx', async () => {
    const a = await app();
    await fc.assert(
      fc.asyncProperty(mutated, async (candidate) => {
        // What the server receives is the JSON text, so judge validity on that.
        const text = JSON.stringify(candidate) ?? 'undefined';
        const received = text === 'undefined' ? undefined : (JSON.parse(text) as unknown);
        fc.pre(!RegistrationInput.safeParse(received).success);
        const response = await a.request('/api/events/e1/registrations', {
          method: 'POST',
          body: text,
          headers: { 'content-type': 'application/json', 'idempotency-key': 'fault-key-2' },
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }),
      { numRuns: 2000 },
    );
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  }, 120_000);

  it('answers malformed JSON with 400', async () => {
    const response = await (await app()).request('/api/events/e1/registrations', {
      method: 'POST',
      body: '{"categoryId": ',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'fault-key-3' },
    });
    expect(response.status).toBe(400);
  });
});
