import { generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityApp } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';

const organiser = { sub: 'organiser-sub', email: 'organiser@example.org', groups: ['organisers'] };

describe('bearer token verification', () => {
  let issuer: Awaited<ReturnType<typeof testIssuer>>;
  let app: ReturnType<typeof identityApp>;
  const me = (token: string) => app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    issuer = await testIssuer();
    app = identityApp({ verifyToken: issuer.verifyToken, sponsorIdsOf: async () => ['northwind-trade'] });
  });

  it('accepts a valid access token and reads roles from the groups claim', async () => {
    const response = await me(await issuer.sign(organiser));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: 'organiser-sub',
      email: 'organiser@example.org',
      roles: ['organiser'],
      sponsorIds: ['northwind-trade'],
    });
  });

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    [
      'alg none',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...organiser, iss: 'https://issuer.test/pool', exp: 9999999999, token_use: 'access', client_id: 'site-client' })}.`,
    ],
    [
      'a key the issuer does not hold',
      async () => issuer.sign(organiser, { key: (await generateKeyPair('RS256')).privateKey }),
    ],
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await issuer.sign({ sub: 'sponsor-sub', groups: [] })).split('.');
        return `${header}.${b64({ sub: 'sponsor-sub', 'cognito:groups': ['organisers'], token_use: 'access', client_id: 'site-client', iss: 'https://issuer.test/pool', aud: 'urn:conference:api', exp: 9999999999 })}.${signature}`;
      },
    ],
    ['an expired token', async () => issuer.sign(organiser, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['another issuer', async () => issuer.sign(organiser, { issuer: 'https://evil.test/pool' })],
    ['another audience', async () => issuer.sign(organiser, { audience: 'urn:other:api' })],
    ['another client', async () => issuer.sign({ ...organiser, client_id: 'other-client' })],
    ['an ID token', async () => issuer.sign({ ...organiser, token_use: 'id' })],
    ['an opaque manage token', async () => 'k3Jd8s0vQ2m9xPq4Lw7eT1yZ5aB6cN8dF0gH2jK4lM6'],
  ])('answers 401 to %s', async (name, token) => {
    const response = await me(await token());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="conference"');
    expect(await response.json()).toEqual({
      type: '/problems/unauthenticated',
      title: 'Unauthorized',
      status: 401,
      detail:
        name === 'an opaque manage token'
          ? 'The Authorization header does not carry a bearer access token.'
          : 'The access token is not valid (signature, issuer, audience, client or expiry).',
    });
  });

  it('answers 401 without an Authorization header', async () => {
    const response = await app.request('/api/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      type: '/problems/unauthenticated',
      title: 'Unauthorized',
      status: 401,
      detail: 'Sign in: this resource needs a bearer access token.',
    });
  });
});
