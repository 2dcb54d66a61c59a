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
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rateWindowKey } from '../../functions/core/rate-limit.ts';
import { eventKey as eventKeyOf } from '../../functions/events/keys.ts';
import { categoryKey as categoryKeyOf, idemKey } from '../../functions/registrations/keys.ts';
import { RegistrationInput } from '../../functions/registrations/schemas.ts';
import { captureAppLog, type RegistrationsApp, registrationsApp } from '../support/apps.ts';
import { storedCategoryItem, storedEventItem } from '../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);

const eventKey = eventKeyOf('e1');
const categoryKey = categoryKeyOf('e1', 'cat');

const eventItems = [storedEventItem('e1'), storedCategoryItem('e1', 'cat', { capacity: 10, taken: 3 })];

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

const body = JSON.stringify({
  categoryId: 'cat',
  firstName: 'A',
  lastName: 'B',
  email: 'a@example.org',
  organisation: 'O',
  country: 'PT',
  consent: { privacy: true },
});
const post = (app: RegistrationsApp) =>
  app.request('/api/events/e1/registrations', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'fault-key-1' },
  });

function healthyTable() {
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: eventKey }).resolves({ Item: eventItems[0] });
  ddb.on(GetCommand, { Key: categoryKey }).resolves({ Item: eventItems[1] });
  ddb.on(UpdateCommand).resolves({});
  ddb.on(TransactWriteCommand).resolves({});
}

const commandNames = new Map<unknown, string>([
  [GetCommand, 'Get'],
  [UpdateCommand, 'Update'],
  [QueryCommand, 'Query'],
  [TransactWriteCommand, 'TransactWrite'],
]);
// Partition prefixes only (RATE#<scope> for counters): the rest holds hashes and random ids.
const prefix = (pk: string) => pk.split('#', pk.startsWith('RATE#') ? 2 : 1).join('#');

/** Every call the app made, in order: the command and the item (or partition) it addressed. */
function callLog(): string[] {
  return ddb.calls().map((call) => {
    const command = call.args[0] as { constructor: unknown; input: Record<string, unknown> };
    const name = commandNames.get(command.constructor) ?? 'Other';
    const { Key, ExpressionAttributeValues, TransactItems } = command.input as {
      Key?: { PK: string };
      ExpressionAttributeValues?: Record<string, string>;
      TransactItems?: unknown[];
    };
    if (Key && [eventKey.PK, categoryKey.PK].includes(Key.PK))
      return `${name} ${Key.PK} ${(Key as { SK?: string }).SK}`;
    if (Key) return `${name} ${prefix(Key.PK)}`;
    if (TransactItems) return `${name} of ${TransactItems.length} items`;
    return `${name} ${ExpressionAttributeValues?.[':pk']}`;
  });
}
const isWrite = (entry: string) => entry.startsWith('Update') || entry.startsWith('TransactWrite');

// The app logs each dependency failure; the assertions here are on what the client sees.
let appLog: ReturnType<typeof captureAppLog>;
beforeAll(() => {
  appLog = captureAppLog();
});
afterAll(() => appLog.restore());

beforeEach(healthyTable);

/**
 * What a sign-up sends to DynamoDB when nothing fails, in order; pairs go side by side.
 * (This app keeps nothing in memory; the Lambda reuses the event and category for seconds,
 * read-cache.ts, so a warm instance sends only the transaction.)
 */
const signUpCalls = [
  'Get EVENT#e1 EVENT', // the event (through the events context's reader)
  'Get CATEGORIES#e1 CATEGORY#cat', // the category, read beside the event
  // seat, registration, email lock, first response, check-in code, hold, mail and the
  // client's count: the first response's guard finds a replay, the email lock a duplicate
  // address, the count a client past its limit
  'TransactWrite of 8 items',
];

