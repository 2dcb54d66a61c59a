/**
 * The profile panel of the portal: where the profile stands (Live, Draft, Under review,
 * Changes requested, with the organisers' comment), the live version, and the draft's form:
 * save (If-Match; when someone saved first, what differs and a choice), submit, preview.
 */
import { fill } from '../../i18n/format.ts';
import type { PublicSponsor, SponsorProfile } from '../../lib/api-types.ts';
import { type ComparableProfile, diffProfiles } from '../../lib/profile-diff.ts';
import { sanitizedFragment } from '../../lib/safe-html.ts';
import { api } from '../../lib/session.ts';
import { el } from '../dom.ts';
import type { PortalConfig } from './types.ts';
import { checkbox, feedback, field, json, problemText, uid } from './ui.ts';

type Content = Pick<SponsorProfile, 'description' | 'website' | 'logoKey' | 'contacts' | 'products' | 'socialLinks'>;

/** The profile as last read from or written to the API, with its ETag; panels share it. */
export type ProfileHolder = {
  sponsorId: string;
  profile: SponsorProfile;
  etag: string;
  /** Replaces the held profile (after a save elsewhere, e.g. the logo) and redraws what shows it. */
  update(profile: SponsorProfile, etag: string | null): void;
  listeners: ((profile: SponsorProfile) => void)[];
};

export async function loadProfile(sponsorId: string): Promise<ProfileHolder> {
  const response = await api(`/api/sponsors/${sponsorId}/profile`);
  if (!response.ok) throw new Error(await problemText(response));
  const profile = (await response.json()) as SponsorProfile;
  const holder: ProfileHolder = {
    sponsorId,
    profile,
    etag: response.headers.get('etag') ?? `"${profile.version}"`,
    listeners: [],
    update(next, etag) {
      holder.profile = next;
      holder.etag = etag ?? `"${next.version}"`;
      for (const listener of holder.listeners) listener(next);
    },
  };
  return holder;
}

/** PUT the draft with If-Match; the answer as it came (the caller handles 412). */
export function putDraft(holder: ProfileHolder, content: Content): Promise<Response> {
  return api(`/api/sponsors/${holder.sponsorId}/profile`, {
    method: 'PUT',
    ...json(content),
    headers: { 'content-type': 'application/json', 'if-match': holder.etag },
  });
}

/** The saved draft's editable part, as the PUT takes it. */
export const contentOf = (p: SponsorProfile): Content => ({
  ...(p.description ? { description: p.description } : {}),
  ...(p.website ? { website: p.website } : {}),
  ...(p.logoKey ? { logoKey: p.logoKey } : {}),
  contacts: p.contacts,
  products: p.products,
  socialLinks: p.socialLinks,
});

/** State and live version: what the sponsor sees before the form. */
export function statusPanel(holder: ProfileHolder, config: PortalConfig): HTMLElement {
  const t = config.text;
  const state = el('p', { class: 'state' });
  const comment = el('p', { class: 'comment' });
  const live = el('div', { class: 'live' });
  const draw = (p: SponsorProfile) => {
    state.replaceChildren(el('strong', {}, t.stateShort[p.state]), el('br'), t.state[p.state]);
    state.dataset.state = p.state;
    comment.hidden = !(p.state === 'changes-requested' && p.comment);
    comment.textContent = p.comment ? fill(t.comment, { comment: p.comment }) : '';
    live.replaceChildren(...liveView(p, config));
  };
  draw(holder.profile);
  holder.listeners.push(draw);
  const id = uid('status');
  return el(
    'section',
    { 'aria-labelledby': id, class: 'panel' },
    el('h3', { id }, t.stateHeading),
    state,
    comment,
    el('h3', {}, t.liveHeading),
    live,
  );
}

