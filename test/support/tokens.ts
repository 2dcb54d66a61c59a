/** A test token issuer: an RS256 key, its JWKS, and access tokens shaped like Cognito's. */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { createTokenVerifier } from '../../functions/core/auth.ts';

export const TEST_ISSUER = 'https://issuer.test/pool';
export const TEST_CLIENT = 'site-client';
export const TEST_AUDIENCE = 'urn:conference:api';

export async function testIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  const verifyToken = createTokenVerifier({
    issuer: TEST_ISSUER,
    clientIds: [TEST_CLIENT],
    audience: TEST_AUDIENCE,
    keys,
  });

  async function sign(
    claims: { sub: string; email?: string; groups?: string[] } & JWTPayload,
    options: { key?: CryptoKey; expiresIn?: string | number; issuer?: string; audience?: string } = {},
  ) {
    const { sub, email, groups = [], ...rest } = claims;
    return new SignJWT({ token_use: 'access', client_id: TEST_CLIENT, email, 'cognito:groups': groups, ...rest })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject(sub)
      .setIssuer(options.issuer ?? TEST_ISSUER)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? privateKey);
  }
  return { verifyToken, sign };
}
