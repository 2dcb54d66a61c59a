/**
 * Every route of the OpenAPI document against every kind of caller, with the expected
 * status written down once. A route missing from the table fails the test.
 */

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../functions/docs/openapi.ts';
import { seededAccounts } from '../../local/accounts.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { agendaRows, prepareAgenda } from '../support/agenda-matrix.ts';
import { localApi, UNREACHED_LIMITS } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const principals = ['anonymous', 'attendee', 'staff', 'sponsorA', 'sponsorB', 'organiser'] as const;
type Principal = (typeof principals)[number];
type Row = [number, number, number, number, number, number];

const everyone200: Row = [200, 200, 200, 200, 200, 200];
const sponsorAOrOrganiser = (ok: number): Row => [401, 401, 403, ok, 403, ok];
const organiserOnly = (ok: number): Row => [401, 401, 403, 403, 403, ok];

// sponsorId is sponsor A's (northwind-trade) in every row.
const expected: Record<string, Row> = {
  'GET /api/health': everyone200,
  'GET /api/events': everyone200,
  'GET /api/events/{eventId}': everyone200,
  'GET /api/events/{eventId}/sponsors': everyone200,
  'GET /api/me': [401, 401, 200, 200, 200, 200],
  'POST /api/events/{eventId}/registrations': [201, 201, 201, 201, 201, 201],
  'GET /api/registrations/{registrationId}': [401, 200, 401, 401, 401, 401],
  'PATCH /api/registrations/{registrationId}': [401, 200, 401, 401, 401, 401],
  'DELETE /api/registrations/{registrationId}': [401, 200, 401, 401, 401, 401],
  'POST /api/registrations/{registrationId}/erase': [401, 204, 401, 401, 401, 401],
  'GET /api/registrations/{registrationId}/export': [401, 200, 401, 401, 401, 401],
  'POST /api/events/{eventId}/registrations/{registrationId}/approve': organiserOnly(200),
  'GET /api/events/{eventId}/registrations': organiserOnly(200),
  'GET /api/events/{eventId}/registrations/stats': organiserOnly(200),
  'GET /api/events/{eventId}/registrations.csv': organiserOnly(200),
  'POST /api/registrations/{registrationId}/verify': [401, 200, 401, 401, 401, 401],
  'POST /api/events/{eventId}/registrations/{registrationId}/check-in': [401, 401, 200, 403, 403, 200],
  'POST /api/events/{eventId}/check-in': [401, 401, 200, 403, 403, 200],
  'POST /api/events/{eventId}/registrations/{registrationId}/cancel': organiserOnly(200),
  'POST /api/events/{eventId}/categories': organiserOnly(201),
  'PATCH /api/events/{eventId}/categories/{categoryId}': organiserOnly(200),
  'POST /api/events/{eventId}/registrations/{registrationId}/reject': organiserOnly(200),
  'GET /api/sponsors/{sponsorId}/profile': sponsorAOrOrganiser(200),
  'PUT /api/sponsors/{sponsorId}/profile': sponsorAOrOrganiser(200),
  'POST /api/sponsors/{sponsorId}/profile/submit': sponsorAOrOrganiser(200),
  'GET /api/sponsors/{sponsorId}/members': sponsorAOrOrganiser(200),
  'POST /api/sponsors/{sponsorId}/members': organiserOnly(201),
  'DELETE /api/sponsors/{sponsorId}/members/{memberId}': organiserOnly(204),
  ...agendaRows,
};

const registration = (email: string, categoryId: string) => ({
  categoryId,
  firstName: 'Ana',
  lastName: 'Silva',
  email,
  organisation: 'Customs',
  country: 'PT',
  consent: { privacy: true },
});

const sub = (email: string) => seededAccounts.find((a) => a.email === email)!.sub;