/** The live version as the public page shows it (the API's sanitised HTML, copied through the same allowlist). */
function liveView(p: SponsorProfile, config: PortalConfig): Node[] {
  const t = config.text;
  if (!p.live) return [el('p', {}, t.liveNone)];
  const v = p.live;
  const nodes: Node[] = [];
  if (v.logoUrl) nodes.push(el('img', { src: v.logoUrl, alt: t.logoCurrent, class: 'logo-preview' }));
  for (const [lang, label] of [
    ['en', t.liveDescriptionEn],
    ['fr', t.liveDescriptionFr],
  ] as const) {
    const markdown = v.description?.[lang];
    if (!markdown) continue;
    const text = el('div', { class: 'public-text live-text', lang }, markdown);
    nodes.push(el('p', { class: 'lang-label' }, label), text);
    void publicHtml(config.eventId, p.sponsorId).then((html) => {
      const rendered = html?.[lang];
      if (rendered) text.replaceChildren(sanitizedFragment(rendered, document));
    });
  }
  if (v.website) nodes.push(el('p', {}, t.websitePrefix, el('a', { href: v.website, rel: 'noopener' }, v.website)));
  return nodes;
}

const publicHtml = async (eventId: string, sponsorId: string) => {
  const response = await fetch(`/api/events/${encodeURIComponent(eventId)}/sponsors/${sponsorId}`).catch(
    () => undefined,
  );
  if (!response?.ok) return undefined;
  return ((await response.json()) as PublicSponsor).descriptionHtml;
};

