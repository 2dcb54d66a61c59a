/**
 * Leads: the visitor's code typed, or scanned where the browser reads barcodes; a note and a
 * rating; the sponsor's own list; the CSV download.
 */
import { fill, plural } from '../../i18n/format.ts';
import type { Lead } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { download, el } from '../dom.ts';
import type { PortalConfig } from './types.ts';
import { feedback, field, json, problemText, uid } from './ui.ts';

type BarcodeDetectorClass = new (options: {
  formats: string[];
}) => { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };

export async function leadsPanel(sponsorId: string, config: PortalConfig): Promise<HTMLElement> {
  const t = config.text;
  const code = el('input', { autocomplete: 'off', autocapitalize: 'characters', required: '', spellcheck: 'false' });
  const note = el('textarea', { rows: '2' });
  const rating = el(
    'select',
    {},
    el('option', { value: '' }, t.ratingNone),
    ...[1, 2, 3, 4, 5].map((n) => el('option', { value: String(n) }, plural(config.lang, t.stars, n))),
  );
  const save = el('button', { type: 'submit' }, t.addLead);
  const say = feedback();
  const actions = el('div', { class: 'actions' }, save);
  const form = el(
    'form',
    { class: 'lead-form' },
    field(t.leadCode, code),
    field(t.note, note),
    field(t.rating, rating),
    actions,
    say.node,
  );

  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && navigator.mediaDevices) {
    const scan = el('button', { type: 'button', class: 'secondary' }, t.scan);
    const video = el('video', { playsinline: '', muted: '', hidden: '', class: 'scanner' });
    let media: MediaStream | undefined;
    const stop = () => {
      for (const track of media?.getTracks() ?? []) track.stop();
      media = undefined;
      video.hidden = true;
      scan.textContent = t.scan;
    };
    scan.addEventListener('click', () => {
      if (media) return stop();
      void navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(
        async (stream) => {
          media = stream;
          scan.textContent = t.stopScan;
          video.srcObject = stream;
          video.hidden = false;
          await video.play();
          const detector = new Detector({ formats: ['qr_code', 'code_128'] });
          const look = async (): Promise<void> => {
            if (!media) return;
            const [found] = await detector.detect(video);
            if (!found) {
              requestAnimationFrame(() => void look());
              return;
            }
            stop();
            code.value = found.rawValue.trim();
            note.focus();
          };
          await look();
        },
        () => say(t.noCamera, true),
      );
    });
    actions.append(scan);
    form.append(video);
  }

  const body = el('tbody');
  const table = el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...[
          t.columns.name,
          t.columns.organisation,
          t.columns.email,
          t.columns.note,
          t.columns.rating,
          t.columns.capturedAt,
        ].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    body,
  );
  const empty = el('p', {}, t.noLeads);
  const csv = el('button', { type: 'button', class: 'secondary' }, t.leadsCsv);
  const listSay = feedback();
  const when = new Intl.DateTimeFormat(config.lang, { dateStyle: 'short', timeStyle: 'short' });

  const refresh = async () => {
    const response = await api(`/api/sponsors/${sponsorId}/leads`);
    if (!response.ok) return listSay(fill(t.failed, { detail: await problemText(response) }), true);
    const { items } = (await response.json()) as { items: Lead[] };
    empty.hidden = items.length > 0;
    table.hidden = items.length === 0;
    body.replaceChildren(
      ...items.map((lead) =>
        el(
          'tr',
          {},
          el('td', {}, `${lead.firstName} ${lead.lastName}`),
          el('td', {}, lead.organisation),
          el('td', {}, el('a', { href: `mailto:${lead.email}` }, lead.email)),
          el('td', { class: 'note' }, lead.note ?? ''),
          el('td', {}, lead.rating ? plural(config.lang, t.stars, lead.rating) : ''),
          el('td', {}, when.format(new Date(lead.capturedAt))),
        ),
      ),
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!code.value.trim()) return say(t.leadNotFound, true);
    const input = {
      code: code.value.trim(),
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
      ...(rating.value ? { rating: Number(rating.value) } : {}),
    };
    void api(`/api/sponsors/${sponsorId}/leads`, { method: 'POST', ...json(input) }).then(async (r) => {
      if (r.ok) {
        const lead = (await r.json()) as Lead;
        say(fill(t.leadAdded, { name: `${lead.firstName} ${lead.lastName}` }));
        form.reset();
        code.focus();
        return refresh();
      }
      if (r.status === 404) return say(t.leadNotFound, true);
      // 422: the attendee has not agreed to share their contact (DESIGN: leads are consented only).
      if (r.status === 422) return say(t.leadNoConsent, true);
      say(fill(t.failed, { detail: await problemText(r) }), true);
    });
  });
  csv.addEventListener('click', () => {
    void api(`/api/sponsors/${sponsorId}/leads.csv`).then(async (r) => {
      if (!r.ok) return listSay(fill(t.failed, { detail: await problemText(r) }), true);
      download(`leads-${sponsorId}.csv`, await r.blob());
    });
  });

  await refresh();
  const id = uid('leads');
  return el(
    'section',
    { 'aria-labelledby': id, class: 'panel' },
    el('h3', { id }, t.leadsHeading),
    el('p', {}, t.leadsIntro),
    form,
    el('div', { class: 'table-scroll' }, table),
    empty,
    el('div', { class: 'actions' }, csv),
    listSay.node,
  );
}
