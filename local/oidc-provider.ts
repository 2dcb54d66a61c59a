/**
 * A real OpenID Connect provider (the certified `oidc-provider`) standing in for Cognito in
 * the local twin: authorization code + PKCE for the site, JWT access tokens carrying the
 * claims our API reads from Cognito's (`token_use`, `client_id`, `cognito:groups`, `email`),
 * and its keys published at the same JWKS path Cognito uses.
 *
 * The site finds its issuer at `/oidc` on the page's own origin, and an issuer must equal
 * the URL it is discovered at, so each origin the stack answers on (localhost, 127.0.0.1…)
 * has its own provider, issuer `<origin>/oidc`, sharing keys and accounts. The API trusts
 * all of them (OIDC_ISSUER may list several issuers).
 */

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { LocalAccounts } from './accounts.ts';
import { handleInteraction } from './oidc-interactions.ts';

export const LOCAL_CLIENT_ID = 'conference-site';
export const API_RESOURCE = 'urn:conference:api';
export const API_SCOPE = 'api';
export const OIDC_PATH = '/oidc';

async function signingKeys(dir: string | undefined): Promise<{ jwks: JWK[]; cookieKeys: string[] }> {
  const file = dir ? join(dir, 'keys.json') : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { jwks: JWK[]; cookieKeys: string[] };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };
  const keys = { jwks: [jwk], cookieKeys: [randomBytes(32).toString('hex')] };
  if (file && dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}

export type LocalOidc = {
  /** One issuer per origin, in the order of `origins`. */
  issuers: string[];
  /** Serves a request addressed to `origin` (one of `origins`) with that origin's provider. */
  handle: (req: IncomingMessage, res: ServerResponse, origin: string) => void;
};

export async function createLocalOidc(options: {
  origins: string[];
  accounts: LocalAccounts;
  keysDir?: string;
}): Promise<LocalOidc> {
  const { jwks, cookieKeys } = await signingKeys(options.keysDir);
  const providers = new Map(
    options.origins.map((origin) => [origin, providerFor(origin, options.accounts, jwks, cookieKeys)]),
  );
  return {
    issuers: options.origins.map((origin) => `${origin}${OIDC_PATH}`),
    handle: (req, res, origin) => {
      const found = providers.get(origin);
      if (!found) {
        res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No sign-in for this origin.\n');
        return;
      }
      const { provider, callback } = found;
      void handleInteraction(provider, options.accounts, req, res).then((handled) => {
        if (handled) return;
        // Mounted like Express would: the provider finds its mount path from originalUrl.
        const original = req.url!;
        Object.assign(req, { originalUrl: original, url: original.slice(OIDC_PATH.length) || '/' });
        callback(req, res);
      });
    },
  };
}

function providerFor(origin: string, accounts: LocalAccounts, jwks: JWK[], cookieKeys: string[]) {
  const issuer = `${origin}${OIDC_PATH}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [
          `${origin}/portal/`,
          `${origin}/console/`,
          `${origin}/fr/portal/`,
          `${origin}/fr/console/`,
          `${origin}/console/sponsors/`,
          `${origin}/fr/console/sponsors/`,
          // The console's agenda editor signs in on its own page.
          `${origin}/console/agenda/`,
          `${origin}/fr/console/agenda/`,
        ],
        post_logout_redirect_uris: [`${origin}/`, `${origin}/fr/`],
      },
    ],
    jwks: { keys: jwks },
    cookies: { keys: cookieKeys },
    routes: { jwks: '/.well-known/jwks.json' },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email', API_SCOPE],
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign out · Customs IT Conference (local)</title></head>
<body><main><h1>Sign out of the conference platform?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></main></body></html>`;
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: API_SCOPE,
          audience: API_RESOURCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.bySub(sub);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        claims: () => ({ sub: account.sub, email: account.email, email_verified: true }),
      };
    },
    // The same claims a Cognito access token carries (plus email, added there by a trigger).
    extraTokenClaims: (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = accounts.bySub(token.accountId);
      return account
        ? { token_use: 'access', email: account.email, username: account.email, 'cognito:groups': account.groups }
        : undefined;
    },
    // First-party client: consent is implied by signing in.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const oidc = ctx.oidc;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(`openid email ${API_SCOPE}`);
      grant.addOIDCClaims(['email', 'email_verified']);
      grant.addResourceScope(API_RESOURCE, API_SCOPE);
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p>${String(out.error_description ?? out.error).replace(/[<>&]/g, '')}</p><p><a href="/">Home</a></p></main></body></html>`;
    },
  };

  const provider = new Provider(issuer, configuration);
  return { provider, callback: provider.callback() };
}
