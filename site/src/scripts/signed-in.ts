/**
 * How every signed-in island begins (the console, its sponsors page, the agenda editor, the
 * portal), so that each treats a session the same way: finish a sign-in the provider sent
 * back, offer the sign-in button to someone not signed in, read who is signed in, and say so
 * when the session has expired (offering sign-in again) or the API failed, whatever step it
 * was in, the island's own drawing included.
 */
import type { Me } from '../lib/api-types.ts';
import { api, completeSignIn, isSignedIn, SessionExpired, signIn, signOut, takeExpiredNote } from '../lib/session.ts';
import { WHO, type Who } from '../lib/session-key.ts';
import { el, type Say } from './dom.ts';
import { showSessionInHeader } from './header-session.ts';

export type SignedInText = { signIn: string; expired: string; failed: string };

export async function whenSignedIn(options: {
  text: SignedInText;
  say: Say;
  /** Puts the sign-in button where the island shows it. */
  showSignIn: (button: HTMLButtonElement) => void;
  /** The registered page the provider returns to; this page when absent. */
  callback?: string;
  /** Given the page a sign-in started from, moves there and answers true when it is another page. */
  returnTo?: (path: string | undefined) => boolean;
  /** Draws the island for the person signed in. */
  run: (me: Me) => Promise<void> | void;
}): Promise<void> {
  const offerSignIn = () => {
    const button = el('button', { type: 'button' }, options.text.signIn);
    button.addEventListener('click', () => void signIn(options.callback));
    options.showSignIn(button);
  };
  try {
    const started = await completeSignIn();
    if (options.returnTo?.(started)) return;
    if (!isSignedIn()) {
      // Signed out because the session expired, on this page or an earlier one: say so.
      if (takeExpiredNote()) options.say(options.text.expired, true);
      return offerSignIn();
    }
    const answer = await api('/api/me');
    if (!answer.ok) throw new Error(`GET /api/me answered ${answer.status}`);
    const me = (await answer.json()) as Me;
    const who: Who = { email: me.email, roles: me.roles, sponsorIds: me.sponsorIds };
    sessionStorage.setItem(WHO, JSON.stringify(who));
    // The header looked before this page finished a sign-in the provider sent back.
    showSessionInHeader(true);
    await options.run(me);
  } catch (error) {
    if (error instanceof SessionExpired) {
      showSessionInHeader(false);
      takeExpiredNote();
      options.say(options.text.expired, true);
      return offerSignIn();
    }
    options.say(options.text.failed, true);
  }
}

/** The sign-out button: ends the session, then opens `home`. */
export function signOutButton(label: string, home: string, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button = el('button', { type: 'button', ...attrs }, label);
  button.addEventListener('click', () => void signOut(new URL(home, location.origin).href));
  return button;
}
