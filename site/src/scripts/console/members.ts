/** The console's panel for inviting sponsor members and removing them. */

import { fill } from '../../i18n/format.ts';
import type { UiStrings } from '../../i18n/types.ts';
import type { Member, PublicSponsor } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { el, type Say } from '../dom.ts';

type Text = UiStrings['workspace'];

function field(id: string, label: string, control: HTMLElement) {
  control.id = id;
  return el('div', {}, el('label', { for: id }, label), control);
}

const problemDetail = async (response: Response) =>
  ((await response.json().catch(() => ({}))) as { detail?: string }).detail;

export async function membersPanel(eventId: string, text: Text, say: Say): Promise<HTMLElement> {
  const sponsors = ((await (await api(`/api/events/${eventId}/sponsors`)).json()) as { items: PublicSponsor[] }).items;
  const select = el('select', {}, ...sponsors.map((s) => el('option', { value: s.sponsorId }, s.name)));
  const email = el('input', { type: 'email', required: '', autocomplete: 'off' });
  const list = el('ul', { id: 'members' });
  const refresh = async () => {
    const members = ((await (await api(`/api/sponsors/${select.value}/members`)).json()) as { items: Member[] }).items;
    if (members.length === 0) return list.replaceChildren(el('li', {}, text.noMembers));
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
