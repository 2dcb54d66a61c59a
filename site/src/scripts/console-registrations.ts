/** Console panels for registrations: dashboard, list with actions, CSV, check-in, categories. */
import { api } from '../lib/session.ts';

type Reg = {
  id: string;
  status: string;
  categoryId: string;
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  organisation: string;
  checkedInAt?: string;
};
type Stats = {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byCountry: Record<string, number>;
  byDay: { day: string; count: number }[];
};
type Category = {
  id: string;
  name: { en: string; fr?: string };
  capacity: number;
  available: number;
  waitlist: boolean;
  requiresApproval: boolean;
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const problemText = async (r: Response) =>
  ((await r.json().catch(() => ({}))) as { detail?: string }).detail ?? `Error ${r.status}`;

/** A horizontal bar chart drawn as SVG, with the same numbers in a table for screen readers. */
function barChart(title: string, rows: [string, number][]): HTMLElement {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 400 ${rows.length * 22 + 4}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('aria-hidden', 'true');
  rows.forEach(([label, n], i) => {
    const bar = document.createElementNS(svg.namespaceURI, 'rect');
    Object.entries({
      x: '150',
      y: String(i * 22 + 2),
      width: String((240 * n) / max),
      height: '16',
      fill: '#0b4f8a',
    }).forEach(([k, v]) => bar.setAttribute(k, v));
    const text = document.createElementNS(svg.namespaceURI, 'text');
    Object.entries({ x: '0', y: String(i * 22 + 15), 'font-size': '12' }).forEach(([k, v]) => text.setAttribute(k, v));
    text.textContent = `${label} (${n})`;
    svg.append(bar, text);
  });
  const table = el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, title), el('th', { scope: 'col' }, 'Count'))),
    el('tbody', {}, ...rows.map(([l, n]) => el('tr', {}, el('td', {}, l), el('td', {}, String(n))))),
  );
  return el(
    'figure',
    {},
    el('figcaption', {}, title),
    svg,
    el('details', {}, el('summary', {}, `${title}: data`), table),
  );
}

export async function dashboardPanel(eventId: string): Promise<HTMLElement> {
  const stats = (await (await api(`/api/events/${eventId}/registrations/stats`)).json()) as Stats;
  const section = el(
    'section',
    { 'aria-labelledby': 'dashboard-heading' },
    el('h2', { id: 'dashboard-heading' }, `Dashboard · ${stats.total} registrations`),
  );
  section.append(
    barChart(
      'Registrations per day',
      stats.byDay.map((d) => [d.day, d.count]),
    ),
    barChart('By status', Object.entries(stats.byStatus)),
    barChart(
      'By category (all statuses)',
      Object.entries(stats.byCategory).map(([c, s]) => [c, Object.values(s).reduce((a, b) => a + b, 0)]),
    ),
    barChart(
      'By country (active)',
      Object.entries(stats.byCountry)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15),
    ),
  );
  return section;
}

export function checkInPanel(eventId: string, say: (m: string, e?: boolean) => void): HTMLElement {
  const code = el('input', { id: 'checkin-code', autocomplete: 'off', required: '' });
  const form = el(
    'form',
    { 'aria-labelledby': 'checkin-heading' },
    el('div', {}, el('label', { for: 'checkin-code' }, 'Registration code'), code),
    el('button', { type: 'submit' }, 'Check in'),
  );
  // Scanning the QR code from the attendee's page, where the browser can read barcodes.
  const Detector = (
    globalThis as {
      BarcodeDetector?: new (o: {
        formats: string[];
      }) => { detect(v: HTMLVideoElement): Promise<{ rawValue: string }[]> };
    }
  ).BarcodeDetector;
  if (Detector && navigator.mediaDevices) {
    const scan = el('button', { type: 'button' }, 'Scan QR code');
    const video = el('video', { playsinline: '', muted: '', hidden: '' });
    scan.addEventListener('click', () => {
      void navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(
        async (media) => {
          video.srcObject = media;
          video.hidden = false;
          await video.play();
          const detector = new Detector({ formats: ['qr_code'] });
          const stop = () => {
            media.getTracks().forEach((track) => track.stop());
            video.hidden = true;
          };
          const look = async (): Promise<void> => {
            const [found] = await detector.detect(video);
            if (!found) return void requestAnimationFrame(() => void look());
            stop();
            code.value = found.rawValue;
            form.requestSubmit();
          };
          await look();
        },
        () => say('The camera is not available; type the code instead.', true),
      );
    });
    form.append(scan, video);
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void api(`/api/events/${eventId}/registrations/${encodeURIComponent(code.value.trim())}/check-in`, {
      method: 'POST',
    }).then(async (r) => {
      if (r.ok) {
        const reg = (await r.json()) as Reg;
        say(`Checked in: ${reg.firstName} ${reg.lastName} (${reg.organisation})`);
        code.value = '';
      } else say(r.status === 400 ? 'That is not a registration code.' : await problemText(r), true);
    });
  });
  return el('section', {}, el('h2', { id: 'checkin-heading' }, 'Check-in'), form);
}

