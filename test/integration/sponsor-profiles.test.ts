/**
 * The live version stays public while a sponsor edits: draft, submit, return, approve and
 * unpublish against DynamoDB Local, through the HTTP API, with the exact public output.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTION_RULES } from '../../functions/sponsors/description-allowlist.ts';
import { seededAccounts } from '../../local/accounts.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { localApi, UNREACHED_LIMITS } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const sub = (email: string) => seededAccounts.find((a) => a.email === email)!.sub;
const SPONSOR = '/api/sponsors/northwind-trade';
const PUBLIC = '/api/events/citce-2027/sponsors/northwind-trade';

describe('live and draft profiles', () => {
  let app: ReturnType<typeof localApi>;
  let scan: () => Promise<Record<string, unknown>[]>;
  const as: Record<'sponsorA' | 'sponsorB' | 'organiser', Record<string, string>> = {} as never;

  beforeAll(async () => {
    const { doc, tableName } = await freshTable('profiles');
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
  });

  const call = (who: keyof typeof as, method: string, url: string, body?: object, extra: Record<string, string> = {}) =>
    app.request(url, {
      method,
      ...(body ? { body: JSON.stringify(body) } : {}),
      headers: { ...as[who], 'content-type': 'application/json', ...extra },
    });
  const json = async (response: Response) => ({ status: response.status, body: await response.json() });
  const publicView = async () => json(await app.request(PUBLIC));
  const profile = async () => {
    const response = await call('sponsorA', 'GET', `${SPONSOR}/profile`);
    return { etag: response.headers.get('etag')!, body: (await response.json()) as Record<string, unknown> };
  };
  const rebuildRequests = async () => (await scan()).filter((i) => i.entity === 'site-rebuild').length;
  const mailsTo = async (to: string) => (await scan()).filter((i) => i.entity === 'outbox' && i.to === to);

  it('keeps the approved version public through save, submit, return and a second approval', async () => {
    const live = await publicView();
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({
      sponsorId: 'northwind-trade',
      name: 'Northwind Trade Systems',
      tier: 'gold',
      tierName: { en: 'Gold', fr: 'Or' },
      booth: 'A12',
      version: 1,
    });
    const first = await profile();
    expect(first.body.state).toBe('live');

    // A save without changes writes nothing: same version, same state, still public.
    const content = { description: first.body.description, website: first.body.website };
    const same = await call('sponsorA', 'PUT', `${SPONSOR}/profile`, content, { 'if-match': first.etag });
    expect({ status: same.status, etag: same.headers.get('etag') }).toEqual({ status: 200, etag: first.etag });
    expect((await profile()).body.state).toBe('live');
    expect(await publicView()).toEqual(live);

    // An edit makes a draft; the public still sees the live version.
    const edited = { ...content, description: { en: 'New **text**', fr: 'Nouveau **texte**' } };
    const saved = await call('sponsorA', 'PUT', `${SPONSOR}/profile`, edited, { 'if-match': first.etag });
    expect(saved.status).toBe(200);
    expect((await saved.json()) as object).toMatchObject({ state: 'draft', status: 'draft', published: true });
    expect(await publicView()).toEqual(live);

    // A stale If-Match is refused; a missing one too.
    const stale = await call('sponsorA', 'PUT', `${SPONSOR}/profile`, content, { 'if-match': first.etag });
    expect(stale.status).toBe(412);
    expect((await call('sponsorA', 'PUT', `${SPONSOR}/profile`, content)).status).toBe(428);

    const submitted = await call('sponsorA', 'POST', `${SPONSOR}/profile/submit`, undefined, {
      'if-match': saved.headers.get('etag')!,
    });
    expect(((await submitted.json()) as { state: string }).state).toBe('submitted');
    const queue = await json(await call('organiser', 'GET', '/api/events/citce-2027/sponsors/review'));
    expect((queue.body as { items: { sponsorId: string }[] }).items.map((i) => i.sponsorId)).toEqual([
      'northwind-trade',
    ]);
    const pair = await json(await call('organiser', 'GET', `${PUBLIC}/review`));
    expect(pair.body).toMatchObject({
      changed: ['description'],
      live: { descriptionHtml: live.body.descriptionHtml },
      draft: {
        descriptionHtml: { en: '<p>New <strong>text</strong></p>', fr: '<p>Nouveau <strong>texte</strong></p>' },
      },
    });

    const returned = await call('organiser', 'POST', `${PUBLIC}/return`, { comment: 'Add your booth hours.' });
    expect((await returned.json()) as object).toMatchObject({
      state: 'changes-requested',
      comment: 'Add your booth hours.',
    });
    expect(await publicView()).toEqual(live);
    expect((await mailsTo('sponsor-a@example.org')).map((m) => m.subject)).toEqual([
      "Changes requested: Northwind Trade Systems's exhibition profile / Modifications demandées : Northwind Trade Systems",
    ]);

    const again = await profile();
    await call('sponsorA', 'POST', `${SPONSOR}/profile/submit`, undefined, { 'if-match': again.etag });
    const rebuildsBefore = await rebuildRequests();
    const approved = await call('organiser', 'POST', `${PUBLIC}/approve`);
    expect((await approved.json()) as object).toMatchObject({ state: 'live', published: true });
    expect(await rebuildRequests()).toBe(rebuildsBefore + 1);
    const replaced = await publicView();
    expect(replaced.body).toMatchObject({
      descriptionHtml: { en: '<p>New <strong>text</strong></p>', fr: '<p>Nouveau <strong>texte</strong></p>' },
    });
    expect(replaced.body.version).toBeGreaterThan(1);
    // Rendered once, on approval: public reads serve the stored HTML.
    const stored = (await scan()).find((i) => i.PK === 'SPONSOR#northwind-trade' && i.SK === 'PROFILE');
    expect((stored?.live as { rendered?: unknown } | undefined)?.rendered).toEqual({
      rules: DESCRIPTION_RULES,
      description: replaced.body.descriptionHtml,
      products: [],
    });
    expect((await json(await app.request('/api/events/citce-2027/sponsors'))).body.items).toContainEqual(replaced.body);
  });

  it('hides the live version only on unpublish, and shows it again on approval', async () => {
    const before = await rebuildRequests();
    const gone = await call('organiser', 'POST', `${PUBLIC}/unpublish`);
    expect(gone.status).toBe(200);
    expect(await rebuildRequests()).toBe(before + 1);
    expect((await publicView()).status).toBe(404);
    const list = (await json(await app.request('/api/events/citce-2027/sponsors'))).body as {
      items: { sponsorId: string }[];
    };
    expect(list.items.map((i) => i.sponsorId)).not.toContain('northwind-trade');
    expect((await call('organiser', 'POST', `${PUBLIC}/unpublish`)).status).toBe(409);
    expect((await call('organiser', 'POST', `${PUBLIC}/approve`)).status).toBe(200);
    expect((await publicView()).status).toBe(200);
  });

  it('lets organisers alone set tier and booth; a sponsor cannot send them', async () => {
    const current = await profile();
    const attempt = await call(
      'sponsorA',
      'PUT',
      `${SPONSOR}/profile`,
      { tier: 'platinum', booth: 'A01' },
      { 'if-match': current.etag },
    );
    expect(attempt.status).toBe(422);
    expect((await call('sponsorA', 'PATCH', PUBLIC, { booth: 'A01' })).status).toBe(403);
    const moved = await call('organiser', 'PATCH', PUBLIC, { tier: 'platinum', booth: 'A03' });
    expect((await moved.json()) as object).toMatchObject({
      tier: 'platinum',
      booth: 'A03',
      version: current.body.version,
    });
    expect((await publicView()).body).toMatchObject({ tier: 'platinum', booth: 'A03', tierRank: 1 });
    expect((await call('organiser', 'PATCH', PUBLIC, { tier: 'diamond' })).status).toBe(422);
  });

  it('approves a profile whose rendered HTML would not fit in the item, and renders it on read', async () => {
    // Near the 64 KB body limit, of the one character that renders five times longer (&amp;):
    // stored beside the draft and the live Markdown, its HTML would pass DynamoDB's 400 KB.
    const text = { en: '&'.repeat(2000), fr: '&'.repeat(2000) };
    const products = Array.from({ length: 14 }, (_, n) => ({ name: { en: `P${n}` }, description: text }));
    const current = await profile();
    const big = { description: text, products };
    const saved = await call('sponsorA', 'PUT', `${SPONSOR}/profile`, big, { 'if-match': current.etag });
    expect(saved.status).toBe(200);
    const etag = saved.headers.get('etag')!;
    expect((await call('sponsorA', 'POST', `${SPONSOR}/profile/submit`, undefined, { 'if-match': etag })).status).toBe(
      200,
    );
    expect((await call('organiser', 'POST', `${PUBLIC}/approve`)).status).toBe(200);
    const stored = (await scan()).find((i) => i.PK === 'SPONSOR#northwind-trade' && i.SK === 'PROFILE');
    expect((stored?.live as { rendered?: unknown } | undefined)?.rendered).toBeUndefined();
    const html = `<p>${'&amp;'.repeat(2000)}</p>`;
    const view = await publicView();
    expect(view.body.descriptionHtml).toEqual({ en: html, fr: html });
    expect(view.body.products).toEqual(
      products.map((p) => ({ name: p.name, descriptionHtml: { en: html, fr: html } })),
    );
  });

  it('keeps private contacts out of the public output', async () => {
    const current = await profile();
    const contacts = [
      { name: 'Ana Silva', email: 'ana@northwind.example.com', public: true },
      { name: 'Rui Costa', email: 'rui@northwind.example.com', phone: '+351 21 000 0000' },
    ];
    const saved = await call('sponsorA', 'PUT', `${SPONSOR}/profile`, { contacts }, { 'if-match': current.etag });
    await call('sponsorA', 'POST', `${SPONSOR}/profile/submit`, undefined, { 'if-match': saved.headers.get('etag')! });
    await call('organiser', 'POST', `${PUBLIC}/approve`);
    const body = JSON.stringify((await publicView()).body);
    expect((await publicView()).body.contacts).toEqual([{ name: 'Ana Silva', email: 'ana@northwind.example.com' }]);
    expect(body).not.toContain('rui@northwind.example.com');
  });

  it("gives sponsor B nothing of sponsor A's draft", async () => {
    for (const [method, path] of [
      ['GET', `${SPONSOR}/profile`],
      ['PUT', `${SPONSOR}/profile`],
      ['POST', `${SPONSOR}/profile/submit`],
      ['POST', `${SPONSOR}/logo-upload`],
      ['GET', `${SPONSOR}/staff`],
      ['GET', `${SPONSOR}/leads`],
      ['GET', `${SPONSOR}/leads.csv`],
    ] as const) {
      const response = await call('sponsorB', method, path, method === 'GET' ? undefined : {}, { 'if-match': '"1"' });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
  });
});
