/**
 * Booth staff within the tier's passes (exact under concurrency) and leads with consent,
 * against DynamoDB Local through the HTTP API.
 */
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { passesKey } from '../../functions/sponsors/keys.ts';
import { seededAccounts } from '../../local/accounts.ts';
import { demoTiers } from '../../local/demo-conference.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { localApi, UNREACHED_LIMITS } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const sub = (email: string) => seededAccounts.find((a) => a.email === email)!.sub;
const A = '/api/sponsors/northwind-trade';
const B = '/api/sponsors/borealis-scanning';

describe('booth staff and leads', () => {
  let app: ReturnType<typeof localApi>;
  let scan: () => Promise<Record<string, unknown>[]>;
  let setPassesUsed: (sponsorId: string, used: number) => Promise<void>;
  const as: Record<'sponsorA' | 'sponsorB' | 'organiser', Record<string, string>> = {} as never;
  let registered = 0;

  beforeAll(async () => {
    const { doc, tableName } = await freshTable('staff');
    await seedDemoConference(doc, tableName);
    const issuer = await testIssuer();
    app = localApi({ doc, tableName, verifyToken: issuer.verifyToken, limits: UNREACHED_LIMITS });
    const bearer = async (email: string, groups: string[] = []) => ({
      authorization: `Bearer ${await issuer.sign({ sub: sub(email), email, groups })}`,
    });
    as.sponsorA = await bearer('sponsor-a@example.org');
    as.sponsorB = await bearer('sponsor-b@example.org');
    as.organiser = await bearer('organiser@example.org', ['organisers']);
    scan = async () => (await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
    setPassesUsed = async (sponsorId, used) => {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...passesKey(sponsorId), entity: 'passes', used } }),
      );
    };
    // Gold (sponsor A's tier) gets five passes for this test.
    const tiers = demoTiers.map((t) => (t.id === 'gold' ? { ...t, staffPasses: 5 } : t));
    const put = await call(
      'organiser',
      'PUT',
      '/api/events/citce-2027/sponsor-tiers',
      { tiers },
      { 'if-match': '"1"' },
    );
    expect(put.status).toBe(200);
  });

  const call = (who: keyof typeof as, method: string, url: string, body?: object, extra: Record<string, string> = {}) =>
    app.request(url, {
      method,
      ...(body ? { body: JSON.stringify(body) } : {}),
      headers: { ...as[who], 'content-type': 'application/json', ...extra },
    });

  type StaffList = { items: { staffId: string; email: string }[]; used: number };
  const staffOfA = async () => (await (await call('sponsorA', 'GET', `${A}/staff`)).json()) as StaffList;
  /** Names a member of sponsor A's booth staff; answers their staff id (their registration's). */
  const addStaff = async (firstName: string, lastName: string, email: string) => {
    const added = await call('sponsorA', 'POST', `${A}/staff`, { firstName, lastName, email, country: 'PT' });
    expect(added.status).toBe(201);
    return ((await added.json()) as { staffId: string }).staffId;
  };
  /** The manage token from the mail a person got when the sponsor named them. */
  const manageAuthOf = async (email: string) => {
    const mail = (await scan()).find((i) => i.entity === 'outbox' && i.to === email)!;
    return { authorization: `Bearer ${/token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(String(mail.text))![1]!}` };
  };

  /** Registers an attendee, opens the mailed link, and returns the manage token and check-in code. */
  async function attendee(share: boolean) {
    registered += 1;
    const email = `visitor${registered}@customs.example.org`;
    const created = await app.request('/api/events/citce-2027/registrations', {
      method: 'POST',
      body: JSON.stringify({
        categoryId: 'private-sector',
        firstName: 'Ana',
        lastName: 'Silva',
        email,
        organisation: '+Customs',
        country: 'PT',
        consent: { privacy: true, ...(share ? { shareWithExhibitors: true } : {}) },
      }),
      headers: { 'content-type': 'application/json', 'idempotency-key': `visitor-${registered}` },
    });
    const { id } = (await created.json()) as { id: string };
    const mail = (await scan()).find((i) => i.entity === 'outbox' && i.to === email)!;
    const token = /token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(String(mail.text))![1]!;
    const auth = { authorization: `Bearer ${token}` };
    await app.request(`/api/registrations/${id}/verify`, { method: 'POST', headers: auth });
    const view = (await (await app.request(`/api/registrations/${id}`, { headers: auth })).json()) as {
      checkInCode: string;
      consent: { shareWithExhibitors: boolean };
    };
    return { id, auth, code: view.checkInCode, consent: view.consent };
  }

  it('registers exactly as many staff as the tier has passes, under 20 concurrent requests', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('sponsorA', 'POST', `${A}/staff`, {
          firstName: 'Rui',
          lastName: 'Costa',
          email: `booth${i}@northwind.example.com`,
          country: 'PT',
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(15).fill(409)]);
    const list = (await (await call('sponsorA', 'GET', `${A}/staff`)).json()) as { items: unknown[]; used: number };
    expect({ items: list.items.length, used: list.used }).toEqual({ items: 5, used: 5 });
    const staffRegistrations = (await scan()).filter(
      (i) => i.entity === 'registration' && i.categoryId === 'exhibitor-staff' && i.status === 'confirmed',
    );
    expect(staffRegistrations.length).toBe(5);
    expect(new Set(staffRegistrations.map((r) => r.organisation))).toEqual(new Set(['Northwind Trade Systems']));
  });

  it('frees a pass when a member of the staff is removed', async () => {
    const list = (await (await call('sponsorA', 'GET', `${A}/staff`)).json()) as { items: { staffId: string }[] };
    const leaving = list.items[0]!.staffId;
    expect((await call('sponsorB', 'DELETE', `${A}/staff/${leaving}`)).status).toBe(403);
    expect((await call('sponsorA', 'DELETE', `${A}/staff/${leaving}`)).status).toBe(204);
    expect((await call('sponsorA', 'DELETE', `${A}/staff/${leaving}`)).status).toBe(404);
    await addStaff('Ines', 'Moreira', 'ines@northwind.example.com');
  });

  it('takes booth staff off the list and frees their pass when they erase their data or cancel', async () => {
    const before = await staffOfA();
    const [erasing, cancelling] = before.items;
    if (!erasing || !cancelling) throw new Error('sponsor A has fewer than two staff');
    const cancelAuth = await manageAuthOf(cancelling.email);
    const erased = await app.request(`/api/registrations/${erasing.staffId}/erase`, {
      method: 'POST',
      headers: await manageAuthOf(erasing.email),
    });
    const cancelled = await app.request(`/api/registrations/${cancelling.staffId}`, {
      method: 'DELETE',
      headers: cancelAuth,
    });
    expect([erased.status, cancelled.status]).toEqual([204, 200]);

    const after = await staffOfA();
    expect({ used: after.used, listed: after.items.map((s) => s.staffId).sort() }).toEqual({
      used: before.used - 2,
      listed: before.items
        .map((s) => s.staffId)
        .filter((id) => id !== erasing.staffId && id !== cancelling.staffId)
        .sort(),
    });
    // Nothing at the sponsor, or anywhere but unsent mail, still names the erased person.
    const naming = (await scan()).filter((i) => i.entity !== 'outbox' && JSON.stringify(i).includes(erasing.email));
    expect(naming).toEqual([]);
    // The freed passes can be given again.
    await addStaff('Joana', 'Reis', 'joana@northwind.example.com');
  });

  it('keeps a tier that sponsors still hold: replacing the list without it answers 409 naming them', async () => {
    const current = await call('organiser', 'GET', '/api/events/citce-2027/sponsor-tiers');
    const { items } = (await current.json()) as { items: { id: string }[] };
    const withoutGold = items.filter((t) => t.id !== 'gold');
    const refused = await call(
      'organiser',
      'PUT',
      '/api/events/citce-2027/sponsor-tiers',
      { tiers: withoutGold },
      { 'if-match': current.headers.get('etag')! },
    );
    const body = (await refused.json()) as { detail: string; errors: { message: string }[] };
    expect({ status: refused.status, detail: body.detail, ids: body.errors.map((e) => e.message).sort() }).toEqual({
      status: 409,
      detail:
        '3 sponsor(s) hold a tier this list leaves out: Harbourline Data (gold), Northwind Trade Systems (gold), Verity Labs (gold). Move them to another tier first.',
      ids: ['harbourline-data', 'northwind-trade', 'verity-labs'],
    });
    const after = (await (await call('organiser', 'GET', '/api/events/citce-2027/sponsor-tiers')).json()) as {
      items: { id: string }[];
    };
    expect(after.items.map((t) => t.id)).toEqual(items.map((t) => t.id));
  });

  it('gives a pass back once, and keeps no name for want of a pass counter', async () => {
    const name = async (email: string) => {
      const staffId = await addStaff('Tiago', 'Lopes', email);
      const auth = await manageAuthOf(email);
      return {
        staffId,
        erase: () => app.request(`/api/registrations/${staffId}/erase`, { method: 'POST', headers: auth }),
      };
    };
    const before = await staffOfA();
    // The sponsor removes a person, who then erases their data: the pass comes back once.
    const removed = await name('tiago@northwind.example.com');
    expect((await call('sponsorA', 'DELETE', `${A}/staff/${removed.staffId}`)).status).toBe(204);
    expect((await removed.erase()).status).toBe(204);
    expect((await staffOfA()).used).toBe(before.used);
    // A counter at zero, as a table written before the counters moved may hold: the entry goes all the same.
    const listed = await name('marta@northwind.example.com');
    await setPassesUsed('northwind-trade', 0);
    expect((await listed.erase()).status).toBe(204);
    const after = await staffOfA();
    expect({ used: after.used, listed: after.items.some((s) => s.staffId === listed.staffId) }).toEqual({
      used: 0,
      listed: false,
    });
    await setPassesUsed('northwind-trade', after.items.length);
  });

  it('refuses exhibitor staff on the public registration form', async () => {
    const response = await app.request('/api/events/citce-2027/registrations', {
      method: 'POST',
      body: JSON.stringify({
        categoryId: 'exhibitor-staff',
        firstName: 'Eve',
        lastName: 'Intruder',
        email: 'eve@example.org',
        organisation: 'Nobody',
        country: 'PT',
        consent: { privacy: true },
      }),
      headers: { 'content-type': 'application/json', 'idempotency-key': 'staff-intruder' },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'Exhibitor staff are registered by their exhibitor in the sponsor portal, within the passes of its tier.',
    );
  });

  it('keeps a lead only with consent, and reveals nothing else without it', async () => {
    const refusing = await attendee(false);
    expect(refusing.consent).toEqual({ shareWithExhibitors: false });
    for (const code of [refusing.code, 'ZZZZZZZZ']) {
      const response = await call('sponsorA', 'POST', `${A}/leads`, { code });
      expect({ status: response.status, detail: ((await response.json()) as { detail: string }).detail }).toEqual({
        status: 422,
        detail: 'This attendee has not agreed to share their contact.',
      });
    }
    const sharing = await attendee(true);
    const kept = await call('sponsorA', 'POST', `${A}/leads`, { code: sharing.code.toLowerCase(), rating: 5 });
    expect(kept.status).toBe(201);
    const lead = (await kept.json()) as { leadId: string };
    expect(lead).toMatchObject({
      email: `visitor${registered}@customs.example.org`,
      firstName: 'Ana',
      rating: 5,
      organisation: '+Customs',
    });
    expect((await call('sponsorA', 'POST', `${A}/leads`, { code: sharing.code })).status).toBe(200);
    const patched = await call('sponsorA', 'PATCH', `${A}/leads/${lead.leadId}`, { note: '=cmd|calc', rating: null });
    const changed = (await patched.json()) as { note?: string; rating?: number };
    expect({ note: changed.note, rating: changed.rating }).toEqual({ note: '=cmd|calc', rating: undefined });
    // Sponsor B sees none of A's leads and cannot change them.
    expect((await call('sponsorB', 'PATCH', `${A}/leads/${lead.leadId}`, { note: 'x' })).status).toBe(403);
    expect((await call('sponsorB', 'PATCH', `${B}/leads/${lead.leadId}`, { note: 'x' })).status).toBe(404);
    const bLeads = (await (await call('sponsorB', 'GET', `${B}/leads`)).json()) as { items: unknown[] };
    expect(bLeads.items).toEqual([]);
    // The CSV neutralises formulas.
    const csv = await (await call('sponsorA', 'GET', `${A}/leads.csv`)).text();
    expect(csv).toContain(`"'=cmd|calc"`);
    expect(csv).toContain(`"'+Customs"`);
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('removes the attendee from every sponsor when consent is withdrawn', async () => {
    const sharing = await attendee(true);
    expect((await call('sponsorA', 'POST', `${A}/leads`, { code: sharing.code })).status).toBe(201);
    expect((await call('sponsorB', 'POST', `${B}/leads`, { code: sharing.code })).status).toBe(201);
    const withdrawn = await app.request(`/api/registrations/${sharing.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ consent: { shareWithExhibitors: false } }),
      headers: { ...sharing.auth, 'content-type': 'application/json' },
    });
    expect(((await withdrawn.json()) as { consent: object }).consent).toEqual({ shareWithExhibitors: false });
    const leadsOf = (await scan()).filter((i) => i.entity === 'lead' && i.registrationId === sharing.id);
    expect(leadsOf).toEqual([]);
    const again = await call('sponsorA', 'POST', `${A}/leads`, { code: sharing.code });
    expect(again.status).toBe(422);
  });

  it('pages leads with a cursor', async () => {
    const first = (await (await call('sponsorA', 'GET', `${A}/leads?limit=1`)).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    expect(first.items.length).toBe(1);
    const bad = await call('sponsorA', 'GET', `${A}/leads?cursor=not-ours`);
    expect(bad.status).toBe(400);
  });
});
