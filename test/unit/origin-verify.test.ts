/**
 * The API answers only requests that came through CloudFront: CloudFront sends a secret
 * origin header on /api/*, and every app refuses a request without the right value. Where no
 * secret is configured (locally, and in tests that set none) nothing is checked.
 */
import { describe, expect, it } from 'vitest';
import { baseApp, docsApp, eventsApp, identityApp, registrationsApp, sponsorsApp } from '../support/apps.ts';

const SECRET = 'Zr7sW1qkQ0nB4xYpL9cV3mTfH6aE2uJd';
const forbidden = {
  type: '/problems/forbidden',
  title: 'Forbidden',
  status: 403,
  detail: 'This API is reached through the site only.',
};

function app(originSecret?: string) {
  const created = baseApp({ originSecret });
  created.get('/api/thing', (c) => c.json({ ok: true }));
  return created;
}

describe('origin secret', () => {
  it('answers 403 problem+json without the header or with a wrong value, and 200 with the right one', async () => {
    const guarded = app(SECRET);
    const attempts: Record<string, string>[] = [
      {},
      { 'x-origin-verify': 'wrong' },
      { 'x-origin-verify': `${SECRET}x` },
    ];
    for (const headers of attempts) {
      const response = await guarded.request('/api/thing', { headers });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toEqual(forbidden);
    }
    const through = await guarded.request('/api/thing', { headers: { 'x-origin-verify': SECRET } });
    expect(through.status).toBe(200);
    expect(await through.json()).toEqual({ ok: true });
  });

  it('refuses before anything else runs: unknown paths, wrong methods and preflights get 403 too', async () => {
    const guarded = app(SECRET);
    expect((await guarded.request('/api/nothing-here')).status).toBe(403);
    expect((await guarded.request('/api/thing', { method: 'DELETE' })).status).toBe(403);
    const preflight = await guarded.request('/api/thing', {
      method: 'OPTIONS',
      headers: { origin: 'https://itconf.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
  });

  it('checks nothing where no secret is configured', async () => {
    const open = app();
    expect((await open.request('/api/thing')).status).toBe(200);
    expect((await open.request('/api/thing', { headers: { 'x-origin-verify': 'anything' } })).status).toBe(200);
  });

  it('is checked by every context app', async () => {
    const apps = {
      events: eventsApp({ originSecret: SECRET }),
      registrations: registrationsApp({ originSecret: SECRET }),
      identity: identityApp({ originSecret: SECRET }),
      sponsors: sponsorsApp({ originSecret: SECRET }),
      docs: docsApp({ originSecret: SECRET }),
    };
    const paths = {
      events: '/api/health',
      registrations: '/api/events/e1/categories',
      identity: '/api/me',
      sponsors: '/api/events/e1/sponsors',
      docs: '/api/openapi.json',
    };
    for (const [name, created] of Object.entries(apps)) {
      const response = await created.request(paths[name as keyof typeof paths]);
      expect([name, response.status]).toEqual([name, 403]);
    }
    const docs = await apps.docs.request('/api/openapi.json', { headers: { 'x-origin-verify': SECRET } });
    expect(docs.status).toBe(200);
  });
});
