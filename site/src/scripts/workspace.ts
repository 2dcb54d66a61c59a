/** The portal and console island: sign-in state, the right place for each role, and the forms. */
import type { t } from '../lib/i18n.ts';
import { api, completeSignIn, isSignedIn, type Me, SessionExpired, signIn, signOut } from '../lib/session.ts';
import { categoriesPanel, checkInPanel, dashboardPanel, registrationsPanel } from './console-registrations.ts';

type Text = ReturnType<typeof t>['workspace'];
type Config = {
  kind: 'portal' | 'console';
  lang: 'en' | 'fr';
  eventId: string;
  portal: string;
  console: string;
  home: string;
  text: Text;
};
type Profile = {
  sponsorId: string;
  name: string;
  description?: { en: string; fr?: string };
  website?: string;
  contacts: unknown[];
  products: unknown[];
  status: string;
  version: number;
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function field(id: string, label: string, control: HTMLElement) {
  control.id = id;
  return el('div', {}, el('label', { for: id }, label), control);
}

export async function start(root: HTMLElement) {
  const config = JSON.parse(root.dataset.config!) as Config;
  const text = config.text;
  const status = root.querySelector<HTMLElement>('#workspace-status')!;
  const body = root.querySelector<HTMLElement>('#workspace-body')!;
  const say = (message: string, error = false) => {
    status.textContent = message;
    status.className = error ? 'error' : '';
  };
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
    const who = el(
      'p',
      { id: 'signed-in-as' },
      `${text.signedInAs} ${me.email ?? me.sub}${staffRole ? ` (${me.roles.map((r) => text.roles[r]).join(', ')})` : ''}`,
    );
    body.replaceChildren(el('div', {}, who, signOutButton));

    if (config.kind === 'portal') {
      if (me.sponsorIds.length === 0) return say(text.noAccess, true);
      for (const sponsorId of me.sponsorIds) body.append(await profileEditor(sponsorId, text, say));
    } else {
      if (!staffRole) return say(text.noAccess, true);
      body.append(checkInPanel(config.eventId, say));
      if (me.roles.includes('organiser')) {
        body.append(
          await dashboardPanel(config.eventId),
          await registrationsPanel(config.eventId, say),
          await categoriesPanel(config.eventId, say),
          await membersPanel(config, text, say),
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

async function profileEditor(
  sponsorId: string,
  text: Text,
  say: (m: string, e?: boolean) => void,
): Promise<HTMLElement> {
  const response = await api(`/api/sponsors/${sponsorId}/profile`);
  let profile = (await response.json()) as Profile;
  let etag = response.headers.get('etag') ?? `"${profile.version}"`;
  const state = el('p', {}, '');
  const showState = () =>
    (state.textContent = `${text.status[profile.status as keyof Text['status']] ?? profile.status} · v${profile.version}`);
  showState();
  const en = el('textarea', { rows: '4', required: '' });
  const fr = el('textarea', { rows: '4' });
  const website = el('input', { type: 'url' });
  en.value = profile.description?.en ?? '';
  fr.value = profile.description?.fr ?? '';
  website.value = profile.website ?? '';
  const submit = el('button', { type: 'button' }, text.submit);
  const form = el(
    'form',
    { 'aria-labelledby': `sponsor-${sponsorId}` },
    field(`${sponsorId}-en`, text.descriptionEn, en),
    field(`${sponsorId}-fr`, text.descriptionFr, fr),
    field(`${sponsorId}-website`, text.website, website),
    el('div', {}, el('button', { type: 'submit' }, text.save), submit),
  );
  const send = async (path: string, init: RequestInit, done: string) => {
    const result = await api(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'if-match': etag },
    });
    if (result.status === 412) return say(text.stale, true);
    if (!result.ok) return say(((await result.json()) as { detail?: string }).detail ?? text.failed, true);
    profile = (await result.json()) as Profile;
    etag = result.headers.get('etag') ?? `"${profile.version}"`;
    showState();
    say(done);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const description = { en: en.value.trim(), ...(fr.value.trim() ? { fr: fr.value.trim() } : {}) };
    const body = {
      description,
      ...(website.value ? { website: website.value } : {}),
      contacts: profile.contacts,
      products: profile.products,
    };
    void send(
      `/api/sponsors/${sponsorId}/profile`,
      { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
      text.saved,
    );
  });
  submit.addEventListener(
    'click',
    () => void send(`/api/sponsors/${sponsorId}/profile/submit`, { method: 'POST' }, text.submitted),
  );
  return el('section', {}, el('h2', { id: `sponsor-${sponsorId}` }, profile.name), state, form);
}

async function membersPanel(config: Config, text: Text, say: (m: string, e?: boolean) => void): Promise<HTMLElement> {
  const sponsors = ((await (await api(`/api/events/${config.eventId}/sponsors`)).json()) as { items: Profile[] }).items;
  const select = el('select', {}, ...sponsors.map((s) => el('option', { value: s.sponsorId }, s.name)));
  const email = el('input', { type: 'email', required: '', autocomplete: 'off' });
  const list = el('ul', { id: 'members' });
  const refresh = async () => {
    const members = (
      (await (await api(`/api/sponsors/${select.value}/members`)).json()) as {
        items: { memberId: string; email: string }[];
      }
    ).items;
    list.replaceChildren(
      ...members.map((m) => {
        const remove = el('button', { type: 'button' }, text.remove);
        remove.setAttribute('aria-label', `${text.remove} ${m.email}`);
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
        say(`${text.invited} ${email.value}`);
        email.value = '';
        await refresh();
      } else say(((await response.json()) as { detail?: string }).detail ?? text.failed, true);
    });
  });
  select.addEventListener('change', () => void refresh());
  await refresh();
  return el('section', {}, el('h2', { id: 'invite-heading' }, text.invite), form, el('h3', {}, text.members), list);
}