describe('sign-up under injected DynamoDB faults', () => {
  it('succeeds with 201 when nothing fails, in one 8-item transaction', async () => {
    const response = await post(registrationsApp());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventId: 'e1',
      categoryId: 'cat',
      firstName: 'A',
      lastName: 'B',
      email: 'a@example.org',
      organisation: 'O',
      country: 'PT',
      preferredLanguage: 'en',
      visaLetter: false,
      consent: { shareWithExhibitors: false },
      status: 'unverified',
      heldUntil: '2027-01-11T10:00:00.000Z',
      createdAt: '2027-01-10T10:00:00.000Z',
      updatedAt: '2027-01-10T10:00:00.000Z',
    });
    expect(callLog()).toEqual(signUpCalls);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(
      items.map((item) =>
        item.Update
          ? `Update ${item.Update.Key!.PK} ${String(item.Update.Key!.SK).replace(/^W#\d+$/, 'W#<window>')}`
          : `Put ${String(item.Put!.Item!.PK).split('#')[0]} ${String(item.Put!.Item!.SK).split('#')[0]}`,
      ),
    ).toEqual([
      'Update CATEGORIES#e1 CATEGORY#cat',
      'Put REG REG',
      'Put EMAIL LOCK',
      'Put IDEM IDEM',
      'Put CHECKIN CODE',
      'Put HOLDS 2027-01-11T10:00:00.000Z',
      'Put OUTBOX MAIL',
      `Update ${rateWindowKey('register-client', 'unknown', 0).PK} W#<window>`,
    ]);
  });

  /**
   * Where each fault strikes and what was already written when it did. The event and the
   * category are read side by side, so both go out before the fault comes back. Nothing is
   * written before the transaction, and the transaction, when the fault hits it, is all or
   * nothing, so it wrote nothing (not even the client's count).
   */
  const steps = {
    event: { command: GetCommand, input: { Key: eventKey }, calls: 2, writesBefore: 0 },
    category: { command: GetCommand, input: { Key: categoryKey }, calls: 2, writesBefore: 0 },
    transaction: { command: TransactWriteCommand, input: undefined, calls: 3, writesBefore: 0 },
  } as const;
  type Step = keyof typeof steps;
  type Fault = keyof typeof faults;
  const stepNames = Object.keys(steps) as Step[];
  const faultNames = Object.keys(faults) as Fault[];

  it('answers 503 with Retry-After, never 500, and writes nothing after any fault at any step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...stepNames), fc.constantFrom(...faultNames), async (step, fault) => {
        healthyTable();
        ddb.on(steps[step].command as never, steps[step].input as never).rejects(faults[fault]());
        const response = await post(registrationsApp());
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('1');
        const calls = callLog();
        expect(calls).toEqual(signUpCalls.slice(0, steps[step].calls));
        expect(calls.slice(0, -1).filter(isWrite)).toHaveLength(steps[step].writesBefore);
      }),
      {
        numRuns: 60,
        // Every step with every fault first (9 runs), then random repeats that would catch
        // state leaking from one run into the next.
        examples: stepNames.flatMap((step) => faultNames.map((fault): [Step, Fault] => [step, fault])),
        // One run takes milliseconds; these bound a cold, busy machine well inside the test timeout.
        plugins: [fc.timeout(10_000), fc.interruptAfterTimeLimit(30_000)],
      },
    );
  }, 60_000);

  /**
   * A sign-up in a closed category asks only whether it is a replay, then counts the client's
   * limit. It never asks whether the address is registered: the answer must not depend on it.
   */
  const closedCalls = [
    'Get EVENT#e1 EVENT',
    'Get CATEGORIES#e1 CATEGORY#cat',
    'Get IDEM', // a replay is answered whatever the category's state
    'Update RATE#register-client',
  ];
  const closedSteps = {
    idempotency: { command: GetCommand, input: { Key: idemKey('e1', 'fault-key-1') }, calls: 3 },
    rateLimit: { command: UpdateCommand, input: undefined, calls: 4 },
  } as const;
  const closedTable = () => {
    healthyTable();
    const closed = { ...eventItems[1], closesAt: '2027-01-01T00:00:00Z' };
    ddb.on(GetCommand, { Key: categoryKey }).resolves({ Item: closed });
  };

  it('answers a closed category with 409 after the replay check, and writes nothing', async () => {
    closedTable();
    const response = await post(registrationsApp());
    expect(response.status).toBe(409);
    expect(callLog()).toEqual(closedCalls);
  });

  it('answers 503 with Retry-After for every fault on the path of a sign-up that takes no seat', async () => {
    for (const step of Object.keys(closedSteps) as (keyof typeof closedSteps)[]) {
      for (const fault of faultNames) {
        closedTable();
        ddb.on(closedSteps[step].command as never, closedSteps[step].input as never).rejects(faults[fault]());
        const response = await post(registrationsApp());
        expect([step, fault, response.status, response.headers.get('retry-after')]).toEqual([step, fault, 503, '1']);
        expect(callLog()).toEqual(closedCalls.slice(0, closedSteps[step].calls));
        expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
      }
    }
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
    const app = registrationsApp();
    await fc.assert(
      fc.asyncProperty(mutated, async (candidate) => {
        // What the server receives is the JSON text, so judge validity on that.
        const text = JSON.stringify(candidate) ?? 'undefined';
        const received = text === 'undefined' ? undefined : (JSON.parse(text) as unknown);
        fc.pre(!RegistrationInput.safeParse(received).success);
        const response = await app.request('/api/events/e1/registrations', {
          method: 'POST',
          body: text,
          headers: { 'content-type': 'application/json', 'idempotency-key': 'fault-key-2' },
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }),
      {
        numRuns: 2000,
        // 2,000 runs take about a second warm; a busy machine gets 60 s before the runs stop
        // (counted a success only if none failed), well inside the test timeout.
        plugins: [fc.timeout(10_000), fc.interruptAfterTimeLimit(60_000)],
      },
    );
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  }, 120_000);

  it('answers malformed JSON with a 400 problem, before touching the table', async () => {
    const response = await registrationsApp().request('/api/events/e1/registrations', {
      method: 'POST',
      body: '{"categoryId": ',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'fault-key-3' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      type: '/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'Malformed JSON in request body',
    });
    expect(ddb.calls()).toHaveLength(0);
  });
});
