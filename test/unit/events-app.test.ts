import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../functions/core/cursor.ts';
import { categoryKey } from '../../functions/registrations/keys.ts';
import { captureAppLog, eventsApp, TEST_TABLE } from '../support/apps.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const now = new Date('2027-01-15T12:00:00Z');

const eventItem = (status: 'published' | 'draft' = 'published') => ({
  PK: 'EVENT#citce-2027',
  SK: 'EVENT',
  GSI1PK: 'EVENTS#published',
  GSI1SK: '2027-06-08#citce-2027',
  entity: 'event',
  id: 'citce-2027',
  name: { en: 'Customs IT Conference 2027', fr: 'Conférence TI douanières 2027' },
  startDate: '2027-06-08',
  endDate: '2027-06-10',
  timeZone: 'Europe/Lisbon',
  venue: { name: { en: 'Congress Centre' }, address: 'Praça 1', city: { en: 'Lisbon', fr: 'Lisbonne' }, country: 'PT' },
  status,
});

const categoryItem = (id: string, sortOrder: number, extra: Record<string, unknown>) => ({
  ...categoryKey('citce-2027', id),
  entity: 'category',
  id,
  name: { en: id },
  capacity: 10,
  waitlist: true,
  requiresApproval: false,
  taken: 0,
  sortOrder,
  ...extra,
});

const app = () => eventsApp({ now: () => now });

