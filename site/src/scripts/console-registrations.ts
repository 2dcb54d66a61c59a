/** Console panels for registrations: dashboard, list with actions, CSV, check-in, categories. */
import { fill, localized, plural } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import type {
  CategoryUpdate,
  DeskAnswer,
  EventDetail,
  Language,
  Registration,
  RegistrationPage,
  RegistrationStats,
  RegistrationStatus,
} from '../lib/api-types.ts';
import { api } from '../lib/session.ts';
import { download, el, type Say, svgEl } from './dom.ts';

/** What every panel needs: the event, the page's language, the console's texts and the status line. */
export type PanelContext = { eventId: string; lang: Language; text: UiStrings['console']; say: Say };

type Action = keyof UiStrings['console']['registrations']['actions'];

const statuses: RegistrationStatus[] = ['confirmed', 'pending', 'approved', 'waitlisted', 'rejected', 'cancelled'];
const isStatus = (value: string): value is RegistrationStatus => (statuses as string[]).includes(value);

const problemText = async (r: Response, text: UiStrings['console']) =>
  ((await r.json().catch(() => ({}))) as { detail?: string }).detail ?? fill(text.error, { status: r.status });

const publicEvent = async (eventId: string) => (await (await fetch(`/api/events/${eventId}`)).json()) as EventDetail;

/** Category names in the page's language, by id (the id itself for a category no longer listed). */
const categoryNames = (event: EventDetail, lang: Language) => {
  const names = new Map(event.categories.map((c) => [c.id, localized(c.name, lang)]));
  return (id: string) => names.get(id) ?? id;
};

/** A horizontal bar chart drawn as SVG, with the same numbers in a table for screen readers. */
function barChart(text: UiStrings['console']['dashboard'], title: string, rows: [string, number][]): HTMLElement {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  // Each label sits above its bar, so long (translated) names never run into the bars.
  const row = 34;
  const svg = svgEl('svg', { viewBox: `0 0 400 ${rows.length * row + 2}`, width: '100%', 'aria-hidden': 'true' });
  rows.forEach(([label, n], i) => {
    svg.append(
      svgEl('text', { x: '0', y: String(i * row + 12), 'font-size': '12' }, fill(text.bar, { label, n })),
      svgEl('rect', {
        x: '0',
        y: String(i * row + 16),
        width: String((398 * n) / max),
        height: '14',
        fill: '#0b4f8a',
      }),
    );
  });
  const table = el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, title), el('th', { scope: 'col' }, text.count))),
    el('tbody', {}, ...rows.map(([l, n]) => el('tr', {}, el('td', {}, l), el('td', {}, String(n))))),
  );
  return el(
    'figure',
    {},
    el('figcaption', {}, title),
    svg,
    el('details', {}, el('summary', {}, fill(text.data, { title })), table),
  );
}

export async function dashboardPanel({ eventId, lang, text }: PanelContext): Promise<HTMLElement> {
  const stats = (await (await api(`/api/events/${eventId}/registrations/stats`)).json()) as RegistrationStats;
  const categoryName = categoryNames(await publicEvent(eventId), lang);
  const d = text.dashboard;
  const statusName = (s: string) => (isStatus(s) ? text.registrations.statuses[s] : s);
  return el(
    'section',
    { 'aria-labelledby': 'dashboard-heading' },
    el('h2', { id: 'dashboard-heading' }, plural(lang, d.heading, stats.total)),
    barChart(
      d,
      d.perDay,
      stats.byDay.map((day) => [day.day, day.count]),
    ),
    barChart(
      d,
      d.byStatus,
      Object.entries(stats.byStatus).map(([s, n]) => [statusName(s), n]),
    ),
    barChart(
      d,
      d.byCategory,
      Object.entries(stats.byCategory).map(([c, s]) => [categoryName(c), Object.values(s).reduce((a, b) => a + b, 0)]),
    ),
    barChart(
      d,
      d.byCountry,
      Object.entries(stats.byCountry)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15),
    ),
  );
}

type BarcodeDetectorClass = new (options: {
  formats: string[];
}) => { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };

