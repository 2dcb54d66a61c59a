/** The portal and console island: sign-in state, the right place for each role, and the forms. */

import { fill } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import type { Language, Me, Member, PublicSponsor } from '../lib/api-types.ts';
import { api, completeSignIn, isSignedIn, SessionExpired, signIn, signOut } from '../lib/session.ts';
import { categoriesPanel, checkInPanel, dashboardPanel, registrationsPanel } from './console-registrations.ts';
import { dataJson, el, find, type Say, statusMessage } from './dom.ts';
import type { PortalConfig } from './portal/types.ts';

type Text = UiStrings['workspace'];

/** What Workspace.astro renders into data-config: the page's language, paths and texts. */
export type WorkspaceConfig = {
  kind: 'portal' | 'console';
  lang: Language;
  eventId: string;
  portal: string;
  console: string;
  home: string;
  text: Text;
  consoleText: UiStrings['console'];
  /** The sponsor portal's texts and settings (portal pages only). */
  sponsors?: PortalConfig;
};

function field(id: string, label: string, control: HTMLElement) {
  control.id = id;
  return el('div', {}, el('label', { for: id }, label), control);
}

const problemDetail = async (response: Response) =>
  ((await response.json().catch(() => ({}))) as { detail?: string }).detail;

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
    if (config.kind === 'console' && !staffRole && me.sponsorIds.length > 0) return location.replace(config.portal);
    if (config.kind === 'portal' && staffRole && me.sponsorIds.length === 0) return location.replace(config.console);

    const signOutButton = el('button', { type: 'button' }, text.signOut);
    signOutButton.addEventListener('click', () => void signOut(new URL(config.home, location.origin).href));
    const roles = staffRole ? fill(text.rolesSuffix, { roles: me.roles.map((r) => text.roles[r]).join(', ') }) : '';
    const who = el('p', { id: 'signed-in-as' }, fill(text.signedInAs, { who: me.email ?? me.sub }) + roles);
    body.replaceChildren(el('div', {}, who, signOutButton));

    if (config.kind === 'portal') {
      if (me.sponsorIds.length === 0) return say(text.noAccess, true);
      if (!config.sponsors) throw new Error('The portal page has no sponsor texts.');
      // The portal's code loads only on the portal.
      const { portal } = await import('./portal/index.ts');
      body.append(...(await portal(me.sponsorIds, config.sponsors)));
    } else {
      if (!staffRole) return say(text.noAccess, true);
      const panels = { eventId: config.eventId, lang: config.lang, text: config.consoleText, say };
      body.append(checkInPanel(panels));
      if (me.roles.includes('organiser')) {
        body.append(
          await dashboardPanel(panels),
          await registrationsPanel(panels),
          await categoriesPanel(panels),
          await membersPanel(config.eventId, text, say),
        );
      }
    }
  } catch (error) {
    if (error instanceof SessionExpired) {
      say(text.expired, true);
      return signInButton();
    }
    say(text.failed, true);
  }
}

export async function membersPanel(eventId: string, text: Text, say: Say): Promise<HTMLElement> {
  const sponsors = ((await (await api(`/api/events/${eventId}/sponsors`)).json()) as { items: PublicSponsor[] }).items;
  const select = el('select', {}, ...sponsors.map((s) => el('option', { value: s.sponsorId }, s.name)));
  const email = el('input', { type: 'email', required: '', autocomplete: 'off' });
  const list = el('ul', { id: 'members' });
  const refresh = async () => {
    const members = ((await (await api(`/api/sponsors/${select.value}/members`)).json()) as { items: Member[] }).items;
    list.replaceChildren(
      ...members.map((m) => {
        const remove = el(
          'button',
          {
            type: 'button',
            class: 'button--danger button--small',
            'aria-label': fill(text.removeMember, { email: m.email }),
          },
          text.remove,
        );
        remove.addEventListener(
          'click',
          () => void api(`/api/sponsors/${select.value}/members/${m.memberId}`, { method: 'DELETE' }).then(refresh),
        );
        return el('li', {}, `${m.email} `, remove);
      }),
    );
  };
  const form = el(
    'form',
    { 'aria-labelledby': 'invite-heading' },
    field('invite-sponsor', text.sponsor, select),
    field('invite-email', text.email, email),
    el('div', {}, el('button', { type: 'submit' }, text.inviteButton)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void api(`/api/sponsors/${select.value}/members`, {
      method: 'POST',
      body: JSON.stringify({ email: email.value }),
      headers: { 'content-type': 'application/json' },
    }).then(async (response) => {
      if (response.ok) {
        say(fill(text.invited, { email: email.value }));
        email.value = '';
        await refresh();
      } else say((await problemDetail(response)) ?? text.failed, true);
    });
  });
  select.addEventListener('change', () => void refresh());
  await refresh();
  return el('section', {}, el('h2', { id: 'invite-heading' }, text.invite), form, el('h3', {}, text.members), list);
}
