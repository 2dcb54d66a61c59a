/**
 * The header's sign-in area says whether this tab is signed in. The tokens live in this tab's
 * sessionStorage (lib/session.ts), so every page can tell without a request; without
 * JavaScript the area keeps its static "Sign in".
 */
import { TOKENS } from '../lib/session-key.ts';

export function showSessionInHeader(signedIn = sessionStorage.getItem(TOKENS) !== null): void {
  const summary = document.querySelector<HTMLElement>('.signin summary');
  const label = signedIn ? summary?.dataset.signedIn : summary?.dataset.signedOut;
  if (summary && label) summary.textContent = label;
}