/** The event item (read by key) and its category items (queried by prefix). */
function storedEvent(event: Record<string, unknown> | undefined, categories: Record<string, unknown>[] = []) {
  ddb.on(GetCommand).resolves({ Item: event });
  ddb.on(QueryCommand).resolves({ Items: categories });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

beforeEach(() => ddb.reset());
afterEach(() => ddb.reset());

describe('events API', () => {
  it('answers the health check', async () => {
    const response = await app().request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lists published events from the published index, with an opaque cursor', async () => {
    const lastKey = {
      PK: 'EVENT#citce-2027',
      SK: 'EVENT',
      GSI1PK: 'EVENTS#published',
      GSI1SK: '2027-06-08#citce-2027',
    };
    ddb.on(QueryCommand).resolves({ Items: [eventItem()], LastEvaluatedKey: lastKey });

    const response = await app().request('/api/events?limit=1');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        {
          id: 'citce-2027',
          name: { en: 'Customs IT Conference 2027', fr: 'Conférence TI douanières 2027' },
          startDate: '2027-06-08',
          endDate: '2027-06-10',
          timeZone: 'Europe/Lisbon',
          venue: {
            name: { en: 'Congress Centre' },
            address: 'Praça 1',
            city: { en: 'Lisbon', fr: 'Lisbonne' },
            country: 'PT',
          },
        },
      ],
      nextCursor: encodeCursor(lastKey),
    });
    const input = ddb.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: TEST_TABLE,
      IndexName: 'GSI1',
      ExpressionAttributeValues: { ':pk': 'EVENTS#published' },
      Limit: 1,
    });
  });

  it('passes a cursor back to DynamoDB as the start key', async () => {
    const key = { GSI1PK: 'EVENTS#published', GSI1SK: '2027#x', PK: 'EVENT#x', SK: 'EVENT' };
    ddb.on(QueryCommand).resolves({ Items: [] });
    const response = await app().request(`/api/events?cursor=${encodeCursor(key)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input.ExclusiveStartKey).toEqual(key);
  });

  it('rejects a malformed limit or cursor with a 400 problem', async () => {
    const limit = await app().request('/api/events?limit=0');
    expect(limit.status).toBe(400);
    expect(await problemOf(limit)).toEqual({
      type: '/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'The request query is not valid.',
      errors: [{ path: 'limit', message: 'Too small: expected number to be >=1' }],
    });

    const cursor = await app().request('/api/events?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(await problemOf(cursor)).toEqual({
      type: '/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'The cursor is not one this API issued.',
    });
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('shows an event with live availability and whether each category is open now', async () => {
    storedEvent(eventItem(), [
      categoryItem('later', 1, { taken: 4, opensAt: '2027-02-01T00:00:00+00:00' }),
      categoryItem('full', 2, { taken: 12, closesAt: '2027-05-01T00:00:00+00:00' }),
      categoryItem('first', 0, { taken: 3 }),
    ]);
    const response = await app().request('/api/events/citce-2027');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { categories: Record<string, unknown>[]; status?: string };
    expect(body.status).toBeUndefined();
    expect(body.categories.map((c) => [c.id, c.available, c.open, c.state])).toEqual([
      ['first', 7, true, 'open'],
      ['later', 6, false, 'not-yet-open'],
      ['full', 0, true, 'waitlist'],
    ]);
    expect(body.categories[0]).toEqual({
      id: 'first',
      name: { en: 'first' },
      capacity: 10,
      waitlist: true,
      requiresApproval: false,
      available: 7,
      open: true,
      state: 'open',
    });
  });

  it('hides drafts and unknown events behind the same 404 problem', async () => {
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: eventItem('draft') })
      .resolvesOnce({});
    ddb.on(QueryCommand).resolves({ Items: [] });
    for (const expected of ['draft', 'missing']) {
      const response = await app().request('/api/events/citce-2027');
      expect(response.status, expected).toBe(404);
      expect(await problemOf(response)).toEqual({
        type: '/problems/not-found',
        title: 'Not Found',
        status: 404,
        detail: 'No published event citce-2027.',
      });
    }
  });

  it('rejects an event id that cannot exist with a 400 problem, without reading the table', async () => {
    const response = await app().request('/api/events/Not_An_Id');
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toEqual({
      type: '/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'The request param is not valid.',
      errors: [{ path: 'eventId', message: 'Use 1-64 lower-case letters, digits or dashes' }],
    });
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers an unknown path with a 404 problem and a wrong method with 405 and Allow', async () => {
    const missing = await app().request('/api/nothing');
    expect(missing.status).toBe(404);
    expect(await problemOf(missing)).toEqual({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No resource at /api/nothing.',
    });

    const wrongMethod = await app().request('/api/events', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    expect(await problemOf(wrongMethod)).toEqual({
      type: '/problems/method-not-allowed',
      title: 'Method Not Allowed',
      status: 405,
      detail: 'Use GET, HEAD on this resource.',
    });
  });

  it('refuses bodies over the limit with 413 before doing any work', async () => {
    const response = await app().request('/api/events', {
      method: 'POST',
      body: 'x'.repeat(70 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toEqual({
      type: '/problems/too-large',
      title: 'Content Too Large',
      status: 413,
      detail: 'Request bodies are limited to 65536 bytes.',
    });
    expect(ddb.calls()).toHaveLength(0);
  });

  it('maps an unexpected failure to a 500 problem without leaking the stack', async () => {
    ddb.on(QueryCommand).rejects(new Error('disk on fire at /var/task/index.mjs:1'));
    const log = captureAppLog();
    try {
      const response = await app().request('/api/events');
      expect(response.status).toBe(500);
      const text = await response.clone().text();
      expect(text).not.toContain('disk on fire');
      expect(text).not.toContain('index.mjs');
      expect(await problemOf(response)).toEqual({
        type: '/problems/internal',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Something went wrong on our side. It has been logged.',
      });
      expect(log.entries).toHaveLength(1);
      expect(log.entries[0]).toMatchObject({
        level: 'error',
        message: 'disk on fire at /var/task/index.mjs:1',
        path: '/api/events',
      });
    } finally {
      log.restore();
    }
  });

  it('maps DynamoDB throttling to 503 with Retry-After', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    ddb.on(GetCommand).rejects(throttled);
    ddb.on(QueryCommand).rejects(throttled);
    const log = captureAppLog();
    try {
      const response = await app().request('/api/events/citce-2027');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await problemOf(response)).toEqual({
        type: '/problems/unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'A service we depend on is busy; please retry shortly.',
      });
      expect(log.entries).toEqual([
        {
          level: 'warn',
          message: 'dependency unavailable',
          error: 'ThrottlingException',
          path: '/api/events/citce-2027',
        },
      ]);
    } finally {
      log.restore();
    }
  });
});

describe('caching of public reads', () => {
  it('sends an ETag and answers 304 when it still matches', async () => {
    storedEvent(eventItem(), [categoryItem('first', 0, {})]);
    const first = await app().request('/api/events/citce-2027');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=15');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);

    const again = await app().request('/api/events/citce-2027', { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
