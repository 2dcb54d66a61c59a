/**
 * Who is asking. Bearer access tokens are verified against the issuer's JWKS with jose, the
 * same code for Cognito in AWS and the local OpenID provider: signature (RS256 only),
 * issuer, expiry, token use, client id and, when configured, audience. Several issuers may
 * be trusted (each with its own keys); AWS configures one, the local twin one per host name
 * it answers. Roles come from the groups claim. Each route contract states its rule in one
 * line, as route middleware (`requireRoleFirst`, `requireSponsorAccessFirst`, …) that runs
 * before the request is validated: who you are is settled before what you sent is read.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';

export const ROLES = ['organiser', 'staff'] as const;
export type Role = (typeof ROLES)[number];
const roleOfGroup: Record<string, Role> = { organisers: 'organiser', staff: 'staff' };

export type Principal = { sub: string; email: string | undefined; roles: Role[] };

export type TokenVerifierConfig = {
  /** The trusted issuer, or several: a token must name one of them in `iss` and carry its signature. */
  issuer: string | readonly string[];
  clientIds: string[];
  audience?: string;
  /** Key source for every issuer; defaults to each issuer's /.well-known/jwks.json (Cognito's path). */
  keys?: JWTVerifyGetKey;
};

export type TokenVerifier = (token: string) => Promise<Principal>;

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

export function createTokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  const issuers = typeof config.issuer === 'string' ? [config.issuer] : [...config.issuer];
  if (issuers.length === 0) throw new Error('A token verifier needs at least one issuer');
  // jose is loaded with the first token (most requests carry none: public reads, sign-ups);
  // the key sets, made once then, keep their cache of fetched keys.
  let ready: Promise<{ jose: typeof import('jose'); keysOf: Map<string, JWTVerifyGetKey> }> | undefined;
  const load = () =>
    (ready ??= import('jose').then((jose) => ({
      jose,
      keysOf: new Map(
        issuers.map((issuer) => [
          issuer,
          config.keys ?? jose.createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)),
        ]),
      ),
    })));
  return async (token) => {
    const { jose, keysOf } = await load();
    const { decodeJwt, jwtVerify } = jose;
    // The keys are those of the issuer the token names, and only of a trusted one; the
    // signature check below then proves that issuer really issued it.
    const keys = keysOf.get(String(decodeJwt(token).iss));
    if (!keys) throw new InvalidTokenError('issued by an issuer that is not trusted');
    const { payload } = await jwtVerify(token, keys, {
      issuer: issuers,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'sub'],
      ...(config.audience ? { audience: config.audience } : {}),
    });
    if (payload.token_use !== 'access') throw new InvalidTokenError('not an access token');
    if (typeof payload.client_id !== 'string' || !config.clientIds.includes(payload.client_id)) {
      throw new InvalidTokenError('issued to another client');
    }
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
    const roles = ROLES.filter((role) => groups.some((g) => roleOfGroup[String(g)] === role));
    return {
      sub: String(payload.sub),
      email: typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined,
      roles,
    };
  };
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Reads the verifier settings from the environment (a missing issuer fails at cold start). */
export function tokenVerifierFromEnv(env: Record<string, string | undefined> = process.env): TokenVerifier {
  const issuers = list(env.OIDC_ISSUER);
  const clientIds = list(env.OIDC_CLIENT_IDS);
  if (issuers.length === 0 || clientIds.length === 0) {
    throw new Error('Missing environment variable OIDC_ISSUER or OIDC_CLIENT_IDS');
  }
  return createTokenVerifier({ issuer: issuers, clientIds, audience: env.OIDC_AUDIENCE || undefined });
}

export type MembershipLookup = (sub: string) => Promise<string[]>;

export type AuthEnv = {
  Variables: {
    verifyToken: TokenVerifier;
    /** Which sponsors a person may edit, for apps whose routes check sponsor access. */
    sponsorIdsOf: MembershipLookup | undefined;
    principal: Principal | undefined;
  };
};

/** Makes the verifier (and the membership lookup) available to routes; nothing is verified until a route asks. */
export function authentication(
  verifyToken: TokenVerifier,
  sponsorIdsOf?: MembershipLookup,
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('verifyToken', verifyToken);
    c.set('sponsorIdsOf', sponsorIdsOf);
    await next();
  };
}

const unauthenticated = (description: string) => new UnauthenticatedError(description);

/** The signed-in caller, or a 401 problem. */
export async function requirePrincipal(c: Context<AuthEnv>): Promise<Principal> {
  const cached = c.get('principal');
  if (cached) return cached;
  const header = c.req.header('authorization');
  const token = header?.match(/^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/)?.[1];
  if (!header) throw unauthenticated('Sign in: this resource needs a bearer access token.');
  if (!token) throw unauthenticated('The Authorization header does not carry a bearer access token.');
  try {
    const principal = await c.get('verifyToken')(token);
    c.set('principal', principal);
    return principal;
  } catch {
    throw unauthenticated('The access token is not valid (signature, issuer, audience, client or expiry).');
  }
}

/** The caller, who must hold one of `roles`; 401 when anonymous, 403 otherwise. */
export async function requireRole(c: Context<AuthEnv>, ...roles: Role[]): Promise<Principal> {
  const principal = await requirePrincipal(c);
  if (!principal.roles.some((r) => roles.includes(r)))
    throw new ForbiddenError(`This needs the ${roles.join(' or ')} role.`);
  return principal;
}

/** Organisers, or members of this sponsor; anyone else gets 403 whether or not it exists. */
export async function requireSponsorAccess(
  c: Context<AuthEnv>,
  sponsorId: string,
  sponsorIdsOf: MembershipLookup,
): Promise<Principal> {
  const principal = await requirePrincipal(c);
  if (principal.roles.includes('organiser')) return principal;
  if ((await sponsorIdsOf(principal.sub)).includes(sponsorId)) return principal;
  throw new ForbiddenError('You are not a member of this sponsor.');
}

/*
 * Route middleware, for the `middleware` of a route contract. `app.openapi` (core/contract.ts,
 * as @hono/zod-openapi does) registers a route as its middleware, then the validators of
 * query, path, headers and body, then the handler: a caller who may not use the route gets
 * 401 or 403 before the request is read, and never learns its schema from a 400 or 422. The
 * principal stays on the context, so a handler that needs it calls `requirePrincipal(c)`
 * without verifying the token again.
 */

/** Any signed-in caller; 401 otherwise. */
export function requirePrincipalFirst(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    await requirePrincipal(c);
    await next();
  };
}

/** A caller holding one of `roles`; 401 when anonymous, 403 otherwise. */
export function requireRoleFirst(...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    await requireRole(c, ...roles);
    await next();
  };
}

/**
 * Organisers, or members of the sponsor the path names (`param`, unvalidated: an id nobody
 * is a member of is refused like any other); 403 whether or not the sponsor exists. The app
 * must be created with a membership lookup.
 */
export function requireSponsorAccessFirst(param = 'sponsorId'): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const sponsorIdsOf = c.get('sponsorIdsOf');
    if (!sponsorIdsOf) throw new Error('requireSponsorAccessFirst needs createApp({ sponsorIdsOf })');
    await requireSponsorAccess(c, c.req.param(param) ?? '', sponsorIdsOf);
    await next();
  };
}
