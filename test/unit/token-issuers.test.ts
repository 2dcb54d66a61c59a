/**
 * Several trusted issuers (OIDC_ISSUER="a,b"), each with its own JWKS at its own
 * /.well-known/jwks.json: a token is checked with the keys of the issuer it names, and only
 * a trusted issuer's keys are ever fetched.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TokenVerifier, tokenVerifierFromEnv } from '../../functions/core/auth.ts';

type Issuer = { url: string; privateKey: CryptoKey; jwks: object };

let server: Server;
let origin: string;
const fetched: string[] = [];
const issuers: Record<'a' | 'b' | 'c', Issuer> = {} as never;

async function makeIssuer(name: string): Promise<Issuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: `${name}-key`, alg: 'RS256', use: 'sig' };
  return { url: `${origin}/${name}`, privateKey, jwks: { keys: [jwk] } };
}

const sign = (issuer: Issuer, options: { key?: CryptoKey; kid?: string; claims?: JWTPayload } = {}) =>
  new SignJWT({ token_use: 'access', client_id: 'site-client', 'cognito:groups': ['staff'], ...options.claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? `${issuer.url.split('/').pop()}-key` })
    .setSubject('someone')
    .setIssuer(issuer.url)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(options.key ?? issuer.privateKey);

beforeAll(async () => {
  server = createServer((req, res) => {
    fetched.push(req.url ?? '');
    const issuer = Object.values(issuers).find((i) => req.url === `${new URL(i.url).pathname}/.well-known/jwks.json`);
    res.writeHead(issuer ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(issuer?.jwks ?? {}));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const name of ['a', 'b', 'c'] as const) issuers[name] = await makeIssuer(name);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('a verifier trusting several issuers', () => {
  let verify: TokenVerifier;
  beforeAll(() => {
    verify = tokenVerifierFromEnv({
      OIDC_ISSUER: `${issuers.a.url}, ${issuers.b.url}`,
      OIDC_CLIENT_IDS: 'site-client',
    });
  });

  it('accepts tokens of each trusted issuer, checked with that issuer’s keys', async () => {
    await expect(verify(await sign(issuers.a))).resolves.toMatchObject({ sub: 'someone', roles: ['staff'] });
    await expect(verify(await sign(issuers.b))).resolves.toMatchObject({ sub: 'someone', roles: ['staff'] });
    expect(fetched).toEqual(expect.arrayContaining(['/a/.well-known/jwks.json', '/b/.well-known/jwks.json']));
  });

  it('refuses a token naming one trusted issuer but signed with the other’s key', async () => {
    await expect(verify(await sign(issuers.a, { key: issuers.b.privateKey, kid: 'b-key' }))).rejects.toThrow();
    await expect(verify(await sign(issuers.a, { key: issuers.b.privateKey, kid: 'a-key' }))).rejects.toThrow();
  });

  it('refuses an untrusted issuer without fetching its keys', async () => {
    await expect(verify(await sign(issuers.c))).rejects.toThrow('not trusted');
    expect(fetched).not.toContain('/c/.well-known/jwks.json');
  });

  it('refuses what is not a JWT at all', async () => {
    await expect(verify('not-a-token')).rejects.toThrow();
  });

  it('still needs at least one issuer and one client id', () => {
    expect(() => tokenVerifierFromEnv({ OIDC_ISSUER: ' , ', OIDC_CLIENT_IDS: 'site-client' })).toThrow(
      'Missing environment variable OIDC_ISSUER or OIDC_CLIENT_IDS',
    );
    expect(() => tokenVerifierFromEnv({ OIDC_ISSUER: issuers.a.url })).toThrow();
  });
});
