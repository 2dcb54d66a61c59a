import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../functions/core/errors.ts';
import { baseApp } from '../support/apps.ts';

function app() {
  const created = baseApp({ allowedOrigins: ['https://itconf.example.org'] });
  created.get('/api/thing', (c) => c.json({ ok: true }));
  created.post('/api/limited', () => {
    throw new RateLimitedError('At most 3 per 60 seconds; try again later.', 42);
  });
  return created;
}

describe('baseline protections', () => {
  it('allows cross-origin calls from the site only', async () => {
    const allowed = await app().request('/api/thing', { headers: { origin: 'https://itconf.example.org' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://itconf.example.org');
    const other = await app().request('/api/thing', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await app().request('/api/thing', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://itconf.example.org',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'Authorization,Content-Type,If-Match,If-None-Match,Idempotency-Key,X-Search',
    );
  });

  it('sends security headers on API responses', async () => {
    const response = await app().request('/api/thing');
    expect([
      response.headers.get('x-content-type-options'),
      response.headers.get('strict-transport-security'),
      response.headers.get('x-frame-options'),
      response.headers.get('referrer-policy'),
    ]).toEqual(['nosniff', 'max-age=15552000; includeSubDomains', 'SAMEORIGIN', 'no-referrer']);
  });

  it('answers a rate-limited call with 429, Retry-After and a problem', async () => {
    const response = await app().request('/api/limited', { method: 'POST' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(await response.json()).toEqual({
      type: '/problems/rate-limited',
      title: 'Too Many Requests',
      status: 429,
      detail: 'At most 3 per 60 seconds; try again later.',
    });
  });
});
