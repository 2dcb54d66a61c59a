/**
 * Who you are before what you sent: a caller who may not use a route learns nothing about
 * its request schema. For every route that needs a token, an invalid request (a body that
 * breaks the rules, malformed path parameters, query and headers) gets 401 when the caller
 * has no valid token and 403 when they are signed in but not allowed, never the field
 * errors of a 400 or 422. Allowed callers sending the same request get those errors, which
 * shows that each request really is invalid.
 */
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../functions/docs/openapi.ts';
import { localApi } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';

const ddb = mockClient(DynamoDBDocumentClient);

type Operation = { security?: Record<string, unknown>[]; requestBody?: unknown };
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Every route that needs a token, with the scheme it needs and whether it takes a body. */
const secured = Object.entries(buildOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const operation = (item as Record<string, Operation | undefined>)[method];
    const scheme = operation?.security?.[0] ? Object.keys(operation.security[0])[0] : undefined;
    return operation && scheme
      ? [{ route: `${method.toUpperCase()} ${path}`, method, path, scheme, body: Boolean(operation.requestBody) }]
      : [];
  }),
);

const callers = ['anonymous', 'garbled token', 'sponsor'] as const;
type Caller = (typeof callers)[number];

/** A sponsor member holds a valid access token but no role, and is a member of no sponsor here. */
const expectedFor = (route: string, scheme: string): Record<Caller, number> =>
  scheme === 'manageToken'
    ? { anonymous: 401, 'garbled token': 401, sponsor: 401 }
    : { anonymous: 401, 'garbled token': 401, sponsor: route === 'GET /api/me' ? 200 : 403 };

const validPath: Record<string, string> = {
  eventId: 'citce-2027',
  sponsorId: 'northwind-trade',
  categoryId: 'academia',
  memberId: 'nobody',
  registrationId: '0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b30',
};
const fill = (path: string, params: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params(name)));

type Attempt = { url: string; init: RequestInit & { headers: Record<string, string> } };

/** Valid path, query and headers, and a JSON body no schema accepts. */
const invalidBody = (path: string): Attempt => ({
  url: fill(path, (name) => validPath[name]!),
  init: {
    body: JSON.stringify({ unexpected: true }),
    headers: { 'content-type': 'application/json', 'if-match': '"1"' },
  },
});

/** Malformed path parameters, query and If-Match, and the invalid body where the route takes one. */
const invalidEverything = (path: string, body: boolean): Attempt => ({
  url: `${fill(path, () => 'NOT_VALID')}?limit=0&status=bogus&country=zz`,
  init: body
    ? {
        body: JSON.stringify({ unexpected: true }),
        headers: { 'content-type': 'application/json', 'if-match': 'not-an-etag' },
      }
    : { headers: { 'if-match': 'not-an-etag' } },
});

describe('who you are before what you sent', () => {
  let app: ReturnType<typeof localApi>;
  let as: Record<Caller | 'organiser' | 'attendee', Record<string, string>>;

  beforeAll(async () => {
    ddb.reset();
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(GetCommand).resolves({});
    const issuer = await testIssuer();
    app = localApi({ verifyToken: issuer.verifyToken });
    const bearer = async (sub: string, groups: string[] = []) => ({
      authorization: `Bearer ${await issuer.sign({ sub, email: `${sub}@example.org`, groups })}`,
    });
    as = {
      anonymous: {},
      'garbled token': { authorization: 'Bearer not-a-token' },
      sponsor: await bearer('sponsor-member'),
      organiser: await bearer('organiser', ['organisers']),
      // A well-formed manage token: it passes the shape check, then the request is validated.
      attendee: { authorization: `Bearer ${'k'.repeat(43)}` },
    };
  });
  afterAll(() => ddb.restore());

  const send = (method: string, { url, init }: Attempt, caller: keyof typeof as) =>
    app.request(url, { ...init, method: method.toUpperCase(), headers: { ...init.headers, ...as[caller] } });

  it('finds the routes that need a token, fifteen of them with a body', () => {
    expect(secured.filter((r) => r.body).map((r) => r.route)).toEqual([
      'PUT /api/registrations/{registrationId}/agenda',
      'POST /api/events/{eventId}/categories',
      'PATCH /api/events/{eventId}/categories/{categoryId}',
      'POST /api/events/{eventId}/check-in',
      'PATCH /api/registrations/{registrationId}',
      'PUT /api/sponsors/{sponsorId}/profile',
      'POST /api/sponsors/{sponsorId}/members',
      'POST /api/events/{eventId}/rooms',
      'PUT /api/events/{eventId}/rooms/{id}',
      'POST /api/events/{eventId}/tracks',
      'PUT /api/events/{eventId}/tracks/{id}',
      'POST /api/events/{eventId}/speakers',
      'PUT /api/events/{eventId}/speakers/{id}',
      'POST /api/events/{eventId}/sessions',
      'PUT /api/events/{eventId}/sessions/{id}',
    ]);
  });

  it('answers an invalid body with 401 or 403 before looking at it', async () => {
    const actual: Record<string, Record<string, number>> = {};
    const expected: Record<string, Record<string, number>> = {};
    for (const { route, method, path, scheme } of secured.filter((r) => r.body)) {
      expected[route] = { ...expectedFor(route, scheme), allowed: 422 };
      actual[route] = {};
      for (const caller of callers) actual[route][caller] = (await send(method, invalidBody(path), caller)).status;
      const allowed = scheme === 'manageToken' ? 'attendee' : 'organiser';
      actual[route].allowed = (await send(method, invalidBody(path), allowed)).status;
    }
    expect(actual).toEqual(expected);
  });

  it('answers malformed parameters, query and headers with 401 or 403 before looking at them', async () => {
    const actual: Record<string, Record<string, number>> = {};
    const expected: Record<string, Record<string, number>> = {};
    for (const { route, method, path, scheme, body } of secured.filter((r) => r.route !== 'GET /api/me')) {
      expected[route] = { ...expectedFor(route, scheme), allowed: 400 };
      actual[route] = {};
      for (const caller of callers) {
        actual[route][caller] = (await send(method, invalidEverything(path, body), caller)).status;
      }
      const allowed = scheme === 'manageToken' ? 'attendee' : 'organiser';
      actual[route].allowed = (await send(method, invalidEverything(path, body), allowed)).status;
    }
    expect(actual).toEqual(expected);
  });

  it('tells a sponsor only that it may not, not which fields are wrong', async () => {
    const response = await send('post', invalidBody('/api/events/{eventId}/categories'), 'sponsor');
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 403,
      body: {
        type: '/problems/forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'This needs the organiser role.',
      },
    });
  });

  it('tells an anonymous caller to sign in, with the challenge', async () => {
    const response = await send('put', invalidBody('/api/sponsors/{sponsorId}/profile'), 'anonymous');
    expect({
      status: response.status,
      challenge: response.headers.get('www-authenticate'),
      body: await response.json(),
    }).toEqual({
      status: 401,
      challenge: 'Bearer realm="conference"',
      body: {
        type: '/problems/unauthenticated',
        title: 'Unauthorized',
        status: 401,
        detail: 'Sign in: this resource needs a bearer access token.',
      },
    });
  });
});
