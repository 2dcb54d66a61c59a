/**
 * OpenID Connect authorization code + PKCE with oauth4webapi, shared by the site's sign-in
 * islands and the `dev:token` script. The issuer may be a path (`/oidc`), resolved against
 * the page's origin, so one build serves any local port.
 */
import * as oauth from 'oauth4webapi';

export type OidcSettings = { issuer: string; clientId: string; scope: string };

export type SignInStart = { url: URL; state: string; codeVerifier: string };

export type Tokens = { accessToken: string; idToken?: string; refreshToken?: string; expiresAt: number };

function isLoopback(url: URL) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export async function discover(
  settings: OidcSettings,
  origin: string,
): Promise<{ as: oauth.AuthorizationServer; client: oauth.Client; insecure: boolean }> {
  const issuer = new URL(settings.issuer, origin);
  // Plain HTTP is only acceptable on the loopback interface (the local stack).
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
  const response = await oauth.discoveryRequest(issuer, { [oauth.allowInsecureRequests]: insecure });
  const as = await oauth.processDiscoveryResponse(issuer, response);
  return { as, client: { client_id: settings.clientId }, insecure };
}

export async function startSignIn(
  settings: OidcSettings,
  origin: string,
  redirectUri: string,
  loginHint?: string,
): Promise<SignInStart> {
  const { as } = await discover(settings, origin);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  if (!as.authorization_endpoint) throw new Error(`${as.issuer} publishes no authorization_endpoint.`);
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (loginHint) url.searchParams.set('login_hint', loginHint);
  return { url, state, codeVerifier };
}

export async function finishSignIn(
  settings: OidcSettings,
  origin: string,
  callback: URL,
  redirectUri: string,
  expected: { state: string; codeVerifier: string },
): Promise<Tokens> {
  const { as, client, insecure } = await discover(settings, origin);
  const params = oauth.validateAuthResponse(as, client, callback, expected.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri,
    expected.codeVerifier,
    {
      [oauth.allowInsecureRequests]: insecure,
    },
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  return {
    accessToken: result.access_token,
    idToken: result.id_token,
    refreshToken: result.refresh_token,
    expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
  };
}

export async function refresh(settings: OidcSettings, origin: string, refreshToken: string): Promise<Tokens> {
  const { as, client, insecure } = await discover(settings, origin);
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, {
    [oauth.allowInsecureRequests]: insecure,
  });
  const result = await oauth.processRefreshTokenResponse(as, client, response);
  return {
    accessToken: result.access_token,
    idToken: result.id_token,
    refreshToken: result.refresh_token ?? refreshToken,
    expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
  };
}

export async function signOutUrl(
  settings: OidcSettings,
  origin: string,
  idToken: string | undefined,
  returnTo: string,
): Promise<URL | undefined> {
  const { as } = await discover(settings, origin);
  if (!as.end_session_endpoint) return undefined;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', returnTo);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url;
}
