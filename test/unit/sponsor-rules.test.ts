/**
 * Sponsor rules without a database: content comparison and the live/draft diff, the public
 * view (private contacts left out), the contract's coarse status, and ownership (a member of
 * sponsor A is refused on every sponsor-B route before anything of B is read).
 */
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTION_RULES } from '../../functions/sponsors/description-allowlist.ts';
import type { RenderedContent, StoredContent, StoredSponsor } from '../../functions/sponsors/keys.ts';
import { renderContent } from '../../functions/sponsors/markdown.ts';
import {
  changedFields,
  contentOf,
  publicLive,
  sameContent,
  statusOf,
  toPublic,
} from '../../functions/sponsors/views.ts';
import { sponsorsApp } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';

const content = (over: Partial<StoredContent> = {}): StoredContent => ({
  description: { en: 'Scanners' },
  website: 'https://example.com/',
  contacts: [{ name: 'Ana', email: 'ana@example.com', public: false }],
  products: [],
  socialLinks: [],
  ...over,
});

describe('profile content rules', () => {
  it('compares content whatever the order of keys or missing defaults', () => {
    const reordered = JSON.parse(
      '{"socialLinks":[],"products":[],"contacts":[{"public":false,"email":"ana@example.com","name":"Ana"}],"website":"https://example.com/","description":{"en":"Scanners"}}',
    ) as StoredContent;
    expect(sameContent(content(), reordered)).toBe(true);
    expect(sameContent(content(), content({ website: 'https://example.org/' }))).toBe(false);
    expect(sameContent(content(), undefined)).toBe(false);
  });

  it('names the fields a draft changes against the live version, all of them before the first approval', () => {
    expect(changedFields(content(), content({ description: { en: 'Scanners', fr: 'Scanners' } }))).toEqual([
      'description',
    ]);
    expect(changedFields(content(), content())).toEqual([]);
    expect(changedFields(undefined, content())).toEqual(['description', 'website', 'contacts']);
  });

  it('maps each state to the contract status', () => {
    expect((['live', 'draft', 'submitted', 'changes-requested'] as const).map(statusOf)).toEqual([
      'published',
      'draft',
      'submitted',
      'draft',
    ]);
  });

  it('marks contacts private unless they say otherwise, and keeps private ones out of the public view', () => {
    const stored = contentOf({
      contacts: [
        { name: 'Ana', email: 'ana@example.com', public: true },
        { name: 'Rui', email: 'rui@example.com' } as never,
      ],
      products: [],
      socialLinks: [],
    });
    expect(stored.contacts.map((c) => c.public)).toEqual([true, false]);
    const view = toPublic(
      { id: 's', name: 'S', tier: 'gold' },
      stored,
      renderContent(stored),
      { version: 2, approvedAt: '2027-01-10T10:00:00Z' },
      [],
      (k) => `/${k}`,
    );
    expect(view.contacts).toEqual([{ name: 'Ana', email: 'ana@example.com' }]);
  });
});

describe('rendered descriptions of a live version', () => {
  const content: StoredContent = {
    description: { en: '**Bold**' },
    contacts: [],
    products: [{ name: { en: 'Scanner' }, description: { en: '<b>raw</b>' } }],
    socialLinks: [],
  };
  const sponsor = (rendered: RenderedContent | undefined) =>
    ({
      id: 's',
      eventId: 'e',
      name: 'S',
      tier: 'gold',
      state: 'live',
      published: true,
      draft: content,
      live: { ...content, version: 2, approvedAt: '2027-01-10T10:00:00Z', rendered },
      version: 3,
      createdAt: '2027-01-01T00:00:00Z',
      updatedAt: '2027-01-10T10:00:00Z',
    }) satisfies StoredSponsor;

  it('serves the HTML stored on approval when it was rendered under the current rules', async () => {
    const stored = { rules: DESCRIPTION_RULES, description: { en: '<p>as stored</p>' }, products: [undefined] };
    const view = await publicLive(sponsor(stored), [], (k) => `/${k}`);
    expect(view?.descriptionHtml).toEqual({ en: '<p>as stored</p>' });
    expect(view?.products).toEqual([{ name: { en: 'Scanner' } }]);
  });

  it('renders again what older rules rendered, or what was stored without HTML', async () => {
    const old = { rules: DESCRIPTION_RULES - 1, description: { en: '<p>old</p>' }, products: [] };
    for (const rendered of [old, undefined]) {
      const view = await publicLive(sponsor(rendered), [], (k) => `/${k}`);
      expect(view?.descriptionHtml).toEqual({ en: '<p><strong>Bold</strong></p>' });
      expect(view?.products).toEqual([
        { name: { en: 'Scanner' }, descriptionHtml: { en: '<p>&lt;b&gt;raw&lt;/b&gt;</p>' } },
      ]);
    }
  });
});

describe('ownership: a member of sponsor A and sponsor B', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  let app: ReturnType<typeof sponsorsApp>;
  let memberOfA: Record<string, string>;

  beforeAll(async () => {
    ddb.reset();
    // The membership lookup: this person is a member of sponsor A only.
    ddb.on(QueryCommand).resolves({ Items: [{ sponsorId: 'sponsor-a', memberId: 'sub-a' }] });
    ddb.on(GetCommand).resolves({});
    const issuer = await testIssuer();
    app = sponsorsApp({ verifyToken: issuer.verifyToken });
    memberOfA = { authorization: `Bearer ${await issuer.sign({ sub: 'sub-a', email: 'a@example.org' })}` };
  });
  afterAll(() => ddb.restore());

  it("refuses every route of sponsor B with 403 and reads nothing of B's", async () => {
    const routes: [string, string][] = [
      ['GET', '/profile'],
      ['PUT', '/profile'],
      ['POST', '/profile/submit'],
      ['POST', '/logo-upload'],
      ['GET', '/staff'],
      ['POST', '/staff'],
      ['DELETE', '/staff/0b6e2a4c-3f1d-4e5a-9c7b-2d8f1a6e4b31'],
      ['GET', '/leads'],
      ['POST', '/leads'],
      ['GET', '/leads.csv'],
      ['PATCH', '/leads/0123456789abcdef0123456789abcdef'],
      ['GET', '/members'],
    ];
    ddb.resetHistory();
    const statuses: Record<string, number> = {};
    for (const [method, tail] of routes) {
      const response = await app.request(`/api/sponsors/sponsor-b${tail}`, {
        method,
        ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
        headers: { ...memberOfA, 'content-type': 'application/json', 'if-match': '"1"' },
      });
      statuses[`${method} ${tail}`] = response.status;
    }
    expect(Object.values(statuses)).toEqual(routes.map(() => 403));
    const keysRead = ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key?.PK);
    expect(keysRead.filter((pk) => String(pk).includes('sponsor-b'))).toEqual([]);
  });

  it('lets the same member reach sponsor A', async () => {
    ddb.on(GetCommand).resolves({});
    const response = await app.request('/api/sponsors/sponsor-a/profile', { headers: memberOfA });
    expect(response.status).toBe(404);
  });
});
