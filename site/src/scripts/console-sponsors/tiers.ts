/** The tiers editor: bilingual name, rank, staff passes and benefits, saved as one list (If-Match). */
import { fill } from '../../i18n/format.ts';
import type { Tier } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { el } from '../dom.ts';
import { feedback, field, problemText } from '../portal/ui.ts';
import type { PanelContext } from './types.ts';

export async function loadTiers(eventId: string): Promise<{ items: Tier[]; etag: string }> {
  const response = await api(`/api/events/${eventId}/sponsor-tiers`);
  if (!response.ok) throw new Error(await problemText(response));
  const tiers = (await response.json()) as { items: Tier[]; version: number };
  return { items: tiers.items, etag: response.headers.get('etag') ?? `"${tiers.version}"` };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

type Row = { node: HTMLElement; read(): Tier; number(n: number): void; focus(): void };

export async function tiersPanel(context: PanelContext): Promise<{ node: HTMLElement }> {
  const t = context.text;
  let { items, etag } = await loadTiers(context.eventId);
  const rows: Row[] = [];
  const list = el('div', { class: 'rows' });
  const renumber = () => {
    for (const [i, r] of rows.entries()) r.number(i + 1);
  };
  const add = (tier?: Tier) => {
    const row = tierRow(context, tier, () => {
      rows.splice(rows.indexOf(row), 1);
      row.node.remove();
      renumber();
    });
    rows.push(row);
    list.append(row.node);
    renumber();
    return row;
  };
  const draw = () => {
    for (const r of rows.splice(0)) r.node.remove();
    for (const tier of [...items].sort((a, b) => a.rank - b.rank)) add(tier);
  };
  draw();
  const addButton = el('button', { type: 'button', class: 'secondary' }, t.addTier);
  addButton.addEventListener('click', () => add().focus());
  const save = el('button', { type: 'submit' }, t.saveTiers);
  const say = feedback();
  const form = el('form', { class: 'tiers-form' }, list, addButton, el('div', { class: 'actions' }, save), say.node);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    void api(`/api/events/${context.eventId}/sponsor-tiers`, {
      method: 'PUT',
      body: JSON.stringify({ tiers: rows.map((r) => r.read()) }),
      headers: { 'content-type': 'application/json', 'if-match': etag },
    }).then(async (r) => {
      if (!r.ok) return say(fill(t.failed, { detail: await problemText(r) }), true);
      const saved = (await r.json()) as { items: Tier[]; version: number };
      items = saved.items;
      etag = r.headers.get('etag') ?? `"${saved.version}"`;
      draw();
      say(t.tiersSaved);
      context.changed();
    });
  });
  return {
    node: el(
      'section',
      { 'aria-labelledby': 'tiers-heading', class: 'panel' },
      el('h2', { id: 'tiers-heading' }, t.tiersHeading),
      form,
    ),
  };
}

function tierRow(context: PanelContext, tier: Tier | undefined, remove: () => void): Row {
  const t = context.text;
  const id = el('input', { required: '', pattern: '[a-z0-9][a-z0-9-]{0,63}', autocomplete: 'off' });
  const nameEn = el('input', { required: '', lang: 'en' });
  const nameFr = el('input', { lang: 'fr' });
  const rank = el('input', { type: 'number', min: '1', max: '99', required: '', inputmode: 'numeric' });
  const passes = el('input', { type: 'number', min: '0', max: '200', required: '', inputmode: 'numeric' });
  const benefitsEn = el('textarea', { rows: '3', lang: 'en' });
  const benefitsFr = el('textarea', { rows: '3', lang: 'fr' });
  id.value = tier?.id ?? '';
  if (tier) id.readOnly = true;
  nameEn.value = tier?.name.en ?? '';
  nameFr.value = tier?.name.fr ?? '';
  rank.value = String(tier?.rank ?? 1);
  passes.value = String(tier?.staffPasses ?? 0);
  benefitsEn.value = tier?.benefits.map((b) => b.en).join('\n') ?? '';
  benefitsFr.value = tier?.benefits.map((b) => b.fr ?? '').join('\n') ?? '';
  const legend = el('legend');
  const removeButton = el('button', { type: 'button', class: 'danger' });
  removeButton.addEventListener('click', remove);
  const node = el(
    'fieldset',
    { class: 'row tier-row' },
    legend,
    field(t.tierId, id),
    field(t.tierNameEn, nameEn),
    field(t.tierNameFr, nameFr),
    field(t.rank, rank),
    field(t.passes, passes),
    field(t.benefitsEn, benefitsEn),
    field(t.benefitsFr, benefitsFr),
    removeButton,
  );
  return {
    node,
    read: () => {
      const fr = benefitsFr.value.split('\n').map((l) => l.trim());
      return {
        id: id.value.trim(),
        name: { en: nameEn.value.trim(), ...(nameFr.value.trim() ? { fr: nameFr.value.trim() } : {}) },
        rank: Number(rank.value),
        staffPasses: Number(passes.value),
        benefits: lines(benefitsEn.value).map((en, i) => ({ en, ...(fr[i] ? { fr: fr[i] } : {}) })),
      };
    },
    number: (n) => {
      legend.textContent = tier ? `${fill(t.tier, { n })}: ${tier.name.en}` : fill(t.tier, { n });
      removeButton.textContent = fill(t.removeTier, { n });
    },
    focus: () => (tier ? nameEn : id).focus(),
  };
}