/** The form of the draft, with its buttons and their feedback. */
export function profileForm(holder: ProfileHolder, config: PortalConfig): HTMLElement {
  const t = config.text;
  const lang = config.lang;
  const en = el('textarea', { rows: '8', lang: 'en' });
  const fr = el('textarea', { rows: '8', lang: 'fr' });
  const website = el('input', { type: 'url', inputmode: 'url', autocomplete: 'url', placeholder: 'https://' });
  const social = el('textarea', { rows: '3' });
  const contacts = el('div', { class: 'rows' });
  const products = el('div', { class: 'rows' });
  const contactRows = rowList(contacts, (c: Content['contacts'][number] | undefined, remove) =>
    contactRow(t, c, remove),
  );
  const productRows = rowList(products, (p: Content['products'][number] | undefined, remove) =>
    productRow(t, p, remove),
  );

  const fillForm = (c: Content) => {
    en.value = c.description?.en ?? '';
    fr.value = c.description?.fr ?? '';
    website.value = c.website ?? '';
    social.value = c.socialLinks.join('\n');
    contactRows.replace(c.contacts);
    productRows.replace(c.products);
  };
  const readForm = (): Content => {
    const description = en.value.trim()
      ? { en: en.value.trim(), ...(fr.value.trim() ? { fr: fr.value.trim() } : {}) }
      : undefined;
    return {
      ...(description ? { description } : {}),
      ...(website.value.trim() ? { website: website.value.trim() } : {}),
      ...(holder.profile.logoKey ? { logoKey: holder.profile.logoKey } : {}),
      contacts: contactRows.rows.map((r) => r.read()),
      products: productRows.rows.map((r) => r.read()),
      socialLinks: social.value
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
  };
  fillForm(contentOf(holder.profile));

  const addContactButton = el('button', { type: 'button', class: 'secondary' }, t.addContact);
  addContactButton.addEventListener('click', () => contactRows.add().focus());
  const addProductButton = el('button', { type: 'button', class: 'secondary' }, t.addProduct);
  addProductButton.addEventListener('click', () => productRows.add().focus());

  const save = el('button', { type: 'submit' }, t.save);
  const submit = el('button', { type: 'button' }, t.submit);
  const previewButton = el('button', { type: 'button', class: 'secondary' }, t.preview);
  const say = feedback();
  const choices = el('div', { class: 'choices', hidden: '' });
  const preview = el('section', { class: 'preview', hidden: '', 'aria-labelledby': uid('preview') });

  const form = el(
    'form',
    { novalidate: '', class: 'profile-form' },
    field(t.descriptionEn, en, t.markdownHint),
    field(t.descriptionFr, fr, t.markdownHint),
    field(t.website, website, t.websiteHint),
    el(
      'fieldset',
      {},
      el('legend', {}, t.contacts),
      el('p', { class: 'hint' }, t.contactsHint),
      contacts,
      addContactButton,
    ),
    el('fieldset', {}, el('legend', {}, t.products), products, addProductButton),
    field(t.social, social, t.socialHint),
    el('div', { class: 'actions' }, save, submit, previewButton),
    say.node,
    choices,
    preview,
  );

  /** Checks in the browser what the API would refuse, and says so next to the buttons. */
  const valid = (content: Content) => {
    const bad = [content.website, ...content.socialLinks].filter((u) => u && !/^https:\/\/[^\s/]+/i.test(u));
    if (bad.length > 0) {
      say(t.notHttps, true);
      website.setAttribute('aria-invalid', String(Boolean(content.website && bad.includes(content.website))));
      return false;
    }
    website.removeAttribute('aria-invalid');
    return true;
  };

  const saveDraft = async (content: Content): Promise<boolean> => {
    const response = await putDraft(holder, content);
    if (response.status === 412) {
      await offerChoice(content);
      return false;
    }
    if (!response.ok) {
      say(
        fill(response.status === 400 || response.status === 422 ? t.invalid : t.failed, {
          detail: await problemText(response),
        }),
        true,
      );
      return false;
    }
    holder.update((await response.json()) as SponsorProfile, response.headers.get('etag'));
    return true;
  };

  /** Someone saved first: show which fields differ from mine, and let the person choose. */
  const offerChoice = async (mine: Content) => {
    const latest = await loadProfile(holder.sponsorId);
    const differing = diffProfiles(latest.profile as ComparableProfile, asComparable(mine, holder), config.words)
      .filter((d) => d.changed)
      .map((d) => config.fields[d.field]);
    say(differing.length ? fill(t.stale, { fields: differing.join(', ') }) : t.staleNone, true);
    const keep = el('button', { type: 'button' }, t.keepMine);
    const take = el('button', { type: 'button', class: 'secondary' }, t.takeTheirs);
    keep.addEventListener('click', () => {
      holder.etag = latest.etag;
      choices.hidden = true;
      void saveDraft(mine).then((ok) => ok && say(t.saved));
    });
    take.addEventListener('click', () => {
      holder.update(latest.profile, latest.etag);
      fillForm(contentOf(latest.profile));
      choices.hidden = true;
      say(t.tookTheirs);
    });
    choices.replaceChildren(keep, take);
    choices.hidden = false;
    keep.focus();
  };

  const busy = (on: boolean) => {
    for (const b of [save, submit]) b.setAttribute('aria-disabled', String(on));
    form.setAttribute('aria-busy', String(on));
  };
  let working = false;
  const run = async (work: () => Promise<void>) => {
    if (working) return;
    working = true;
    busy(true);
    choices.hidden = true;
    say(t.saving);
    try {
      await work();
    } catch (error) {
      say(fill(t.failed, { detail: (error as Error).message }), true);
    } finally {
      working = false;
      busy(false);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const content = readForm();
    if (!valid(content)) return;
    void run(async () => {
      if (await saveDraft(content)) say(t.saved);
    });
  });
  submit.addEventListener('click', () => {
    const content = readForm();
    if (!valid(content)) return;
    void run(async () => {
      if (!(await saveDraft(content))) return;
      const response = await api(`/api/sponsors/${holder.sponsorId}/profile/submit`, {
        method: 'POST',
        headers: { 'if-match': holder.etag },
      });
      if (response.status === 412) return offerChoice(content);
      if (!response.ok) return say(fill(t.failed, { detail: await problemText(response) }), true);
      holder.update((await response.json()) as SponsorProfile, response.headers.get('etag'));
      say(t.submitted);
    });
  });
  previewButton.addEventListener('click', () => {
    void import('./preview.ts').then(({ showPreview }) => {
      showPreview(preview, readForm(), t, lang);
      preview.hidden = false;
      preview.querySelector('h4')?.focus();
    });
  });

  const id = uid('edit');
  return el('section', { 'aria-labelledby': id, class: 'panel' }, el('h3', { id }, t.editHeading), form);
}

const asComparable = (content: Content, holder: ProfileHolder): ComparableProfile => ({
  ...content,
  logoUrl: content.logoKey === holder.profile.logoKey ? holder.profile.logoUrl : content.logoKey,
});

/**
 * Rows a sponsor adds and removes (contacts, products) in `container`, numbered in order
 * ("Contact 2") so that each row's fields keep distinct accessible names.
 */
function rowList<T, R extends { node: HTMLElement; number(n: number): void }>(
  container: HTMLElement,
  make: (value: T | undefined, remove: () => void) => R,
) {
  const rows: R[] = [];
  const renumber = () => {
    for (const [i, row] of rows.entries()) row.number(i + 1);
  };
  const add = (value?: T) => {
    const row = make(value, () => {
      rows.splice(rows.indexOf(row), 1);
      row.node.remove();
      renumber();
    });
    rows.push(row);
    container.append(row.node);
    renumber();
    return row;
  };
  return {
    rows,
    add,
    /** Rows for `values` instead of those shown. */
    replace(values: T[]) {
      for (const row of rows.splice(0)) row.node.remove();
      for (const value of values) add(value);
    },
  };
}

type ContactRow = {
  node: HTMLElement;
  read(): Content['contacts'][number];
  number(n: number): void;
  focus(): void;
};

function contactRow(
  t: PortalConfig['text'],
  c: Content['contacts'][number] | undefined,
  remove: () => void,
): ContactRow {
  const name = el('input', { autocomplete: 'off' });
  const email = el('input', { type: 'email', autocomplete: 'off' });
  const phone = el('input', { type: 'tel', autocomplete: 'off' });
  const shown = checkbox(t.contactPublic, c?.public ?? false);
  name.value = c?.name ?? '';
  email.value = c?.email ?? '';
  phone.value = c?.phone ?? '';
  const legend = el('legend');
  const removeButton = el('button', { type: 'button', class: 'secondary' }, '');
  removeButton.addEventListener('click', remove);
  const node = el(
    'fieldset',
    { class: 'row' },
    legend,
    field(t.contactName, name),
    field(t.contactEmail, email),
    field(t.contactPhone, phone),
    shown.node,
    removeButton,
  );
  return {
    node,
    read: () => ({
      name: name.value.trim(),
      email: email.value.trim(),
      ...(phone.value.trim() ? { phone: phone.value.trim() } : {}),
      public: shown.box.checked,
    }),
    number: (n) => {
      legend.textContent = fill(t.contact, { n });
      removeButton.textContent = fill(t.removeContact, { n });
    },
    focus: () => name.focus(),
  };
}

type ProductRow = Omit<ContactRow, 'read'> & { read(): Content['products'][number] };

function productRow(
  t: PortalConfig['text'],
  p: Content['products'][number] | undefined,
  remove: () => void,
): ProductRow {
  const nameEn = el('input', { lang: 'en' });
  const nameFr = el('input', { lang: 'fr' });
  const descEn = el('textarea', { rows: '3', lang: 'en' });
  const descFr = el('textarea', { rows: '3', lang: 'fr' });
  nameEn.value = p?.name.en ?? '';
  nameFr.value = p?.name.fr ?? '';
  descEn.value = p?.description?.en ?? '';
  descFr.value = p?.description?.fr ?? '';
  const legend = el('legend');
  const removeButton = el('button', { type: 'button', class: 'secondary' }, '');
  removeButton.addEventListener('click', remove);
  const node = el(
    'fieldset',
    { class: 'row' },
    legend,
    field(t.productNameEn, nameEn),
    field(t.productNameFr, nameFr),
    field(t.productEn, descEn),
    field(t.productFr, descFr),
    removeButton,
  );
  return {
    node,
    read: () => {
      const description = descEn.value.trim()
        ? { en: descEn.value.trim(), ...(descFr.value.trim() ? { fr: descFr.value.trim() } : {}) }
        : undefined;
      return {
        name: { en: nameEn.value.trim(), ...(nameFr.value.trim() ? { fr: nameFr.value.trim() } : {}) },
        ...(description ? { description } : {}),
      };
    },
    number: (n) => {
      legend.textContent = fill(t.product, { n });
      removeButton.textContent = fill(t.removeProduct, { n });
    },
    focus: () => nameEn.focus(),
  };
}
