/**
 * Registration as an attacker would try it: someone else's address, enumeration, forged
 * cursors, partial changes that reset other fields, a check-in desk that shows too much.
 * Every request goes through the registrations app on DynamoDB Local.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/core/dynamo.ts';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { expireHolds } from '../../functions/registrations/holds.ts';
import { DUPLICATE_DETAIL } from '../../functions/registrations/register.ts';
import {
  eventsApp,
  type RegistrationsApp,
  registrationDeps,
  registrationsApp,
  UNREACHED_LIMITS,
} from '../support/apps.ts';
import { testEvent } from '../support/events.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const EVENT = 'hardening';
let doc: DocumentClient;
let tableName: string;
let app: RegistrationsApp;
let clock: Date;
let organiser: Record<string, string>;
let staff: Record<string, string>;
let keyCount = 0;

type Json = Record<string, unknown>;

const person = (email: string, categoryId: string, extra: Json = {}) => ({
  categoryId,
  firstName: 'Ana',
  lastName: 'Silva',
  email,
  organisation: 'Portuguese Customs',
  country: 'PT',
  consent: { privacy: true },
  ...extra,
});

async function signUp(body: Json, headers: Record<string, string> = {}, using: RegistrationsApp = app) {
  keyCount += 1;
  const response = await using.request(`/api/events/${EVENT}/registrations`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'idempotency-key': `hardening-${keyCount}`, ...headers },
  });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const items = async () => (await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
const mailsTo = async (email: string) =>
  (await items()).filter((i) => i.entity === 'outbox' && i.to === email).map((i) => String(i.text));

/** The manage link's id and token, from the newest mail to an address. */
async function manageLink(email: string) {
  const texts = await mailsTo(email);
  const match = texts
    .map((t) => /registration\/#token=([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})/.exec(t))
    .filter(Boolean)
    .at(-1);
  if (!match) throw new Error(`no manage link mailed to ${email}: ${texts.join(' | ')}`);
  return { id: match[1] as string, auth: { authorization: `Bearer ${match[2]}` } };
}

const asAttendee = (path: string, auth: Record<string, string>, init: RequestInit = {}) =>
  app.request(path, { ...init, headers: { 'content-type': 'application/json', ...auth, ...init.headers } });

beforeAll(async () => {
  ({ doc, tableName } = await freshTable('hardening'));
  await createEventsStore(doc, tableName).createEvent(testEvent(EVENT));
  const categories = createCategoryStore(doc, tableName);
  const category = (id: string, capacity: number, extra: Json = {}) => ({
    id,
    name: { en: id },
    capacity,
    waitlist: true,
    requiresApproval: false,
    ...extra,
  });
  await categories.createCategory(EVENT, category('open', 50), 0);
  await categories.createCategory(EVENT, category('tiny', 1, { holdHours: 2 }), 1);
  await categories.createCategory(EVENT, category('vip', 1, { waitlist: false }), 2);
  await categories.createCategory(EVENT, category('gov', 5, { requiresApproval: true }), 3);
  await categories.createCategory(EVENT, category('closed', 5, { closesAt: '2027-01-01T00:00:00Z' }), 4);
  const issuer = await testIssuer();
  clock = new Date('2027-01-10T10:00:00Z');
  app = registrationsApp({ doc, tableName, verifyToken: issuer.verifyToken, now: () => clock });
  organiser = { authorization: `Bearer ${await issuer.sign({ sub: 'org', groups: ['organisers'] })}` };
  staff = { authorization: `Bearer ${await issuer.sign({ sub: 'desk', groups: ['staff'] })}` };
});

describe('nobody can take seats in someone else’s name', () => {
  it('holds the seat as unverified until the mailed link is opened, then confirms', async () => {
    const answer = await signUp(person('victim@example.org', 'open'));
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('unverified');
    expect(answer.body.checkInCode).toBeUndefined();
    expect(answer.headers.get('location')).toBe(`/api/registrations/${answer.body.id}`);

    const available = async () => {
      const detail = (await (await eventsApp({ doc, tableName }).request(`/api/events/${EVENT}`)).json()) as {
        categories: { id: string; available: number }[];
      };
      return detail.categories.find((c) => c.id === 'open')?.available;
    };
    expect(await available()).toBe(49);

    const { id, auth } = await manageLink('victim@example.org');
    expect(id).toBe(answer.body.id);
    const verified = await asAttendee(`/api/registrations/${id}/verify`, auth, { method: 'POST' });
    expect([verified.status, ((await verified.json()) as Json).status]).toEqual([200, 'confirmed']);
    const again = await asAttendee(`/api/registrations/${id}/verify`, auth, { method: 'POST' });
    expect([again.status, ((await again.json()) as Json).status]).toEqual([200, 'confirmed']);
    expect(await available()).toBe(49);

    const view = (await (await asAttendee(`/api/registrations/${id}`, auth)).json()) as Json;
    expect(view.checkInCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(view.checkInCode).not.toContain(id);
    const mails = await mailsTo('victim@example.org');
    expect(mails.filter((t) => t.includes(String(view.checkInCode)))).toHaveLength(1);
    expect(mails.filter((t) => t.includes(id) && !t.includes('#token='))).toEqual([]);
  });

  it('verifies into pending where organisers approve', async () => {
    const answer = await signUp(person('delegate@example.org', 'gov'));
    const { id, auth } = await manageLink('delegate@example.org');
    const verified = await asAttendee(`/api/registrations/${id}/verify`, auth, { method: 'POST' });
    expect([answer.body.status, ((await verified.json()) as Json).status]).toEqual(['unverified', 'pending']);
  });

  it('lets an unverified hold expire after the category’s hold time and hands the seat on', async () => {
    const holder = await signUp(person('holder@example.org', 'tiny'));
    const waiter = await signUp(person('waiter@example.org', 'tiny'));
    expect([holder.body.status, waiter.body.status]).toEqual(['unverified', 'unverified']);
    const waiterLink = await manageLink('waiter@example.org');
    await asAttendee(`/api/registrations/${waiterLink.id}/verify`, waiterLink.auth, { method: 'POST' });

    const deps = registrationDeps({ doc, tableName, now: () => clock });
    clock = new Date('2027-01-10T11:59:00Z');
    expect(await expireHolds(deps)).toBe(0);
    clock = new Date('2027-01-10T12:00:01Z');
    expect(await expireHolds(deps)).toBe(1);
    clock = new Date('2027-01-10T10:00:00Z');

    const statusOf = async (email: string) => (await items()).find((i) => i.SK === 'REG' && i.email === email)?.status;
    expect([await statusOf('holder@example.org'), await statusOf('waiter@example.org')]).toEqual([
      'expired',
      'confirmed',
    ]);
    const category = (await createCategoryStore(doc, tableName).listCategories(EVENT)).find((c) => c.id === 'tiny');
    expect([category?.taken, category?.waiting]).toEqual([1, 0]);
  });
});

describe('no enumeration', () => {
  // Every sign-up in this file comes from one client: these probes get limits of their own.
  const probe = (email: string, categoryId: string) =>
    signUp(
      person(email, categoryId),
      {},
      registrationsApp({ doc, tableName, now: () => clock, limits: UNREACHED_LIMITS }),
    );

  it('answers a full or a closed category the same whether or not the address is registered, and mails no one', async () => {
    await probe('owner@example.org', 'vip');
    const answers: Record<string, unknown> = {};
    for (const categoryId of ['vip', 'closed']) {
      const registered = await probe('owner@example.org', categoryId);
      const unknown = await probe('stranger@example.org', categoryId);
      answers[categoryId] = [registered.status, registered.body, unknown.status, unknown.body];
    }
    const conflict = (detail: string) => ({ type: '/problems/conflict', title: 'Conflict', status: 409, detail });
    const full = conflict('This category is full and has no waiting list.');
    const closed = conflict('Registration in this category is not open now.');
    expect(answers).toEqual({ vip: [409, full, 409, full], closed: [409, closed, 409, closed] });
    expect((await mailsTo('owner@example.org')).filter((t) => t.includes('tried to register'))).toEqual([]);
    expect(await mailsTo('stranger@example.org')).toEqual([]);
  });

  it('answers a duplicate in an open category with a neutral 409, and tells the owner with a fresh link', async () => {
    await probe('owner2@example.org', 'open');
    const again = await probe('owner2@example.org', 'open');
    expect([again.status, again.body]).toEqual([
      409,
      { type: '/problems/conflict', title: 'Conflict', status: 409, detail: DUPLICATE_DETAIL },
    ]);
    const notices = (await mailsTo('owner2@example.org')).filter((t) => t.includes('tried to register'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/#token=/);
  });

  it('counts only sign-ups that queue a mail towards the per-email limit', async () => {
    for (let i = 0; i < 6; i += 1) {
      expect((await signUp(person('typo@example.org', 'no-such-category'))).status).toBe(422);
    }
    expect((await signUp(person('typo@example.org', 'open'))).status).toBe(201);
  });
});

describe('the client’s limit, counted in the sign-up’s own transaction', () => {
  const limits = {
    perClient: { scope: 'hardening-client', limit: 2, windowSeconds: 3600 },
    perEmail: { scope: 'hardening-email', limit: 5, windowSeconds: 3600 },
  };
  const send = (limited: RegistrationsApp, key: string, body: Json) =>
    limited.request(`/api/events/${EVENT}/registrations`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
    });
  const seats = async () => (await createCategoryStore(doc, tableName).getCategory(EVENT, 'counted'))?.taken;

  it('writes nothing for the attempt past the limit, and still answers a retry of an earlier one', async () => {
    await createCategoryStore(doc, tableName).createCategory(
      EVENT,
      { id: 'counted', name: { en: 'counted' }, capacity: 10, waitlist: true, requiresApproval: false },
      5,
    );
    const limited = registrationsApp({ doc, tableName, now: () => clock, limits });
    const first = person('counted1@example.org', 'counted');
    expect((await send(limited, 'counted-1', first)).status).toBe(201);
    expect((await send(limited, 'counted-2', person('counted2@example.org', 'counted'))).status).toBe(201);

    const refused = await send(limited, 'counted-3', person('counted3@example.org', 'counted'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await seats()).toBe(2);
    expect((await items()).filter((i) => i.entity === 'registration' && i.email === 'counted3@example.org')).toEqual(
      [],
    );

    const retried = await send(limited, 'counted-1', first);
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(await seats()).toBe(2);
  });

  it('counts an attempt that writes nothing on its own: the full category answers 429 once the limit is reached', async () => {
    const limited = registrationsApp({
      doc,
      tableName,
      now: () => clock,
      limits: { ...limits, perClient: { ...limits.perClient, scope: 'hardening-full' } },
    });
    await createCategoryStore(doc, tableName).createCategory(
      EVENT,
      { id: 'one-seat', name: { en: 'one seat' }, capacity: 1, waitlist: false, requiresApproval: false },
      6,
    );
    expect((await signUp(person('seated@example.org', 'one-seat'))).status).toBe(201);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await send(limited, `full-seat-${i}`, person(`full${i}@example.org`, 'one-seat'))).status);
    }
    expect(statuses).toEqual([409, 409, 429]);
  });
});

describe('changing one field changes only that field', () => {
  it('keeps omitted fields, recomputes the search text and exports every copy', async () => {
    await signUp(person('visa@example.org', 'open', { preferredLanguage: 'fr', visaLetter: true, firstName: 'Marie' }));
    const { id, auth } = await manageLink('visa@example.org');
    const patched = await asAttendee(`/api/registrations/${id}`, auth, {
      method: 'PATCH',
      body: JSON.stringify({ organisation: 'New Org', firstName: 'Mariette' }),
    });
    const body = (await patched.json()) as Json;
    expect([patched.status, body.organisation, body.preferredLanguage, body.visaLetter]).toEqual([
      200,
      'New Org',
      'fr',
      true,
    ]);
    const search = async (q: string) =>
      (
        (await (await app.request(`/api/events/${EVENT}/registrations?q=${q}`, { headers: organiser })).json()) as {
          items: { id: string }[];
        }
      ).items.map((r) => r.id);
    expect(await search('mariette')).toEqual([id]);
    // The console sends the search in a header, so it stays out of URLs and access logs.
    const byHeader = (await (
      await app.request(`/api/events/${EVENT}/registrations`, { headers: { ...organiser, 'x-search': 'Mariette' } })
    ).json()) as { items: { id: string }[] };
    expect(byHeader.items.map((r) => r.id)).toEqual([id]);
    expect(await search('marie%20silva')).toEqual([]);

    const exported = (await (await asAttendee(`/api/registrations/${id}/export`, auth)).json()) as Json;
    expect(Object.keys(exported).sort()).toEqual([
      'exportedAt',
      'firstResponse',
      'mail',
      'personalAgenda',
      'registration',
      'sensitive',
    ]);
    expect((exported.mail as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('cursors and paging', () => {
  it('answers a forged cursor with 400, never 500', async () => {
    const forged = Buffer.from(JSON.stringify({ a: 'b' })).toString('base64url');
    const events = await eventsApp({ doc, tableName }).request(`/api/events?cursor=${forged}`);
    const regs = await app.request(`/api/events/${EVENT}/registrations?cursor=${forged}`, { headers: organiser });
    expect([events.status, regs.status]).toEqual([400, 400]);
  });

  it('never returns an empty page that still has a next cursor', async () => {
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `status=cancelled&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (
        await app.request(`/api/events/${EVENT}/registrations?${query}`, { headers: organiser })
      ).json()) as { items: unknown[]; nextCursor: string | null };
      pages.push(page.items.length);
      cursor = page.nextCursor;
      if (cursor) expect(page.items.length).toBeGreaterThan(0);
    } while (cursor && pages.length < 20);
    expect(pages).toEqual([0]);
  });
});

describe('least data at the desk', () => {
  it('checks in by the short code in any case, and says when someone already came', async () => {
    await signUp(person('guest@example.org', 'open', { firstName: 'Guest', dietaryNeeds: 'vegan' }));
    const { id, auth } = await manageLink('guest@example.org');
    await asAttendee(`/api/registrations/${id}/verify`, auth, { method: 'POST' });
    const code = String(((await (await asAttendee(`/api/registrations/${id}`, auth)).json()) as Json).checkInCode);
    const desk = (c: string) =>
      app.request(`/api/events/${EVENT}/check-in`, {
        method: 'POST',
        body: JSON.stringify({ code: c }),
        headers: { 'content-type': 'application/json', ...staff },
      });
    const first = await desk(code.toLowerCase());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      registrationId: id,
      name: 'Guest Silva',
      organisation: 'Portuguese Customs',
      category: { en: 'open' },
      status: 'confirmed',
      checkedInAt: '2027-01-10T10:00:00.000Z',
      alreadyCheckedIn: false,
    });
    clock = new Date('2027-01-10T10:42:00Z');
    const second = (await (await desk(code)).json()) as Json;
    expect([second.alreadyCheckedIn, second.checkedInAt]).toEqual([true, '2027-01-10T10:00:00.000Z']);
    clock = new Date('2027-01-10T10:00:00Z');
    expect((await desk('ZZZZZZZZ')).status).toBe(404);
  });
});