export async function registrationsPanel(eventId: string, say: (m: string, e?: boolean) => void): Promise<HTMLElement> {
  const event = (await (await fetch(`/api/events/${eventId}`)).json()) as { categories: Category[] };
  const status = el(
    'select',
    { id: 'filter-status' },
    el('option', { value: '' }, 'Any status'),
    ...['confirmed', 'pending', 'approved', 'waitlisted', 'rejected', 'cancelled'].map((s) =>
      el('option', { value: s }, s),
    ),
  );
  const category = el(
    'select',
    { id: 'filter-category' },
    el('option', { value: '' }, 'Any category'),
    ...event.categories.map((c) => el('option', { value: c.id }, c.name.en)),
  );
  const country = el('input', { id: 'filter-country', maxlength: '2', size: '3' });
  const q = el('input', { id: 'filter-q', type: 'search' });
  const body = el('tbody');
  const more = el('button', { type: 'button', hidden: '' }, 'Load more');
  let cursor: string | null = null;

  const query = () => {
    const params = new URLSearchParams();
    if (status.value) params.set('status', status.value);
    if (category.value) params.set('categoryId', category.value);
    if (country.value.trim()) params.set('country', country.value.trim().toUpperCase());
    if (q.value.trim()) params.set('q', q.value.trim());
    return params;
  };
  const action = (label: string, reg: Reg, path: string) => {
    const button = el('button', { type: 'button', 'aria-label': `${label} ${reg.firstName} ${reg.lastName}` }, label);
    button.addEventListener(
      'click',
      () =>
        void api(`/api/events/${eventId}/registrations/${reg.id}/${path}`, { method: 'POST' }).then(async (r) =>
          r.ok ? (say(`${label}: ${reg.email}`), load(true)) : say(await problemText(r), true),
        ),
    );
    return button;
  };
  const load = async (reset: boolean) => {
    const params = query();
    params.set('limit', '50');
    if (!reset && cursor) params.set('cursor', cursor);
    const page = (await (await api(`/api/events/${eventId}/registrations?${params}`)).json()) as {
      items: Reg[];
      nextCursor: string | null;
    };
    if (reset) body.replaceChildren();
    for (const reg of page.items) {
      const actions = el('td');
      if (reg.status === 'pending') actions.append(action('Approve', reg, 'approve'), action('Reject', reg, 'reject'));
      if (['confirmed', 'approved'].includes(reg.status) && !reg.checkedInAt)
        actions.append(action('Check in', reg, 'check-in'));
      if (!['cancelled', 'rejected'].includes(reg.status)) actions.append(action('Cancel', reg, 'cancel'));
      body.append(
        el(
          'tr',
          {},
          el('td', {}, `${reg.firstName} ${reg.lastName}`),
          el('td', {}, reg.email),
          el('td', {}, reg.organisation),
          el('td', {}, reg.country),
          el('td', {}, reg.categoryId),
          el('td', {}, reg.checkedInAt ? `${reg.status} · checked in` : reg.status),
          actions,
        ),
      );
    }
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  const filters = el(
    'form',
    { 'aria-label': 'Filter registrations', class: 'filters' },
    el('label', { for: 'filter-status' }, 'Status'),
    status,
    el('label', { for: 'filter-category' }, 'Category'),
    category,
    el('label', { for: 'filter-country' }, 'Country'),
    country,
    el('label', { for: 'filter-q' }, 'Search'),
    q,
    el('button', { type: 'submit' }, 'Apply'),
  );
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(true);
  });
  more.addEventListener('click', () => void load(false));
  const csv = el('button', { type: 'button' }, 'Download CSV');
  csv.addEventListener('click', () => {
    void api(`/api/events/${eventId}/registrations.csv?${query()}`).then(async (r) => {
      const link = el('a', { href: URL.createObjectURL(await r.blob()), download: `registrations-${eventId}.csv` });
      link.click();
      URL.revokeObjectURL(link.href);
    });
  });
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...['Name', 'Email', 'Organisation', 'Country', 'Category', 'Status', 'Actions'].map((h) =>
        el('th', { scope: 'col' }, h),
      ),
    ),
  );
  await load(true);
  return el(
    'section',
    { 'aria-labelledby': 'registrations-heading' },
    el('h2', { id: 'registrations-heading' }, 'Registrations'),
    filters,
    csv,
    el('div', { class: 'table-scroll' }, el('table', { id: 'registrations' }, head, body)),
    more,
  );
}

