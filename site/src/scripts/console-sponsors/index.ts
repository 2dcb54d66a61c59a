/**
 * The organisers' sponsor page (/console/sponsors/): sign-in as on the console (same session,
 * same provider), then tiers, sponsors, invitations and the review queue.
 */

import { fill } from '../../i18n/format.ts';
import { revealConsoleNav } from '../console/nav.ts';
import { dataJson, el, find, statusMessage } from '../dom.ts';
import { signOutButton, whenSignedIn } from '../signed-in.ts';
import { reviewPanel } from './review.ts';
import { sponsorsPanel } from './sponsors.ts';
import { tiersPanel } from './tiers.ts';
import type { ConsoleSponsorsConfig, PanelContext } from './types.ts';

export async function start(root: HTMLElement) {
  const config = dataJson<ConsoleSponsorsConfig>(root, 'config');
  const w = config.workspace;
  const body = find(root, '#sponsors-body');
  const say = statusMessage(find(root, '#sponsors-status'));
  await whenSignedIn({
    text: w,
    say,
    showSignIn: (button) => body.replaceChildren(button),
    run: async (me) => {
      // Check-in staff who land here keep the way to their desk.
      revealConsoleNav(me.roles);
      if (!me.roles.includes('organiser')) {
        if (me.sponsorIds.length > 0) return location.replace(config.portal);
        return say(config.text.noAccess, true);
      }
      const who = el('p', { id: 'signed-in-as' }, fill(w.signedInAs, { who: me.email ?? me.sub }));
      body.replaceChildren(
        el('div', { class: 'who' }, who, signOutButton(w.signOut, config.home, { class: 'secondary' })),
      );
      root.querySelector('.intro')?.setAttribute('hidden', '');

      const listeners: (() => void)[] = [];
      const context: PanelContext = {
        ...config,
        changed: () => {
          for (const listener of listeners) listener();
        },
      };
      const review = await reviewPanel(context);
      const sponsors = await sponsorsPanel(context);
      const tiers = await tiersPanel(context);
      listeners.push(review.refresh, sponsors.refresh);
      body.append(review.node, sponsors.node, tiers.node);
    },
  });
}
