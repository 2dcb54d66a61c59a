/**
 * The check-in desk: code (any case, spaces ignored, Enter submits), a large green / amber /
 * red result beside the field, then the field is cleared and focused for the next person;
 * camera scanning (BarcodeDetector, else the jsQR decoder, loaded only when the camera
 * starts); name search with a check-in button per person; the running count of arrivals.
 */
import { fill, localized, plural } from '../../i18n/format.ts';
import type { DeskAnswer } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { byId, el } from '../dom.ts';
import type { ConsoleContext } from './shell.ts';

type Match = {
  registrationId: string;
  name: string;
  organisation?: string;
  category?: { en: string; fr?: string };
  status: string;
  checkedInAt?: string | null;
};
const ADMITTED = new Set(['confirmed', 'approved']);
type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;

export default async function desk(context: ConsoleContext) {
  const { eventId, lang, text } = context;
  const k = text.desk;
  const form = byId('desk-form', HTMLFormElement);
  const code = byId('desk-code', HTMLInputElement);
  const result = byId('desk-result');
  const count = byId('desk-count');
  const scan = byId('desk-scan', HTMLButtonElement);
  const video = byId('desk-video', HTMLVideoElement);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: context.timeZone,
    }).format(new Date(iso));

  const show = (tone: 'ok' | 'already' | 'bad', headline: string, answer?: DeskAnswer | Match) => {
    result.dataset.tone = tone;
    const lines: HTMLElement[] = [el('p', { class: 'desk__headline' }, headline)];
    if (answer) {
      lines.push(el('p', { class: 'desk__who' }, answer.name));
      const meta = [answer.organisation, answer.category ? localized(answer.category, lang) : '']
        .filter(Boolean)
        .join(' · ');
      if (meta) lines.push(el('p', { class: 'desk__meta' }, meta));
      // Admitted all the same (the fee can be settled on site), but the desk should say so.
      if ('paymentStatus' in answer && answer.paymentStatus === 'due') {
        lines.push(el('p', { class: 'desk__warning' }, k.feeDue));
      }
    }
    result.replaceChildren(...lines);
  };

  const refreshCount = async () => {
    const response = await api(`/api/events/${eventId}/check-in/stats`).catch(() => undefined);
    if (!response?.ok) return;
    const stats = (await response.json()) as { checkedIn?: number; expected?: number; total?: number };
    const total = stats.expected ?? stats.total;
    if (stats.checkedIn === undefined) return;
    count.textContent = total
      ? fill(k.arrivalsOf, { n: stats.checkedIn, total })
      : plural(lang, k.arrivals, stats.checkedIn);
  };

  /** Shows the desk's answer; true when the person is checked in (now or before). */
  const answered = async (response: Response): Promise<boolean> => {
    if (response.ok) {
      const answer = (await response.json()) as DeskAnswer;
      if (answer.alreadyCheckedIn) show('already', fill(k.already, { time: time(answer.checkedInAt) }), answer);
      else show('ok', k.done, answer);
      void refreshCount();
      return true;
    }
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; status?: string };
    if (response.status === 404) show('bad', k.notFound);
    else if (response.status === 400 || response.status === 422) show('bad', k.notACode);
    // The API's detail is in English; the desk says it in the page's language.
    else if (response.status === 409) show('bad', k.notAllowed);
    else show('bad', fill(text.shell.error, { status: response.status, detail: problem.detail ?? '' }));
    return false;
  };

  const checkIn = async (value: string) => {
    // Codes are printed in groups and read aloud: spaces and dashes are not part of them.
    const cleaned = value.replace(/[\s-]+/g, '').toUpperCase();
    if (!cleaned) return code.focus();
    const response = await api(`/api/events/${eventId}/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: cleaned }),
    });
    await answered(response);
    code.value = '';
    code.focus();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void checkIn(code.value);
  });

  // Camera: the browser's own detector, else jsQR (a separate chunk, fetched on first use).
  let stream: MediaStream | undefined;
  const stop = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    video.hidden = true;
    scan.textContent = k.scan;
  };
  const detector = async (): Promise<(frame: HTMLVideoElement) => Promise<string | undefined>> => {
    const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
    if (Native) {
      const native = new Native({ formats: ['qr_code'] });
      return async (frame) => (await native.detect(frame))[0]?.rawValue;
    }
    const { default: jsQR } = await import('jsqr');
    const canvas = document.createElement('canvas');
    const context2d = canvas.getContext('2d', { willReadFrequently: true });
    return async (frame) => {
      if (!context2d || !frame.videoWidth) return undefined;
      canvas.width = frame.videoWidth;
      canvas.height = frame.videoHeight;
      context2d.drawImage(frame, 0, 0);
      const image = context2d.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
    };
  };
  if ('mediaDevices' in navigator) scan.hidden = false;
  scan.addEventListener('click', async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      return show('bad', k.noCamera);
    }
    const read = await detector();
    video.srcObject = stream;
    video.hidden = false;
    scan.textContent = k.stopScan;
    await video.play();
    result.dataset.tone = 'idle';
    result.replaceChildren(el('p', { class: 'desk__headline' }, k.scanning));
    const look = async (): Promise<void> => {
      if (!stream) return;
      const found = await read(video).catch(() => undefined);
      if (!found) {
        requestAnimationFrame(() => void look());
        return;
      }
      stop();
      await checkIn(found);
    };
    await look();
  });

  // Search by name, with a check-in button per person.
  const searchForm = byId('desk-search', HTMLFormElement);
  const q = byId('desk-q', HTMLInputElement);
  const matches = byId('desk-matches');
  searchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const term = q.value.trim();
    if (term.length < 2) return q.focus();
    const response = await api(`/api/events/${eventId}/check-in/search?${new URLSearchParams({ q: term })}`);
    if (!response.ok) return show('bad', fill(text.shell.error, { status: response.status, detail: '' }));
    const found = (await response.json()) as { items: Match[] };
    matches.replaceChildren(
      ...(found.items.length === 0
        ? [el('li', {}, k.noMatch)]
        : found.items.map((m) => {
            const meta = [m.organisation, m.category ? localized(m.category, lang) : ''].filter(Boolean).join(' · ');
            const info = el(
              'div',
              {},
              el('strong', {}, m.name),
              el('small', {}, meta),
              el(
                'span',
                { class: `badge badge--${m.status}` },
                context.status[m.status as keyof typeof context.status] ?? m.status,
              ),
            );
            if (m.checkedInAt)
              return el(
                'li',
                {},
                info,
                el('span', { class: 'badge badge--confirmed' }, fill(k.checkedInAt, { time: time(m.checkedInAt) })),
              );
            // Only a confirmed or approved registration is admitted (the API refuses the others).
            if (!ADMITTED.has(m.status)) {
              return el('li', {}, info, el('span', { class: 'desk__refused' }, k.notAdmitted));
            }
            const button = el(
              'button',
              { type: 'button', 'aria-label': fill(k.checkInName, { name: m.name }) },
              k.checkIn,
            );
            button.addEventListener('click', async () => {
              const response = await api(`/api/events/${eventId}/registrations/${m.registrationId}/check-in`, {
                method: 'POST',
              });
              if (await answered(response)) button.replaceWith(el('span', { class: 'badge badge--confirmed' }, k.done));
              code.focus();
            });
            return el('li', {}, info, button);
          })),
    );
  });

  await refreshCount();
  code.focus();
}
