/** Every sponsor with its tier, booth and state (tier and booth editable, unpublish), create, invite. */
import { fill, localized } from '../../i18n/format.ts';
import type { SponsorSummary, Tier } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { ask } from '../ask.ts';
import { el } from '../dom.ts';
import { feedback, field, json, problemText } from '../portal/ui.ts';
import { loadTiers } from './tiers.ts';
import type { PanelContext } from './types.ts';

export async function loadSponsors(eventId: string): Promise<SponsorSummary[]> {
  const response = await api(`/api/events/${eventId}/sponsors/overview`);
  if (!response.ok) throw new Error(await problemText(response));
  return ((await response.json()) as { items: SponsorSummary[] }).items;
}

const tierOptions = (tiers: Tier[], lang: string, selected?: string) =>
  tiers.map((tier) => {
    const option = el('option', { value: tier.id }, localized(tier.name, lang));
    option.selected = tier.id === selected;
    return option;
  });

export async function sponsorsPanel(context: PanelContext): Promise<{ node: HTMLElement; refresh: () => void }> {
  const t = context.text;
  const lang = context.lang;
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'sponsors-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...[t.columns.name, t.columns.tier, t.columns.booth, t.columns.state, t.columns.actions].map((h) =>
          el('th', { scope: 'col' }, h),
        ),
      ),
    ),
    body,
  );
  const empty = el('p', {}, t.noSponsors);
  const listSay = feedback();

  // New sponsor.
  const name = el('input', { required: '', autocomplete: 'off' });
  const tier = el('select', { required: '' });
  const booth = el('input', { autocomplete: 'off', maxlength: '20' });
  const createSay = feedback();
  const create = el(
    'form',
    { class: 'create-form' },
    field(t.sponsorName, name),
    field(t.sponsorTier, tier),
    field(t.booth, booth),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, t.create)),
    createSay.node,
  );

  // Invite a member.
  const inviteSponsor = el('select', { required: '' });
  const email = el('input', { type: 'email', required: '', autocomplete: 'off' });
  const inviteSay = feedback();
  const invite = el(
    'form',
    { class: 'invite-form' },
    field(t.inviteSponsor, inviteSponsor),
    field(t.inviteEmail, email),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, t.invite)),
    inviteSay.node,
  );

  const refresh = async () => {
    const [sponsors, tiers] = await Promise.all([loadSponsors(context.eventId), loadTiers(context.eventId)]);
    tier.replaceChildren(...tierOptions(tiers.items, lang, tier.value || undefined));
    const chosen = inviteSponsor.value;
    inviteSponsor.replaceChildren(
      ...sponsors.map((s) => {
        const option = el('option', { value: s.sponsorId }, s.name);
        option.selected = s.sponsorId === chosen;
        return option;
      }),
    );
    empty.hidden = sponsors.length > 0;
    table.hidden = sponsors.length === 0;
    body.replaceChildren(...sponsors.map((s) => row(s, tiers.items)));
  };

  const row = (s: SponsorSummary, tiers: Tier[]) => {
    const tierSelect = el(
      'select',
      { 'aria-label': fill(t.tierOf, { name: s.name }) },
      ...tierOptions(tiers, lang, s.tier),
    );
    const boothInput = el('input', { 'aria-label': fill(t.boothOf, { name: s.name }), size: '6', maxlength: '20' });
    boothInput.value = s.booth ?? '';
    const save = el('button', { type: 'button', 'aria-label': fill(t.saveRowFor, { name: s.name }) }, t.saveRow);
    save.addEventListener('click', () => {
      void api(`/api/events/${context.eventId}/sponsors/${s.sponsorId}`, {
        method: 'PATCH',
        ...json({ tier: tierSelect.value, booth: boothInput.value.trim() || null }),
      }).then(async (r) => {
        if (!r.ok) return listSay(fill(t.failed, { detail: await problemText(r) }), true);
        listSay(fill(t.updated, { name: s.name }));
      });
    });
    const actions = el('td', { class: 'row-actions' }, save);
    if (s.published) {
      const unpublish = el(
        'button',
        { type: 'button', class: 'danger', 'aria-label': fill(t.unpublishFor, { name: s.name }) },
        t.unpublish,
      );
      unpublish.addEventListener('click', async () => {
        const question = fill(t.confirmUnpublish, { name: s.name });
        if (!(await ask(question, { yes: t.unpublishYes, no: t.unpublishNo }))) return;
        void api(`/api/events/${context.eventId}/sponsors/${s.sponsorId}/unpublish`, { method: 'POST' }).then(
          async (r) => {
            if (!r.ok) return listSay(fill(t.failed, { detail: await problemText(r) }), true);
            listSay(fill(t.unpublished, { name: s.name }));
            context.changed();
            // The list is drawn again without the pressed button: keep the place on what was said.
            listSay.node.focus();
          },
        );
      });
      actions.append(unpublish);
    }
    const state = s.published ? t.states[s.state] : s.state === 'live' ? t.states.none : t.states[s.state];
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, s.name),
      el('td', {}, tierSelect),
      el('td', {}, boothInput),
      el('td', {}, state),
      actions,
    );
  };

  create.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!create.reportValidity()) return;
    const input = {
      name: name.value.trim(),
      tier: tier.value,
      ...(booth.value.trim() ? { booth: booth.value.trim() } : {}),
    };
    void api(`/api/events/${context.eventId}/sponsors`, { method: 'POST', ...json(input) }).then(async (r) => {
      if (!r.ok) return createSay(fill(t.failed, { detail: await problemText(r) }), true);
      createSay(fill(t.created, { name: input.name }));
      name.value = '';
      booth.value = '';
      context.changed();
    });
  });
  invite.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!invite.reportValidity()) return;
    const address = email.value.trim();
    void api(`/api/sponsors/${inviteSponsor.value}/members`, { method: 'POST', ...json({ email: address }) }).then(
      async (r) => {
        if (!r.ok) return inviteSay(fill(t.failed, { detail: await problemText(r) }), true);
        inviteSay(fill(t.invited, { email: address }));
        email.value = '';
      },
    );
  });

  await refresh();
  return {
    refresh: () => void refresh().catch((e: Error) => listSay(fill(t.failed, { detail: e.message }), true)),
    node: el(
      'section',
      { 'aria-labelledby': 'sponsors-heading', class: 'panel' },
      el('h2', { id: 'sponsors-heading' }, t.sponsorsHeading),
      el('div', { class: 'table-scroll' }, table),
      empty,
      listSay.node,
      el('h3', {}, t.createHeading),
      create,
      el('h3', {}, t.inviteHeading),
      invite,
    ),
  };
}
