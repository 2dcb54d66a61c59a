/** The attendee's starred sessions: kept with the registration, exported with it, erased with it. */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_STARRED_SESSIONS } from '../../functions/agenda/schemas.ts';
import { register } from '../../functions/registrations/register.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { registrationDeps, registrationsApp, TEST_NOW, UNREACHED_LIMITS } from '../support/apps.ts';
import { freshTable } from './table.ts';

describe('personal agenda', () => {
  let table: Awaited<ReturnType<typeof freshTable>>;
  let app: ReturnType<typeof registrationsApp>;
  let id = '';
  let auth: Record<string, string> = {};

  const put = (body: unknown, headers = auth) =>
    app.request(`/api/registrations/${id}/agenda`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    table = await freshTable('starred');
    await seedDemoConference(table.doc, table.tableName);
    const deps = registrationDeps({ doc: table.doc, tableName: table.tableName });
    app = registrationsApp({ doc: table.doc, tableName: table.tableName, limits: UNREACHED_LIMITS });
    const created = await register(deps, 'citce-2027', 'starred-key-1', {
      categoryId: 'private-sector',
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.org',
      organisation: 'Customs',
      country: 'PT',
      preferredLanguage: 'en',
      visaLetter: false,
      consent: { privacy: true },
    });
    id = created.body.id;
    const { Items } = await table.doc.send(new ScanCommand({ TableName: table.tableName }));
    const mail = Items!.find((i) => i.entity === 'outbox' && i.to === 'ana@example.org')!;
    auth = { authorization: `Bearer ${/token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(String(mail.text))![1]}` };
  });

  it('starts empty, then keeps what the attendee saved', async () => {
    const empty = await app.request(`/api/registrations/${id}/agenda`, { headers: auth });
    expect(await empty.json()).toEqual({ sessionIds: [], updatedAt: null });
    const saved = await put({ sessionIds: ['opening-keynote', 'risk-engines'] });
    expect(saved.status).toBe(200);
    const expected = { sessionIds: ['opening-keynote', 'risk-engines'], updatedAt: TEST_NOW.toISOString() };
    expect(await saved.json()).toEqual(expected);
    expect(await (await app.request(`/api/registrations/${id}/agenda`, { headers: auth })).json()).toEqual(expected);
  });

  it('refuses too many sessions, a repeated one, a malformed id, and a caller without the link', async () => {
    const many = Array.from({ length: MAX_STARRED_SESSIONS + 1 }, (_, i) => `s-${i}`);
    expect((await put({ sessionIds: many })).status).toBe(422);
    expect((await put({ sessionIds: ['a', 'a'] })).status).toBe(422);
    expect((await put({ sessionIds: ['Not An Id'] })).status).toBe(422);
    expect((await put({ sessionIds: [] }, {})).status).toBe(401);
    const wrong = { authorization: `Bearer ${'x'.repeat(43)}` };
    expect((await put({ sessionIds: [] }, wrong)).status).toBe(404);
    expect(await (await app.request(`/api/registrations/${id}/agenda`, { headers: auth })).json()).toEqual({
      sessionIds: ['opening-keynote', 'risk-engines'],
      updatedAt: TEST_NOW.toISOString(),
    });
  });

  it('is part of the export, and the erasure removes it', async () => {
    const exported = (await (await app.request(`/api/registrations/${id}/export`, { headers: auth })).json()) as {
      personalAgenda: unknown;
    };
    expect(exported.personalAgenda).toEqual({
      sessionIds: ['opening-keynote', 'risk-engines'],
      updatedAt: TEST_NOW.toISOString(),
    });
    expect((await app.request(`/api/registrations/${id}/erase`, { method: 'POST', headers: auth })).status).toBe(204);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: `REG#${id}`, SK: 'AGENDA' } }),
    );
    expect(Item).toBeUndefined();
  });
});