describe('authorization matrix', () => {
  let app: ReturnType<typeof localApi>;
  const headers: Record<Principal, Record<string, string>> = {} as never;
  let invited = 0;
  let attendeeRegistration = '';
  let post: (body: object, key: string) => Promise<Response>;
  let verified: (email: string, categoryId: string) => Promise<{ id: string; checkInCode: string }>;

  beforeAll(async () => {
    const { doc, tableName } = await freshTable('matrix');
    await seedDemoConference(doc, tableName);
    const issuer = await testIssuer();
    app = localApi({ doc, tableName, verifyToken: issuer.verifyToken, limits: UNREACHED_LIMITS });
    const bearer = async (email: string, groups: string[] = []) => ({
      authorization: `Bearer ${await issuer.sign({ sub: sub(email), email, groups })}`,
    });
    headers.anonymous = {};
    post = async (body, key) =>
      app.request('/api/events/citce-2027/registrations', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      });
    /** Signs up and opens the mailed link, as the attendee would. */
    verified = async (email, categoryId) => {
      invited += 1;
      const answer = await post(registration(email, categoryId), `verified-key-${invited}`);
      const { id } = (await answer.json()) as { id: string };
      const { Items } = await doc.send(new ScanCommand({ TableName: tableName }));
      const mail = Items!.find((i) => i.entity === 'outbox' && i.to === email)!;
      const token = /token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(String(mail.text))![1]!;
      const auth = { authorization: `Bearer ${token}` };
      await app.request(`/api/registrations/${id}/verify`, { method: 'POST', headers: auth });
      const view = (await (await app.request(`/api/registrations/${id}`, { headers: auth })).json()) as {
        checkInCode: string;
      };
      return { id, checkInCode: view.checkInCode };
    };
    const created = await post(registration('attendee@example.org', 'private-sector'), 'attendee-key-1');
    attendeeRegistration = ((await created.json()) as { id: string }).id;
    const { Items } = await doc.send(new ScanCommand({ TableName: tableName }));
    const confirmation = Items!.find((i) => i.entity === 'outbox' && i.to === 'attendee@example.org')!;
    const token = /token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(String(confirmation.text))![1]!;
    headers.attendee = { authorization: `Bearer ${token}` };
    headers.staff = await bearer('staff@example.org', ['staff']);
    headers.sponsorA = await bearer('sponsor-a@example.org');
    headers.sponsorB = await bearer('sponsor-b@example.org');
    headers.organiser = await bearer('organiser@example.org', ['organisers']);
  });

  async function currentVersion(): Promise<string> {
    const response = await app.request('/api/sponsors/northwind-trade/profile', { headers: headers.organiser });
    return response.headers.get('etag')!;
  }

  /** Puts the data in the state an allowed call needs, so each cell is independent. */
  async function prepare(route: string): Promise<{ path: Record<string, string>; init: RequestInit }> {
    const path = {
      eventId: 'citce-2027',
      sponsorId: 'northwind-trade',
      memberId: 'nobody',
      registrationId: attendeeRegistration,
    };
    const profile = {
      description: { en: 'Customs platforms' },
      contacts: [{ name: 'Ana', email: 'ana@northwind.example.com' }],
      products: [],
    };
    switch (route) {
      case 'PUT /api/sponsors/{sponsorId}/profile':
        return {
          path,
          init: {
            body: JSON.stringify(profile),
            headers: { 'content-type': 'application/json', 'if-match': await currentVersion() },
          },
        };
      case 'POST /api/sponsors/{sponsorId}/profile/submit': {
        const draft = await app.request('/api/sponsors/northwind-trade/profile', {
          method: 'PUT',
          body: JSON.stringify(profile),
          headers: { ...headers.organiser, 'content-type': 'application/json', 'if-match': await currentVersion() },
        });
        return { path, init: { headers: { 'if-match': draft.headers.get('etag')! } } };
      }
      case 'POST /api/sponsors/{sponsorId}/members':
        invited += 1;
        return {
          path,
          init: {
            body: JSON.stringify({ email: `person${invited}@northwind.example.com` }),
            headers: { 'content-type': 'application/json' },
          },
        };
      case 'DELETE /api/sponsors/{sponsorId}/members/{memberId}': {
        invited += 1;
        const created = await app.request('/api/sponsors/northwind-trade/members', {
          method: 'POST',
          body: JSON.stringify({ email: `leaver${invited}@northwind.example.com` }),
          headers: { ...headers.organiser, 'content-type': 'application/json' },
        });
        return { path: { ...path, memberId: ((await created.json()) as { memberId: string }).memberId }, init: {} };
      }
      case 'POST /api/events/{eventId}/registrations':
        invited += 1;
        return {
          path,
          init: {
            body: JSON.stringify(registration(`delegate${invited}@customs.example.org`, 'private-sector')),
            headers: { 'content-type': 'application/json', 'idempotency-key': `matrix-key-${invited}` },
          },
        };
      case 'PATCH /api/registrations/{registrationId}':
        return {
          path,
          init: {
            body: JSON.stringify({ jobTitle: 'Director', dietaryNeeds: 'Vegetarian' }),
            headers: { 'content-type': 'application/json' },
          },
        };
      case 'POST /api/events/{eventId}/registrations/{registrationId}/check-in':
      case 'POST /api/events/{eventId}/registrations/{registrationId}/cancel': {
        invited += 1;
        const arrival = await verified(`arrival${invited}@customs.example.org`, 'private-sector');
        return { path: { ...path, registrationId: arrival.id }, init: {} };
      }
      case 'POST /api/events/{eventId}/check-in': {
        invited += 1;
        const arrival = await verified(`desk${invited}@customs.example.org`, 'private-sector');
        return {
          path,
          init: {
            body: JSON.stringify({ code: arrival.checkInCode.toLowerCase() }),
            headers: { 'content-type': 'application/json' },
          },
        };
      }
      case 'POST /api/events/{eventId}/categories':
        invited += 1;
        return {
          path,
          init: {
            body: JSON.stringify({
              id: `side-event-${invited}`,
              name: { en: 'Side event' },
              capacity: 20,
              waitlist: true,
              requiresApproval: false,
            }),
            headers: { 'content-type': 'application/json' },
          },
        };
      case 'PATCH /api/events/{eventId}/categories/{categoryId}':
        return {
          path: { ...path, categoryId: 'academia' },
          init: { body: JSON.stringify({ fee: { en: 'EUR 120' } }), headers: { 'content-type': 'application/json' } },
        };
      case 'POST /api/events/{eventId}/registrations/{registrationId}/approve':
      case 'POST /api/events/{eventId}/registrations/{registrationId}/reject': {
        invited += 1;
        const pending = await verified(`pending${invited}@customs.example.org`, 'customs-government');
        return { path: { ...path, registrationId: pending.id }, init: {} };
      }
      default:
        return (
          (await prepareAgenda((p, init) => app.request(p, init), headers.organiser, route, path)) ?? { path, init: {} }
        );
    }
  }

  const routes = Object.entries(buildOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
    (['get', 'put', 'post', 'patch', 'delete'] as const)
      .filter((m) => (item as Record<string, unknown>)[m])
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

  it('has a row for every route of the OpenAPI document, and no row without a route', () => {
    expect(routes.filter((r) => !(r in expected))).toEqual([]);
    expect(Object.keys(expected).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it(`gives each of ${Object.keys(expected).length} routes × ${principals.length} callers the expected status`, async () => {
    const actual: Record<string, number[]> = {};
    for (const route of routes) {
      actual[route] = [];
      for (const principal of principals) {
        const [method, template] = route.split(' ') as [string, string];
        const { path, init } = await prepare(route);
        const url = template.replace(/\{(\w+)\}/g, (_, name: string) => path[name]!);
        const response = await app.request(url, {
          ...init,
          method,
          headers: { ...(init.headers as Record<string, string>), ...headers[principal] },
        });
        actual[route].push(response.status);
      }
    }
    expect(actual).toEqual(expected);
  });

  it("lets sponsor B work on its own profile but leaves sponsor A's untouched by B", async () => {
    const before = await (
      await app.request('/api/sponsors/northwind-trade/profile', { headers: headers.sponsorA })
    ).json();
    const own = await app.request('/api/sponsors/borealis-scanning/profile', { headers: headers.sponsorB });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { sponsorId: string }).sponsorId).toBe('borealis-scanning');
    const attempt = await app.request('/api/sponsors/northwind-trade/profile', {
      method: 'PUT',
      body: JSON.stringify({ description: { en: 'Hijacked' }, contacts: [], products: [] }),
      headers: { ...headers.sponsorB, 'content-type': 'application/json', 'if-match': await currentVersion() },
    });
    expect(attempt.status).toBe(403);
    expect(await attempt.json()).toEqual({
      type: '/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'You are not a member of this sponsor.',
    });
    expect(
      await (await app.request('/api/sponsors/northwind-trade/profile', { headers: headers.sponsorA })).json(),
    ).toEqual(before);
  });
});
