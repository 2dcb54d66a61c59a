/**
 * The header's sign-in area says whether this tab is signed in, and as whom. The tokens live
 * in this tab's sessionStorage (lib/session.ts), so every page can tell without a request;
 * without JavaScript the area keeps its static "Sign in" and both areas' links. Signed in,
 * it names the person, lists only the areas they have, and offers to sign out; the session
 * code (the OpenID client) loads only when they do.
 */
import { TOKENS, WHO, type Who } from '../lib/session-key.ts';

function read<T>(key: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** Tokens that still work, or can be refreshed; expired ones end the session at its next call. */
function usableSession(): boolean {
  const tokens = read<{ expiresAt?: number; refreshToken?: string }>(TOKENS);
  return tokens !== null && (Boolean(tokens.refreshToken) || Number(tokens.expiresAt) > Date.now());
}

/** Who is signed in, when this tab has a well-formed answer of GET /api/me. */
function knownWho(): Who | null {
  const who = read<Partial<Who>>(WHO);
  if (!who || !Array.isArray(who.roles) || !Array.isArray(who.sponsorIds)) return null;
  return { email: typeof who.email === 'string' ? who.email : null, roles: who.roles, sponsorIds: who.sponsorIds };
}

/**
 * Which areas to list: both while it is not known who is signed in. The portal is for
 * sponsors' members and for anyone not on the staff (an invitation may be waiting); the
 * console for organisers and staff.
 */
function areas(who: Who | null): { portal: boolean; console: boolean } {
  if (!who) return { portal: true, console: true };
  const staff = who.roles.length > 0;
  return { portal: who.sponsorIds.length > 0 || !staff, console: staff };
}

export function showSessionInHeader(signedIn = usableSession()): void {
  const area = document.querySelector<HTMLElement>('.signin');
  const summary = area?.querySelector<HTMLElement>('summary');
  if (!area || !summary) return;
  const label = signedIn ? summary.dataset.signedIn : summary.dataset.signedOut;
  if (label) summary.textContent = label;

  const who = signedIn ? knownWho() : null;
  const line = area.querySelector<HTMLElement>('.signin__who');
  if (line) {
    const email = who?.email ?? '';
    // A function, so that "$&" in an address stays as typed.
    line.textContent = email ? (line.dataset.template ?? '').replace('{who}', () => email) : '';
    line.hidden = !who?.email;
  }
  const shown = areas(who);
  for (const item of area.querySelectorAll<HTMLElement>('[data-area]')) {
    item.hidden = !shown[item.dataset.area as keyof typeof shown];
  }
  const out = area.querySelector<HTMLElement>('.signin__out');
  if (out) out.hidden = !signedIn;
}

/** Wires the header's sign-out button once per page. */
export function offerSignOutInHeader(): void {
  const button = document.querySelector<HTMLButtonElement>('.signin__out button');
  button?.addEventListener('click', async () => {
    const { signOut } = await import('../lib/session.ts');
    await signOut(new URL(button.dataset.home ?? '/', location.origin).href);
  });
}

/**
 * The header's two disclosure menus (the sign-in area and the phone's site menu) close as
 * menus do: on Escape (the focus back on their button), on a click elsewhere, and when the
 * other one opens, so that their panels never lie on top of each other.
 */
export function closeHeaderMenusLikeMenus(): void {
  const menus = [...document.querySelectorAll<HTMLDetailsElement>('header details')];
  for (const menu of menus) {
    menu.addEventListener('toggle', () => {
      if (menu.open) for (const other of menus) if (other !== menu) other.open = false;
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of menus) {
      if (!menu.open) continue;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    for (const menu of menus) if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}
