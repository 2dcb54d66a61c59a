/**
 * The header's sign-in area says whether this tab is signed in. The tokens live in this tab's
 * sessionStorage (lib/session.ts), so every page can tell without a request; without
 * JavaScript the area keeps its static "Sign in".
 */
import { TOKENS } from '../lib/session-key.ts';

/** Tokens that still work, or can be refreshed; expired ones end the session at its next call. */
function usableSession(): boolean {
  try {
    const tokens = JSON.parse(sessionStorage.getItem(TOKENS) ?? 'null') as {
      expiresAt?: number;
      refreshToken?: string;
    } | null;
    return tokens !== null && (Boolean(tokens.refreshToken) || Number(tokens.expiresAt) > Date.now());
  } catch {
    return false;
  }
}

export function showSessionInHeader(signedIn = usableSession()): void {
  const summary = document.querySelector<HTMLElement>('.signin summary');
  const label = signedIn ? summary?.dataset.signedIn : summary?.dataset.signedOut;
  if (summary && label) summary.textContent = label;
}