export function checkInPanel({ eventId, text, say }: PanelContext): HTMLElement {
  const c = text.checkIn;
  const code = el('input', { id: 'checkin-code', autocomplete: 'off', required: '' });
  const form = el(
    'form',
    { 'aria-labelledby': 'checkin-heading' },
    el('div', {}, el('label', { for: 'checkin-code' }, c.code), code),
    el('button', { type: 'submit' }, c.button),
  );
  // Scanning the QR code from the attendee's page, where the browser can read barcodes.
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && navigator.mediaDevices) {
    const scan = el('button', { type: 'button' }, c.scan);
    const video = el('video', { playsinline: '', muted: '', hidden: '' });
    scan.addEventListener('click', () => {
      void navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(
        async (media) => {
          video.srcObject = media;
          video.hidden = false;
          await video.play();
          const detector = new Detector({ formats: ['qr_code'] });
          const stop = () => {
            for (const track of media.getTracks()) track.stop();
            video.hidden = true;
          };
          const look = async (): Promise<void> => {
            const [found] = await detector.detect(video);
            if (!found) {
              requestAnimationFrame(() => void look());
              return;
            }
            stop();
            code.value = found.rawValue;
            form.requestSubmit();
          };
          await look();
        },
        () => say(c.noCamera, true),
      );
    });
    form.append(scan, video);
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void api(`/api/events/${eventId}/check-in`, {
      method: 'POST',
      body: JSON.stringify({ code: code.value.trim() }),
      headers: { 'content-type': 'application/json' },
    }).then(async (r) => {
      if (r.ok) {
        const desk = (await r.json()) as DeskAnswer;
        const time = new Date(desk.checkedInAt).toLocaleTimeString(document.documentElement.lang, {
          hour: '2-digit',
          minute: '2-digit',
        });
        const who = { name: desk.name, organisation: desk.organisation, time };
        say(fill(desk.alreadyCheckedIn ? c.already : c.done, who), desk.alreadyCheckedIn);
        code.value = '';
      } else if (r.status === 404) say(c.notFound, true);
      else say(r.status === 400 ? c.notACode : await problemText(r, text), true);
    });
  });
  return el('section', {}, el('h2', { id: 'checkin-heading' }, c.heading), form);
}

export async function registrationsPanel({ eventId, lang, text, say }: PanelContext): Promise<HTMLElement> {
  const r = text.registrations;
  const event = await publicEvent(eventId);
  const categoryName = categoryNames(event, lang);
  const status = el(
    'select',
    { id: 'filter-status' },
    el('option', { value: '' }, r.anyStatus),
    ...statuses.map((s) => el('option', { value: s }, r.statuses[s])),
  );
  const category = el(
    'select',
    { id: 'filter-category' },
    el('option', { value: '' }, r.anyCategory),
    ...event.categories.map((c) => el('option', { value: c.id }, categoryName(c.id))),
  );
  const country = el('input', { id: 'filter-country', maxlength: '2', size: '3' });
  const q = el('input', { id: 'filter-q', type: 'search' });
  const body = el('tbody');
  const more = el('button', { type: 'button', hidden: '' }, r.more);
  let cursor: string | null = null;

  // The search text goes in a header, so it never appears in a URL or an access log.
  const searchHeader = (): Record<string, string> => (q.value.trim() ? { 'x-search': q.value.trim() } : {});
  const query = () => {
    const params = new URLSearchParams();
    if (status.value) params.set('status', status.value);
    if (category.value) params.set('categoryId', category.value);
    if (country.value.trim()) params.set('country', country.value.trim().toUpperCase());
    return params;
  };
  const action = (name: Action, reg: Registration) => {
    const { label, done } = r.actions[name];
    const button = el(
      'button',
      { type: 'button', 'aria-label': fill(r.actionFor, { action: label, name: `${reg.firstName} ${reg.lastName}` }) },
      label,
    );
    button.addEventListener('click', async () => {
      const response = await api(`/api/events/${eventId}/registrations/${reg.id}/${name}`, { method: 'POST' });
      if (!response.ok) return say(await problemText(response, text), true);
      say(fill(done, { email: reg.email }));
      await load(true);
    });
    return button;
  };
  const load = async (reset: boolean) => {
    const params = query();
    params.set('limit', '50');
    if (!reset && cursor) params.set('cursor', cursor);
    const page = (await (
      await api(`/api/events/${eventId}/registrations?${params}`, { headers: searchHeader() })
    ).json()) as RegistrationPage;
    if (reset) body.replaceChildren();
    for (const reg of page.items) {
      const actions = el('td');
      if (reg.status === 'pending') actions.append(action('approve', reg), action('reject', reg));
      if ((reg.status === 'confirmed' || reg.status === 'approved') && !reg.checkedInAt)
        actions.append(action('check-in', reg));
      if (reg.status !== 'cancelled' && reg.status !== 'rejected') actions.append(action('cancel', reg));
      const statusText = r.statuses[reg.status];
      body.append(
        el(
          'tr',
          {},
          el('td', {}, `${reg.firstName} ${reg.lastName}`),
          el('td', {}, reg.email),
          el('td', {}, reg.organisation),
          el('td', {}, reg.country),
          el('td', {}, categoryName(reg.categoryId)),
          el('td', {}, reg.checkedInAt ? fill(r.checkedIn, { status: statusText }) : statusText),
          actions,
        ),
      );
    }
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  const filters = el(
    'form',
    { 'aria-label': r.filters, class: 'filters' },
    el('label', { for: 'filter-status' }, r.status),
    status,
    el('label', { for: 'filter-category' }, r.category),
    category,
    el('label', { for: 'filter-country' }, r.country),
    country,
    el('label', { for: 'filter-q' }, r.search),
    q,
    el('button', { type: 'submit' }, r.apply),
  );
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(true);
  });
  more.addEventListener('click', () => void load(false));
  const csv = el('button', { type: 'button' }, r.csv);
  csv.addEventListener('click', () => {
    void api(`/api/events/${eventId}/registrations.csv?${query()}`, { headers: searchHeader() }).then(
      async (response) => download(`registrations-${eventId}.csv`, await response.blob()),
    );
  });
  const columns = r.columns;
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...[
        columns.name,
        columns.email,
        columns.organisation,
        columns.country,
        columns.category,
        columns.status,
        columns.actions,
      ].map((h) => el('th', { scope: 'col' }, h)),
    ),
  );
  await load(true);
  return el(
    'section',
    { 'aria-labelledby': 'registrations-heading' },
    el('h2', { id: 'registrations-heading' }, r.heading),
    filters,
    csv,
    el('div', { class: 'table-scroll' }, el('table', { id: 'registrations' }, head, body)),
    more,
  );
}

