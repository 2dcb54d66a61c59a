/** The portal island: sign-in state, the right place for each role, and the sponsor's forms. */

import { fill } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import type { Language } from '../lib/api-types.ts';
import { dataJson, el, find, statusMessage } from './dom.ts';
import type { PortalConfig } from './portal/types.ts';
import { signOutButton, whenSignedIn } from './signed-in.ts';

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

  await whenSignedIn({
    text,
    say,
    showSignIn: (button) => body.replaceChildren(button),
    run: async (me) => {
      const staffRole = me.roles.length > 0;
      // Each person lands where their work is.
      if (staffRole && me.sponsorIds.length === 0) return location.replace(config.console);

      // "Sign in to manage…" has done its work.
      find(root, '#workspace-intro').hidden = true;
      const roles = staffRole ? fill(text.rolesSuffix, { roles: me.roles.map((r) => text.roles[r]).join(', ') }) : '';
      const who = el('p', { id: 'signed-in-as' }, fill(text.signedInAs, { who: me.email ?? me.sub }) + roles);
      body.replaceChildren(el('div', {}, who, signOutButton(text.signOut, config.home)));

      if (me.sponsorIds.length === 0) return say(text.noAccess, true);
      // The portal's code loads only once someone with a sponsor is signed in.
      const { portal } = await import('./portal/index.ts');
      body.append(...(await portal(me.sponsorIds, config.sponsors)));
    },
  });
}
