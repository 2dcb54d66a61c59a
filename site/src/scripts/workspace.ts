/** The portal island: sign-in state, the right place for each role, and the sponsor's forms. */

import { fill } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import type { Language, Me } from '../lib/api-types.ts';
import { api, completeSignIn, isSignedIn, SessionExpired, signIn, signOut } from '../lib/session.ts';
import { dataJson, el, find, statusMessage } from './dom.ts';
import type { PortalConfig } from './portal/types.ts';

type Text = UiStrings['workspace'];

/** What Workspace.astro renders into data-config: the page's language, paths and texts. */
export type WorkspaceConfig = {
  lang: Language;
  eventId: string;
  portal: string;
  console: string;
  home: string;
  text: Text;
  /** The sponsor portal's texts and settings. */
  sponsors: PortalConfig;
};

export async function start(root: HTMLElement) {
  const config = dataJson<WorkspaceConfig>(root, 'config');
  const text = config.text;
  const body = find(root, '#workspace-body');
  const say = statusMessage(find(root, '#workspace-status'));
  const signInButton = () => {
    const button = el('button', { type: 'button' }, text.signIn);
    button.addEventListener('click', () => void signIn());
    body.replaceChildren(button);
  };

  try {
    await completeSignIn();
    if (!isSignedIn()) return signInButton();
    const me = (await (await api('/api/me')).json()) as Me;
    const staffRole = me.roles.length > 0;
    // Each person lands where their work is.
    if (staffRole && me.sponsorIds.length === 0) return location.replace(config.console);

    const signOutButton = el('button', { type: 'button' }, text.signOut);
    signOutButton.addEventListener('click', () => void signOut(new URL(config.home, location.origin).href));
    const roles = staffRole ? fill(text.rolesSuffix, { roles: me.roles.map((r) => text.roles[r]).join(', ') }) : '';
    const who = el('p', { id: 'signed-in-as' }, fill(text.signedInAs, { who: me.email ?? me.sub }) + roles);
    body.replaceChildren(el('div', {}, who, signOutButton));

    if (me.sponsorIds.length === 0) return say(text.noAccess, true);
    // The portal's code loads only once someone with a sponsor is signed in.
    const { portal } = await import('./portal/index.ts');
    body.append(...(await portal(me.sponsorIds, config.sponsors)));
  } catch (error) {
    if (error instanceof SessionExpired) {
      say(text.expired, true);
      return signInButton();
    }
    say(text.failed, true);
  }
}
