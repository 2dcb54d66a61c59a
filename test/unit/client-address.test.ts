/**
 * The sign-up limit per client address counts the address nobody can forge: the socket's
 * peer locally, CloudFront's viewer address in AWS (and that only on requests that carry the
 * origin secret). X-Forwarded-For, which any client writes, is never the key.
 */

import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { categoryKey } from '../../functions/registrations/keys.ts';
import { registrationsApp } from '../support/apps.ts';
import { storedCategoryItem, storedEventItem } from '../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);

const event = storedEventItem('e1');
const category = storedCategoryItem('e1', 'cat', { capacity: 1000, taken: 0 });

type CounterUpdate = { Key: { PK: string; SK: string }; ExpressionAttributeValues: Record<string, number> };
const isCounter = (update: CounterUpdate | undefined): update is CounterUpdate =>
  update?.ExpressionAttributeValues[':limit'] !== undefined;

/**
 * A table whose rate counters count, as DynamoDB's conditional ADD does: alone (UpdateCommand)
 * or inside the sign-up's transaction, which is then cancelled as a whole.
 */
function tableWithCounters() {
  const counters = new Map<string, number>();
  const keyOf = (update: CounterUpdate) => `${update.Key.PK} ${update.Key.SK}`;
  const full = (update: CounterUpdate) =>
    (counters.get(keyOf(update)) ?? 0) >= update.ExpressionAttributeValues[':limit']!;
  const count = (update: CounterUpdate) => counters.set(keyOf(update), (counters.get(keyOf(update)) ?? 0) + 1);
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: { PK: 'EVENT#e1', SK: 'EVENT' } }).resolves({ Item: event });
  ddb.on(GetCommand, { Key: categoryKey('e1', 'cat') }).resolves({ Item: category });
  ddb.on(TransactWriteCommand).callsFake((input: { TransactItems: { Update?: CounterUpdate }[] }) => {
    const reasons = input.TransactItems.map((item) =>
      isCounter(item.Update) && full(item.Update) ? 'ConditionalCheckFailed' : 'None',
    );
    if (reasons.includes('ConditionalCheckFailed')) {
      throw Object.assign(new Error('Transaction cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: reasons.map((Code) => ({ Code })),
      });
    }
    for (const item of input.TransactItems) if (isCounter(item.Update)) count(item.Update);
    return {};
  });
  ddb.on(UpdateCommand).callsFake((input: CounterUpdate) => {
    if (full(input)) {
      throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    }
    count(input);
    return {};
  });
  return counters;
}

const signUp = (i: number, headers: Record<string, string>) => ({
  method: 'POST',
  body: JSON.stringify({
    categoryId: 'cat',
    firstName: 'A',
    lastName: 'B',
    email: `person-${i}@example.org`,
    organisation: 'O',
    country: 'PT',
    consent: { privacy: true },
  }),
  headers: { 'content-type': 'application/json', 'idempotency-key': `client-address-key-${i}`, ...headers },
});

/** `n` sign-ups, each claiming another address in X-Forwarded-For; the statuses, in order. */
async function signUps(
  app: ReturnType<typeof registrationsApp>,
  n: number,
  headers: (i: number) => Record<string, string>,
  env?: unknown,
) {
  const responses: Response[] = [];
  for (let i = 0; i < n; i += 1) {
    responses.push(
      await app.request(
        '/api/events/e1/registrations',
        signUp(i, { 'x-forwarded-for': `10.${i}.${i % 7}.${i % 5}`, ...headers(i) }),
        env,
      ),
    );
  }
  return responses;
}

const SECRET = 'Zr7sW1qkQ0nB4xYpL9cV3mTfH6aE2uJd';

describe('sign-ups per client address', () => {
  beforeEach(() => {
    tableWithCounters();
  });

  it('counts the socket address locally: the 21st of 40 sign-ups from one machine gets 429, whatever X-Forwarded-For says', async () => {
    const app = registrationsApp({ clientAddress: 'socket' });
    const socket = { incoming: { socket: { remoteAddress: '198.51.100.7' } } };
    const responses = await signUps(app, 40, () => ({}), socket);
    expect(responses.map((r) => r.status)).toEqual([...Array(20).fill(201), ...Array(20).fill(429)]);
    const refused = responses[20]!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });

  it('counts the viewer address CloudFront saw in AWS: the 21st of 40 sign-ups gets 429', async () => {
    const app = registrationsApp({ originSecret: SECRET, clientAddress: 'cloudfront-viewer-address' });
    const responses = await signUps(app, 40, (i) => ({
      'x-origin-verify': SECRET,
      // One machine, a new source port each time.
      'cloudfront-viewer-address': `203.0.113.9:${40_000 + i}`,
    }));
    expect(responses.map((r) => r.status)).toEqual([...Array(20).fill(201), ...Array(20).fill(429)]);
    expect(Number(responses[20]!.headers.get('retry-after'))).toBeGreaterThan(0);

    // Another viewer has a count of its own.
    const other = await app.request(
      '/api/events/e1/registrations',
      signUp(100, { 'x-origin-verify': SECRET, 'cloudfront-viewer-address': '192.0.2.44:51000' }),
    );
    expect(other.status).toBe(201);
  });

  it('does not trust a CloudFront-Viewer-Address that did not come with the origin secret', async () => {
    // No secret configured: nothing proves the header came from CloudFront, so forged
    // viewer addresses share one count instead of opening new ones.
    const app = registrationsApp({ clientAddress: 'cloudfront-viewer-address' });
    const responses = await signUps(app, 25, (i) => ({ 'cloudfront-viewer-address': `203.0.113.${i}:443` }));
    expect(responses.map((r) => r.status)).toEqual([...Array(20).fill(201), ...Array(5).fill(429)]);
  });
});
