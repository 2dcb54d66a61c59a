/**
 * The logo: a file input, checked in the browser (type by its first bytes, 1 MB), then a
 * presigned POST straight to the storage, then the key set on the draft (If-Match).
 */
import { fill } from '../../i18n/format.ts';
import type { SponsorProfile } from '../../lib/api-types.ts';
import { checkLogo, formatSize, LOGO_TYPES } from '../../lib/logo-upload.ts';
import { api } from '../../lib/session.ts';
import { el } from '../dom.ts';
import { contentOf, type ProfileHolder, putDraft } from './profile.ts';
import type { PortalConfig } from './types.ts';
import { feedback, field, json, problemText, uid } from './ui.ts';

type Presigned = { url: string; fields: Record<string, string>; key: string };

export function logoPanel(holder: ProfileHolder, config: PortalConfig): HTMLElement {
  const t = config.text;
  const current = el('div', { class: 'logo-current' });
  const draw = (p: SponsorProfile) => {
    current.replaceChildren(
      ...(p.logoUrl ? [el('img', { src: p.logoUrl, alt: t.logoCurrent, class: 'logo-preview' })] : []),
    );
  };
  draw(holder.profile);
  holder.listeners.push(draw);

  const input = el('input', { type: 'file', accept: LOGO_TYPES.join(',') });
  const upload = el('button', { type: 'submit' }, t.uploadLogo);
  const say = feedback();
  const form = el(
    'form',
    { class: 'logo-form' },
    field(t.logoFile, input, t.logoHint),
    el('div', { class: 'actions' }, upload),
    say.node,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) return say(t.logoEmpty, true);
    void (async () => {
      const check = checkLogo(file, new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      if (!check.ok) {
        input.setAttribute('aria-invalid', 'true');
        if (check.reason === 'empty') return say(t.logoEmpty, true);
        if (check.reason === 'type') return say(fill(t.logoWrongType, { type: check.type }), true);
        return say(fill(t.logoTooBig, { size: formatSize(check.size, config.lang) }), true);
      }
      input.removeAttribute('aria-invalid');
      say(t.uploading);
      try {
        const ticket = await api(`/api/sponsors/${holder.sponsorId}/logo-upload`, {
          method: 'POST',
          ...json({ contentType: check.type, size: file.size }),
        });
        if (!ticket.ok) return say(fill(t.logoFailed, { detail: await problemText(ticket) }), true);
        const presigned = (await ticket.json()) as Presigned;
        const body = new FormData();
        for (const [name, value] of Object.entries(presigned.fields)) body.append(name, value);
        body.append('file', file);
        // Straight to the storage: no bearer token leaves for another origin.
        const stored = await fetch(presigned.url, { method: 'POST', body });
        if (!stored.ok) return say(fill(t.logoFailed, { detail: `HTTP ${stored.status}` }), true);
        const saved = await putDraft(holder, { ...contentOf(holder.profile), logoKey: presigned.key });
        if (!saved.ok) return say(fill(t.logoFailed, { detail: await problemText(saved) }), true);
        holder.update((await saved.json()) as SponsorProfile, saved.headers.get('etag'));
        input.value = '';
        say(t.logoUploaded);
      } catch (error) {
        say(fill(t.logoFailed, { detail: (error as Error).message }), true);
      }
    })();
  });
  const id = uid('logo');
  return el('section', { 'aria-labelledby': id, class: 'panel' }, el('h3', { id }, t.logo), current, form);
}