export async function categoriesPanel(eventId: string, say: (m: string, e?: boolean) => void): Promise<HTMLElement> {
  const event = (await (await fetch(`/api/events/${eventId}`)).json()) as { categories: Category[] };
  const rows = event.categories.map((c) => {
    const capacity = el('input', {
      type: 'number',
      min: '0',
      value: String(c.capacity),
      'aria-label': `Capacity of ${c.name.en}`,
      size: '5',
    });
    const save = el('button', { type: 'button' }, 'Save');
    save.addEventListener(
      'click',
      () =>
        void api(`/api/events/${eventId}/categories/${c.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ capacity: Number(capacity.value) }),
        }).then(async (r) =>
          r.ok
            ? say(
                `${c.name.en}: capacity ${capacity.value}; ${((await r.json()) as { promoted: number }).promoted} promoted from the waiting list`,
              )
            : say(await problemText(r), true),
        ),
    );
    return el(
      'tr',
      {},
      el('td', {}, c.name.en),
      el('td', {}, String(c.available)),
      el('td', {}, capacity, save),
      el('td', {}, c.waitlist ? 'yes' : 'no'),
      el('td', {}, c.requiresApproval ? 'yes' : 'no'),
    );
  });
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...['Category', 'Available', 'Capacity', 'Waiting list', 'Approval'].map((h) => el('th', { scope: 'col' }, h)),
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
  const nameEn = input('cat-name-en', 'Name (English)', { required: '' });
  const nameFr = input('cat-name-fr', 'Name (French)');
  const capacity = input('cat-capacity', 'Capacity', { type: 'number', min: '0', required: '' });
  const fee = input('cat-fee', 'Fee (English)');
  const opens = input('cat-opens', 'Opens at', { type: 'datetime-local' });
  const closes = input('cat-closes', 'Closes at', { type: 'datetime-local' });
  const waitlist = input('cat-waitlist', 'Waiting list when full', { type: 'checkbox', checked: '' });
  const approval = input('cat-approval', 'Organisers approve each registration', { type: 'checkbox' });
  const create = el(
    'form',
    { 'aria-labelledby': 'new-category-heading' },
    ...[nameEn, nameFr, capacity, fee, opens, closes, waitlist, approval].map((i) => i.field),
    el('button', { type: 'submit' }, 'Add category'),
  );
  create.addEventListener('submit', (e) => {
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
    void api(`/api/events/${eventId}/categories`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) =>
      r.ok ? (say(`Category added: ${body.name.en}`), create.reset()) : say(await problemText(r), true),
    );
  });
  return el(
    'section',
    { 'aria-labelledby': 'categories-heading' },
    el('h2', { id: 'categories-heading' }, 'Categories and quotas'),
    el('div', { class: 'table-scroll' }, el('table', {}, head, el('tbody', {}, ...rows))),
    el('h3', { id: 'new-category-heading' }, 'New category'),
    create,
  );
}
