/**
 * The organisers' sponsor page (/console/sponsors/): sign-in as on the console (same session,
 * same provider), then tiers, sponsors, invitations and the review queue.
 */
import { fill } from '../../i18n/format.ts';
import type { Me } from '../../lib/api-types.ts';
import { api, completeSignIn, isSignedIn, SessionExpired, signIn, signOut } from '../../lib/session.ts';
import { dataJson, el, find, statusMessage } from '../dom.ts';
import { reviewPanel } from './review.ts';
import { sponsorsPanel } from './sponsors.ts';
import { tiersPanel } from './tiers.ts';
import type { ConsoleSponsorsConfig, PanelContext } from './types.ts';

export async function start(root: HTMLElement) {
  const config = dataJson<ConsoleSponsorsConfig>(root, 'config');
  const w = config.workspace;
  const body = find(root, '#sponsors-body');
  const say = statusMessage(find(root, '#sponsors-status'));
  const signInButton = () => {
    const button = el('button', { type: 'button' }, w.signIn);
    button.addEventListener('click', () => void signIn());
    body.replaceChildren(button);
  };
  try {
    await completeSignIn();
    if (!isSignedIn()) return signInButton();
    const me = (await (await api('/api/me')).json()) as Me;
    if (!me.roles.includes('organiser')) {
      if (me.sponsorIds.length > 0) return location.replace(config.portal);
      return say(config.text.noAccess, true);
    }
    const signOutButton = el('button', { type: 'button', class: 'secondary' }, w.signOut);
    signOutButton.addEventListener('click', () => void signOut(new URL(config.home, location.origin).href));
    const who = el('p', { id: 'signed-in-as' }, fill(w.signedInAs, { who: me.email ?? me.sub }));
    body.replaceChildren(el('div', { class: 'who' }, who, signOutButton));
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
  } catch (error) {
    if (error instanceof SessionExpired) {
      say(w.expired, true);
      return signInButton();
    }
    say(w.failed, true);
  }
}
