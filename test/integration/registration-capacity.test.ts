/**
 * Exact capacity under load: 500 people press "register" at once for 10 seats, each client
 * retrying 3 times with its Idempotency-Key. A negative control runs the same code with the
 * seat guard removed from the transaction, to show this test can fail.
 */
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/core/dynamo.ts';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import {
  eventRegistrationsPk,
  holdsSeat,
  isWaiting,
  type StoredRegistration,
} from '../../functions/registrations/keys.ts';
import { endRegistration } from '../../functions/registrations/lifecycle.ts';
import { type RegistrationsApp, registrationDeps, registrationsApp, UNREACHED_LIMITS } from '../support/apps.ts';
import { testEvent } from '../support/events.ts';
import { freshTable } from './table.ts';

const CLIENTS = 500;
const SEATS = 10;
const RETRIES = 3;
// Test timeouts are bounds, not waits: the 2,000 sign-ups take about 1 min on a quiet 2-core
// machine, 2 min at load 10 and over 5 min at load 19 (900 s); the two smaller tests took up
// to 56 s at load 19 (300 s).

async function setup(doc: DocumentClient, tableName: string, eventId: string) {
  const events = createEventsStore(doc, tableName);
  await events.createEvent(testEvent(eventId));
  await createCategoryStore(doc, tableName).createCategory(
    eventId,
    { id: 'workshop', name: { en: 'Workshop' }, capacity: SEATS, waitlist: true, requiresApproval: false },
    0,
  );
  // Each client counts under its own address (the socket's, as locally), as 500 people would.
  const app = registrationsApp({ doc, tableName, limits: UNREACHED_LIMITS, clientAddress: 'socket' });
  return { app, categories: createCategoryStore(doc, tableName) };
}

function signUp(app: RegistrationsApp, eventId: string, n: number) {
  const body = JSON.stringify({
    categoryId: 'workshop',
    firstName: 'Person',
    lastName: 'Test',
    email: `person${n}@example.org`,
    organisation: 'Customs',
    country: 'BE',
    consent: { privacy: true },
  });
  const client = { incoming: { socket: { remoteAddress: `10.0.${Math.floor(n / 250)}.${n % 250}` } } };
  const send = () =>
    app.request(
      `/api/events/${eventId}/registrations`,
      {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'idempotency-key': `client-${n}-key` },
      },
      client,
    );
  // The first attempt and its retries race each other, as a flaky network would make them.
  return Promise.all(Array.from({ length: 1 + RETRIES }, send));
}

async function statuses(doc: DocumentClient, tableName: string, eventId: string) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'GSI1PK' },
        ExpressionAttributeValues: { ':pk': eventRegistrationsPk(eventId) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  // Unverified sign-ups hold a seat or a waiting place as firmly as verified ones.
  const regs = items as unknown as StoredRegistration[];
  const seated = regs.filter((r) => holdsSeat(r));
  const waiting = regs.filter((r) => isWaiting(r));
  return { total: items.length, seated: seated.length, waiting: waiting.length, items: regs };
}

describe('registration capacity on DynamoDB Local', () => {
  it(`confirms exactly ${SEATS} of ${CLIENTS} concurrent sign-ups (each retried ${RETRIES} times) and waitlists the rest`, async () => {
    const { doc, tableName } = await freshTable('capacity', { load: true });
    const { app, categories } = await setup(doc, tableName, 'load-test');

    const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, n) => signUp(app, 'load-test', n)));

    const codes = answers.flat().map((r) => r.status);
    expect(codes.filter((c) => c !== 201)).toEqual([]);
    // Every retry of one client got the same registration back.
    const ids = await Promise.all(
      answers.map(
        async (tries) =>
          new Set(await Promise.all(tries.map(async (r) => ((await r.clone().json()) as { id: string }).id))),
      ),
    );
    expect(ids.filter((set) => set.size !== 1)).toEqual([]);

    const result = await statuses(doc, tableName, 'load-test');
    expect({ total: result.total, seated: result.seated, waiting: result.waiting }).toEqual({
      total: CLIENTS,
      seated: SEATS,
      waiting: CLIENTS - SEATS,
    });
    expect(new Set(result.items.map((i) => i.status))).toEqual(new Set(['unverified']));
    const category = (await categories.listCategories('load-test'))[0]!;
    expect({ taken: category.taken, waiting: category.waiting }).toEqual({ taken: SEATS, waiting: CLIENTS - SEATS });
    const seqs = result.items.filter((i) => isWaiting(i)).map((i) => i.waitSeq);
    expect(new Set(seqs).size).toBe(CLIENTS - SEATS);
  }, 900_000);

  it('negative control: without the seat guard the same load oversells', async () => {
    const { doc, tableName } = await freshTable('unguarded', { load: true });
    // Remove the seat condition from every transaction, as a careless change would.
    const unguarded = {
      send: (command: unknown) => {
        if (command instanceof TransactWriteCommand) {
          const first = command.input.TransactItems?.[0]?.Update;
          if (first?.ConditionExpression === '#taken < #capacity') {
            delete first.ConditionExpression;
            delete first.ExpressionAttributeNames!['#capacity'];
          }
        }
        return doc.send(command as never);
      },
    } as unknown as DocumentClient;
    const { app } = await setup(unguarded, tableName, 'oversold');
    await Promise.all(Array.from({ length: 40 }, (_, n) => signUp(app, 'oversold', n)));
    const result = await statuses(doc, tableName, 'oversold');
    expect(result.seated).toBeGreaterThan(SEATS);
  }, 300_000);

  it('gives a cancelled seat to the first people waiting, in order, and never leaves it empty', async () => {
    const { doc, tableName } = await freshTable('promote', { load: true });
    const { app, categories } = await setup(doc, tableName, 'promote');
    for (let n = 0; n < SEATS + 5; n += 1) await signUp(app, 'promote', n);
    const before = await statuses(doc, tableName, 'promote');
    const seated = before.items.filter((i) => holdsSeat(i)).map((i) => String(i.id));
    const firstWaiting = before.items
      .filter((i) => isWaiting(i))
      .sort((a, b) => Number(a.waitSeq) - Number(b.waitSeq))
      .slice(0, 3)
      .map((i) => String(i.email));

    const deps = registrationDeps({ doc, tableName, now: () => new Date('2027-01-11T10:00:00Z') });
    await Promise.all(seated.slice(0, 3).map((id) => endRegistration(deps, id, 'cancelled', ['unverified'])));

    const after = await statuses(doc, tableName, 'promote');
    const promoted = after.items
      .filter((i) => holdsSeat(i) && firstWaiting.includes(String(i.email)))
      .map((i) => String(i.email));
    expect(promoted.sort()).toEqual([...firstWaiting].sort());
    expect({ seated: after.seated, waiting: after.waiting }).toEqual({ seated: SEATS, waiting: 2 });
    const category = (await categories.listCategories('promote'))[0]!;
    expect({ taken: category.taken, waiting: category.waiting }).toEqual({ taken: SEATS, waiting: 2 });
  }, 300_000);
});