export async function categoriesPanel({ eventId, lang, text, say }: PanelContext): Promise<HTMLElement> {
  const c = text.categories;
  const event = await publicEvent(eventId);
  const rows = event.categories.map((category) => {
    const name = localized(category.name, lang);
    const capacity = el('input', {
      type: 'number',
      min: '0',
      value: String(category.capacity),
      'aria-label': fill(c.capacityOf, { name }),
      size: '5',
    });
    const save = el('button', { type: 'button' }, c.save);
    save.addEventListener('click', async () => {
      const response = await api(`/api/events/${eventId}/categories/${category.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ capacity: Number(capacity.value) }),
      });
      if (!response.ok) return say(await problemText(response, text), true);
      const { promoted } = (await response.json()) as CategoryUpdate;
      say(plural(lang, c.saved, promoted, { name, capacity: capacity.value }));
    });
    return el(
      'tr',
      {},
      el('td', {}, name),
      el('td', {}, String(category.available)),
      el('td', {}, capacity, save),
      el('td', {}, category.waitlist ? c.yes : c.no),
      el('td', {}, category.requiresApproval ? c.yes : c.no),
    );
  });
  const columns = c.columns;
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...[columns.category, columns.available, columns.capacity, columns.waitlist, columns.approval].map((h) =>
        el('th', { scope: 'col' }, h),
      ),
    ),
  );
  const input = (id: string, label: string, attrs: Record<string, string> = {}) => {
    const control = el('input', { id, name: id, ...attrs });
    return {
      control,
      field:
        attrs.type === 'checkbox'
          ? el('div', {}, control, el('label', { for: id }, label))
          : el('div', {}, el('label', { for: id }, label), control),
    };
  };
  const nameEn = input('cat-name-en', c.nameEn, { required: '' });
  const nameFr = input('cat-name-fr', c.nameFr);
  const capacity = input('cat-capacity', c.capacity, { type: 'number', min: '0', required: '' });
  const fee = input('cat-fee', c.fee);
  const opens = input('cat-opens', c.opensAt, { type: 'datetime-local' });
  const closes = input('cat-closes', c.closesAt, { type: 'datetime-local' });
  const waitlist = input('cat-waitlist', c.waitlist, { type: 'checkbox', checked: '' });
  const approval = input('cat-approval', c.approval, { type: 'checkbox' });
  const create = el(
    'form',
    { 'aria-labelledby': 'new-category-heading' },
    ...[nameEn, nameFr, capacity, fee, opens, closes, waitlist, approval].map((i) => i.field),
    el('button', { type: 'submit' }, c.add),
  );
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    const at = (value: string) => (value ? new Date(value).toISOString() : undefined);
    const body = {
      name: {
        en: nameEn.control.value.trim(),
        ...(nameFr.control.value.trim() ? { fr: nameFr.control.value.trim() } : {}),
      },
      capacity: Number(capacity.control.value),
      waitlist: waitlist.control.checked,
      requiresApproval: approval.control.checked,
      ...(fee.control.value.trim() ? { fee: { en: fee.control.value.trim() } } : {}),
      ...(at(opens.control.value) ? { opensAt: at(opens.control.value) } : {}),
      ...(at(closes.control.value) ? { closesAt: at(closes.control.value) } : {}),
    };
    const response = await api(`/api/events/${eventId}/categories`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) return say(await problemText(response, text), true);
    say(fill(c.added, { name: localized(body.name, lang) }));
    create.reset();
  });
  return el(
    'section',
    { 'aria-labelledby': 'categories-heading' },
    el('h2', { id: 'categories-heading' }, c.heading),
    el('div', { class: 'table-scroll' }, el('table', {}, head, el('tbody', {}, ...rows))),
    el('h3', { id: 'new-category-heading' }, c.newHeading),
    create,
  );
}
