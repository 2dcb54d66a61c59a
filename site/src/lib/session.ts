/**
 * The browser session of the portal and console: tokens live in sessionStorage (this tab
 * only, gone when it closes; never localStorage), are refreshed when a refresh token exists,
 * and otherwise the person is asked to sign in again. A session found expired by any call
 * (a background refresh included) leaves a note, so the next page says why the person is
 * signed out instead of only offering the sign-in button.
 */

import { showSessionInHeader } from '../scripts/header-session.ts';
import { finishSignIn, type OidcSettings, refresh, signOutUrl, startSignIn, type Tokens } from './oidc-client.ts';
import { TOKENS, WHO } from './session-key.ts';

const PENDING = 'conference:sign-in';
const EXPIRED = 'conference:expired';

export const settings: OidcSettings = {
  issuer: import.meta.env.PUBLIC_OIDC_ISSUER ?? '/oidc',
  clientId: import.meta.env.PUBLIC_OIDC_CLIENT_ID ?? 'conference-site',
  scope: import.meta.env.PUBLIC_OIDC_SCOPE ?? 'openid email api',
};

const redirectUri = () => `${location.origin}${location.pathname}`;

export class SessionExpired extends Error {}

/** Ends a session that is no longer valid, noting it for the page that shows the sign-in again. */
function expire(): never {
  sessionStorage.removeItem(TOKENS);
  sessionStorage.removeItem(WHO);
  sessionStorage.setItem(EXPIRED, '1');
  showSessionInHeader(false);
  throw new SessionExpired('Your session has expired.');
}

/** Whether a session ended by expiring since the page last said so; reading it clears the note. */
export function takeExpiredNote(): boolean {
  const expired = sessionStorage.getItem(EXPIRED) !== null;
  sessionStorage.removeItem(EXPIRED);
  return expired;
}

function saved(): Tokens | undefined {
  const raw = sessionStorage.getItem(TOKENS);
  return raw ? (JSON.parse(raw) as Tokens) : undefined;
}

/**
 * Starts a sign-in. The provider sends the person back to `callbackPath` (one of the registered
 * redirect URIs, e.g. /console/), which returns them to the page they started from.
 */
export async function signIn(callbackPath = location.pathname): Promise<void> {
  const start = await startSignIn(settings, location.origin, `${location.origin}${callbackPath}`);
  const pending = { state: start.state, codeVerifier: start.codeVerifier, returnTo: location.pathname };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(start.url.href);
}

/**
 * Completes a sign-in when the provider sent us back with a code; answers the path the
 * sign-in started from (undefined when there was nothing to complete).
 */
export async function completeSignIn(): Promise<string | undefined> {
  const url = new URL(location.href);
  if (!url.searchParams.has('code') && !url.searchParams.has('error')) return undefined;
  const pending = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri());
  if (!pending) throw new SessionExpired('The sign-in was not started here.');
  const started = JSON.parse(pending) as { state: string; codeVerifier: string; returnTo?: string };
  const tokens = await finishSignIn(settings, location.origin, url, redirectUri(), started);
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  // Another person may have signed in in this tab: the page reads who it is now.
  sessionStorage.removeItem(WHO);
  sessionStorage.removeItem(EXPIRED);
  return started.returnTo;
}

async function accessToken(): Promise<string | undefined> {
  const tokens = saved();
  if (!tokens) return undefined;
  if (tokens.expiresAt - 30_000 > Date.now()) return tokens.accessToken;
  if (tokens.refreshToken) {
    try {
      const renewed = await refresh(settings, location.origin, tokens.refreshToken);
      sessionStorage.setItem(TOKENS, JSON.stringify(renewed));
      return renewed.accessToken;
    } catch {
      // fall through: the person signs in again
    }
  }
  return expire();
}

export function isSignedIn(): boolean {
  return saved() !== undefined;
}

/** Calls the API with the bearer token; a 401 ends the session. */
export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await accessToken();
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401 && token) expire();
  return response;
}

export async function signOut(returnTo: string): Promise<void> {
  const idToken = saved()?.idToken;
  sessionStorage.removeItem(TOKENS);
  sessionStorage.removeItem(WHO);
  sessionStorage.removeItem(EXPIRED);
  const url = await signOutUrl(settings, location.origin, idToken, returnTo).catch(() => undefined);
  location.assign(url?.href ?? returnTo);
}
