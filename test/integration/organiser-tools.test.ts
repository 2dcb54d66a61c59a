import { beforeAll, describe, expect, it } from 'vitest';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { type RegistrationsApp, registrationDeps, registrationsApp } from '../support/apps.ts';
import { testEvent } from '../support/events.ts';
import { testIssuer } from '../support/tokens.ts';
import { verifyByEmail } from '../support/verify.ts';
import { freshTable } from './table.ts';

describe('organiser tools for registrations', () => {
  let app: RegistrationsApp;
  let organiser: Record<string, string>;
  let tick = 0;

  const register = (n: number, person: { first: string; last: string; org: string; country: string }) =>
    app.request('/api/events/tools/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `tools-key-${n}` },
      body: JSON.stringify({
        categoryId: 'seminar',
        firstName: person.first,
        lastName: person.last,
        email: `p${n}@example.org`,
        organisation: person.org,
        country: person.country,
        consent: { privacy: true },
      }),
    });

  beforeAll(async () => {
    const { doc, tableName } = await freshTable('tools');
    const events = createEventsStore(doc, tableName);
    await events.createEvent(testEvent('tools'));
    await createCategoryStore(doc, tableName).createCategory(
      'tools',
      { id: 'seminar', name: { en: 'Seminar' }, capacity: 2, waitlist: true, requiresApproval: false },
      0,
    );
    const issuer = await testIssuer();
    app = registrationsApp({
      doc,
      tableName,
      verifyToken: issuer.verifyToken,
      // A clock that ticks a second per reading, so registrations have distinct times.
      now: () => new Date(Date.UTC(2027, 0, 10, 10, 0, 0) + tick++ * 1000),
    });
    organiser = { authorization: `Bearer ${await issuer.sign({ sub: 'org', groups: ['organisers'] })}` };
    await register(1, { first: 'Ana', last: 'Silva', org: 'Portuguese Customs', country: 'PT' });
    // Names refuse formulas and quotes; an organisation may carry both, so the CSV must defuse them.
    await register(2, { first: 'Aoife', last: "O'Brien, Jr", org: '=HYPERLINK("x") "Revenue"', country: 'IE' });
    await register(3, { first: 'Kenji', last: 'Sato', org: 'Japan Customs', country: 'JP' });
    await register(4, { first: 'Lena', last: 'Berg', org: 'Swedish Customs', country: 'SE' });
    // Everyone opened the mailed link.
    const deps = registrationDeps({ doc, tableName });
    for (const n of [1, 2, 3, 4]) await verifyByEmail(deps, 'tools', `p${n}@example.org`);
  });

  it('lists with filters and a search, a page at a time', async () => {
    const all = (await (await app.request('/api/events/tools/registrations', { headers: organiser })).json()) as {
      items: { status: string; country: string }[];
    };
    expect(all.items.map((r) => [r.country, r.status])).toEqual([
      ['PT', 'confirmed'],
      ['IE', 'confirmed'],
      ['JP', 'waitlisted'],
      ['SE', 'waitlisted'],
    ]);
    const waiting = (await (
      await app.request('/api/events/tools/registrations?status=waitlisted&country=SE', { headers: organiser })
    ).json()) as { items: { lastName: string }[] };
    expect(waiting.items.map((r) => r.lastName)).toEqual(['Berg']);
    const search = (await (
      await app.request('/api/events/tools/registrations?q=japan', { headers: organiser })
    ).json()) as { items: { lastName: string }[] };
    expect(search.items.map((r) => r.lastName)).toEqual(['Sato']);

    const first = (await (
      await app.request('/api/events/tools/registrations?limit=3', { headers: organiser })
    ).json()) as { items: unknown[]; nextCursor: string };
    const rest = (await (
      await app.request(`/api/events/tools/registrations?limit=3&cursor=${first.nextCursor}`, { headers: organiser })
    ).json()) as { items: { lastName: string }[] };
    expect([first.items.length, rest.items.map((r) => r.lastName)]).toEqual([3, ['Berg']]);
  });

  it('exports CSV that a spreadsheet opens safely: BOM, quoting, no formulas', async () => {
    const response = await app.request('/api/events/tools/registrations.csv?country=IE', { headers: organiser });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, end] = new TextDecoder().decode(bytes).split('\r\n');
    expect(header).toBe(
      'id,status,categoryId,firstName,lastName,email,organisation,jobTitle,country,preferredLanguage,visaLetter,checkedInAt,createdAt',
    );
    expect(row).toMatch(
      /^"[0-9a-f-]{36}","confirmed","seminar","Aoife","O'Brien, Jr","p2@example.org","'=HYPERLINK\(""x""\) ""Revenue""",,"IE","en","false",,"2027-01-10T10:00:\d\d\.000Z"$/,
    );
    expect(end).toBe('');
  });

  it('gives seats added to a full category to the first people waiting', async () => {
    const response = await app.request('/api/events/tools/categories/seminar', {
      method: 'PATCH',
      headers: { ...organiser, 'content-type': 'application/json' },
      body: JSON.stringify({ capacity: 3 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 'seminar',
      name: { en: 'Seminar' },
      capacity: 3,
      waitlist: true,
      requiresApproval: false,
      promoted: 1,
    });
    const list = (await (await app.request('/api/events/tools/registrations', { headers: organiser })).json()) as {
      items: { lastName: string; status: string }[];
    };
    expect(list.items.map((r) => [r.lastName, r.status])).toEqual([
      ['Silva', 'confirmed'],
      ["O'Brien, Jr", 'confirmed'],
      ['Sato', 'confirmed'],
      ['Berg', 'waitlisted'],
    ]);
    const shrink = await app.request('/api/events/tools/categories/seminar', {
      method: 'PATCH',
      headers: { ...organiser, 'content-type': 'application/json' },
      body: JSON.stringify({ capacity: 2 }),
    });
    expect(shrink.status).toBe(409);
    expect(await shrink.json()).toEqual({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The capacity cannot be lower than the seats already taken.',
    });
  });

  it('counts for the dashboard by status, category, country and day', async () => {
    const stats = await (await app.request('/api/events/tools/registrations/stats', { headers: organiser })).json();
    expect(stats).toEqual({
      total: 4,
      byStatus: { confirmed: 3, waitlisted: 1 },
      byCategory: { seminar: { confirmed: 3, waitlisted: 1 } },
      byCountry: { PT: 1, IE: 1, JP: 1, SE: 1 },
      byDay: [{ day: '2027-01-10', count: 4 }],
    });
  });

  it('checks a confirmed person in once, and refuses someone waiting', async () => {
    const list = (await (await app.request('/api/events/tools/registrations', { headers: organiser })).json()) as {
      items: { id: string; lastName: string }[];
    };
    const silva = list.items.find((r) => r.lastName === 'Silva')!.id;
    const berg = list.items.find((r) => r.lastName === 'Berg')!.id;
    const first = (await (
      await app.request(`/api/events/tools/registrations/${silva}/check-in`, { method: 'POST', headers: organiser })
    ).json()) as { checkedInAt: string; alreadyCheckedIn: boolean };
    const again = (await (
      await app.request(`/api/events/tools/registrations/${silva}/check-in`, { method: 'POST', headers: organiser })
    ).json()) as { checkedInAt: string; alreadyCheckedIn: boolean };
    expect(first.checkedInAt).toMatch(/^2027-01-10T10:\d\d:\d\d\.000Z$/);
    expect([again.checkedInAt, first.alreadyCheckedIn, again.alreadyCheckedIn]).toEqual([
      first.checkedInAt,
      false,
      true,
    ]);
    const waiting = await app.request(`/api/events/tools/registrations/${berg}/check-in`, {
      method: 'POST',
      headers: organiser,
    });
    expect(waiting.status).toBe(409);
    expect(await waiting.json()).toEqual({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'A waitlisted registration cannot be checked in.',
    });
  });
});
