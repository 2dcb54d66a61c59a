/**
 * The console's registrations: filters with readable names (category, country picker),
 * status and payment badges, waiting-list counts, approve / reject / cancel with
 * confirmation, payments (mark paid or waived, import a bank statement with its report).
 */
import { fill } from '../../i18n/format.ts';
import type { Registration, RegistrationPage, RegistrationStats, RegistrationStatus } from '../../lib/api-types.ts';
import { formatMoney, type Payment } from '../../lib/live.ts';
import { api } from '../../lib/session.ts';
import { ask } from '../ask.ts';
import { download, el } from '../dom.ts';
import { categoryNamer, countryNamer, paymentBadge, publicEvent, statusBadge, table } from './common.ts';
import { type ConsoleContext, problem } from './shell.ts';

const statuses: RegistrationStatus[] = [
  'unverified',
  'confirmed',
  'pending',
  'approved',
  'waitlisted',
  'rejected',
  'cancelled',
  'expired',
];
type Row = Registration & { payment?: Payment | null };
type Action = 'approve' | 'reject' | 'cancel' | 'check-in' | 'paid' | 'waived';
type ImportLine = {
  reference?: string;
  amount?: number;
  currency?: string;
  registrationId?: string;
  name?: string;
  reason?: keyof ConsoleContext['text']['registrations']['reasons'];
  expected?: { amount: number; currency: string };
  alreadyPaid?: boolean;
};
type ImportReport = { matched: ImportLine[] | number; unmatched: ImportLine[] | number };

export default async function registrations(context: ConsoleContext) {
  const { eventId, lang, body, say, text } = context;
  const r = text.registrations;
  const event = await publicEvent(eventId);
  const categoryName = categoryNamer(event, lang);
  const countryName = countryNamer(lang);
  const select = (id: string, any: string, options: [string, string][]) =>
    el(
      'select',
      { id, name: id },
      el('option', { value: '' }, any),
      ...options.map(([v, t]) => el('option', { value: v }, t)),
    );
  const status = select(
    'filter-status',
    r.anyStatus,
    statuses.map((s) => [s, context.status[s]]),
  );
  const category = select(
    'filter-category',
    r.anyCategory,
    event.categories.map((c) => [c.id, categoryName(c.id)]),
  );
  const country = select('filter-country', r.anyCountry, context.countries);
  const q = el('input', { id: 'filter-q', type: 'search', 'aria-describedby': 'filter-q-hint' });
  const field = (id: string, label: string, control: HTMLElement) =>
    el('div', {}, el('label', { for: id }, label), control);
  const tbody = el('tbody', { role: 'rowgroup' });
  const more = el('button', { type: 'button', class: 'button--secondary', hidden: '' }, r.more);
  const empty = el('p', { hidden: '' }, r.none);
  let cursor: string | null = null;

  // The search text goes in a header, so it never appears in a URL or an access log.
  const searchHeader = (): Record<string, string> => (q.value.trim() ? { 'x-search': q.value.trim() } : {});
  const query = () => {
    const params = new URLSearchParams();
    if (status.value) params.set('status', status.value);
    if (category.value) params.set('categoryId', category.value);
    if (country.value) params.set('country', country.value);
    return params;
  };
  const post = (path: string, init: RequestInit = {}) =>
    api(`/api/events/${eventId}${path}`, { method: 'POST', ...init });

  const action = (name: Action, reg: Row) => {
    const who = `${reg.firstName} ${reg.lastName}`;
    const danger = name === 'reject' || name === 'cancel';
    const button = el(
      'button',
      {
        type: 'button',
        class:
          `button--small ${danger ? 'button--danger' : name === 'approve' || name === 'paid' ? '' : 'button--secondary'}`.trim(),
        'aria-label': fill(r.actionFor, { action: r.actions[name], name: who }),
      },
      r.actions[name],
    );
    button.addEventListener('click', async () => {
      if (name === 'reject' || name === 'cancel' || name === 'waived') {
        const yes = await ask(fill(r.confirm[name], { name: who }), { yes: r.confirmYes[name], no: r.confirmNo });
        if (!yes) return;
      }
      const response =
        name === 'paid' || name === 'waived'
          ? await post(`/registrations/${reg.id}/payment`, {
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ status: name }),
            })
          : await post(`/registrations/${reg.id}/${name}`);
      if (!response.ok) return say(await problem(response, text), true);
      say(fill(r.done[name], { name: who }));
      await Promise.all([load(true), waiting()]);
      // The list was drawn again, and the pressed button with it: keep a keyboard user in the
      // person's row (its first action), else on the list.
      if (!button.isConnected && (!document.activeElement || document.activeElement === document.body)) {
        const again = tbody.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(reg.id)}"]`);
        (again?.querySelector<HTMLElement>('button') ?? tbody.closest<HTMLElement>('[tabindex]'))?.focus();
      }
    });
    return button;
  };

  const row = (reg: Row) => {
    const actions = el('div', { class: 'actions' });
    if (reg.status === 'pending') actions.append(action('approve', reg), action('reject', reg));
    const seated = reg.status === 'confirmed' || reg.status === 'approved';
    if (
      reg.payment?.status === 'due' &&
      reg.status !== 'cancelled' &&
      reg.status !== 'rejected' &&
      reg.status !== 'expired'
    )
      actions.append(action('paid', reg), action('waived', reg));
    if (seated && !reg.checkedInAt) actions.append(action('check-in', reg));
    if (!['cancelled', 'rejected', 'expired'].includes(reg.status)) actions.append(action('cancel', reg));
    const badges = el('div', { class: 'actions' }, statusBadge(context, reg.status));
    if (reg.checkedInAt) badges.append(el('span', { class: 'badge badge--confirmed' }, context.text.desk.done));
    const payment = reg.payment
      ? el(
          'div',
          {},
          paymentBadge(context, reg.payment.status),
          el('small', { class: 'hint' }, ` ${formatMoney(reg.payment, lang)}`),
        )
      : '';
    return el(
      'tr',
      { role: 'row', 'data-id': reg.id },
      // data-label: on a phone each row is a card whose cells name their column (ConsolePage.astro).
      el(
        'td',
        { role: 'cell' },
        el('strong', {}, `${reg.firstName} ${reg.lastName}`),
        el('br'),
        el('small', {}, reg.email),
      ),
      el('td', { role: 'cell', 'data-label': r.columns.organisation }, reg.organisation),
      el('td', { role: 'cell', 'data-label': r.columns.country }, countryName(reg.country)),
      el('td', { role: 'cell', 'data-label': r.columns.category }, categoryName(reg.categoryId)),
      el('td', { role: 'cell', 'data-label': r.columns.status }, badges),
      el('td', { role: 'cell', 'data-label': r.columns.payment }, payment),
      el('td', { role: 'cell', 'data-label': r.columns.actions }, actions),
    );
  };

  const load = async (reset: boolean) => {
    const params = query();
    params.set('limit', '50');
    if (!reset && cursor) params.set('cursor', cursor);
    const response = await api(`/api/events/${eventId}/registrations?${params}`, { headers: searchHeader() });
    if (!response.ok) return say(await problem(response, text), true);
    const page = (await response.json()) as RegistrationPage;
    if (reset) tbody.replaceChildren();
    tbody.append(...(page.items as Row[]).map(row));
    cursor = page.nextCursor;
    more.hidden = !cursor;
    empty.hidden = tbody.children.length > 0;
  };

  const waitingList = el('ul', { class: 'actions', id: 'waitlists' });
  const waiting = async () => {
    const response = await api(`/api/events/${eventId}/registrations/stats`);
    if (!response.ok) return;
    const stats = (await response.json()) as RegistrationStats;
    const rows = event.categories
      .map((c) => [c.id, stats.byCategory[c.id]?.waitlisted ?? 0] as const)
      .filter(([, n]) => n > 0);
    waitingList.replaceChildren(
      ...(rows.length
        ? rows.map(([id, n]) =>
            el(
              'li',
              {},
              el('span', { class: 'badge badge--waitlisted' }, fill(r.waitingIn, { category: categoryName(id), n })),
            ),
          )
        : [el('li', {}, r.noWaiting)]),
    );
  };

  const filters = el(
    'form',
    { 'aria-label': r.filters, class: 'filters card' },
    field('filter-q', r.search, q),
    field('filter-status', r.status, status),
    field('filter-category', r.category, category),
    field('filter-country', r.country, country),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, r.apply)),
    el('p', { class: 'hint', id: 'filter-q-hint' }, r.searchHint),
  );
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(true);
  });
  more.addEventListener('click', () => void load(false));
  const csv = el('button', { type: 'button', class: 'button--secondary' }, r.csv);
  csv.addEventListener('click', () => {
    void api(`/api/events/${eventId}/registrations.csv?${query()}`, { headers: searchHeader() }).then(
      async (response) => download(`registrations-${eventId}.csv`, await response.blob()),
    );
  });

  // Bank statement import: CSV or camt.053; the report lists what matched and what did not.
  const file = el('input', {
    id: 'statement',
    name: 'statement',
    type: 'file',
    accept: '.csv,.xml,text/csv,application/xml,text/xml',
    'aria-describedby': 'statement-hint',
  });
  const importButton = el('button', { type: 'submit' }, r.import);
  const report = el('div', { id: 'import-report', 'aria-live': 'polite' });
  const importForm = el(
    'form',
    { 'aria-labelledby': 'import-heading', class: 'card' },
    el('p', { class: 'hint', id: 'statement-hint' }, r.importHint),
    el('label', { for: 'statement' }, r.file),
    file,
    el('div', { class: 'button-row' }, importButton),
    report,
  );
  importForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return file.focus();
    importButton.disabled = true;
    importButton.textContent = r.importing;
    try {
      const xml = /\.xml$/i.test(chosen.name) || chosen.type.includes('xml');
      const response = await post('/payments/import', {
        headers: { 'content-type': xml ? 'application/xml' : 'text/csv' },
        body: await chosen.text(),
      });
      if (!response.ok) return say(await problem(response, text), true);
      showReport((await response.json()) as ImportReport);
      await load(true);
    } finally {
      importButton.disabled = false;
      importButton.textContent = r.import;
    }
  });
  const showReport = (result: ImportReport) => {
    const list = (x: ImportLine[] | number) => (Array.isArray(x) ? x : []);
    const size = (x: ImportLine[] | number) => (Array.isArray(x) ? x.length : x);
    const c = r.reportColumns;
    const money = (line: ImportLine) =>
      line.amount !== undefined && line.currency
        ? formatMoney({ amount: line.amount, currency: line.currency }, lang)
        : '';
    const lines = (items: ImportLine[]) =>
      table(
        r.importHeading,
        [c.reference, c.amount, c.name, c.reason],
        items.map((line) => [
          line.reference ?? '',
          money(line),
          line.alreadyPaid ? `${line.name ?? ''} (${r.alreadyPaid})` : (line.name ?? line.registrationId ?? ''),
          line.reason
            ? fill(r.reasons[line.reason] ?? line.reason, {
                expected: line.expected ? formatMoney(line.expected, lang) : '',
              })
            : '',
        ]),
        [1],
      );
    report.replaceChildren(
      el(
        'p',
        { class: 'notice' },
        el('strong', {}, fill(r.report, { matched: size(result.matched), unmatched: size(result.unmatched) })),
      ),
      ...(list(result.matched).length
        ? [el('h3', { class: 'report-matched' }, r.matched), lines(list(result.matched))]
        : []),
      ...(list(result.unmatched).length
        ? [el('h3', { class: 'report-unmatched' }, r.unmatched), lines(list(result.unmatched))]
        : []),
    );
  };

  const c = r.columns;
  await Promise.all([load(true), waiting()]);
  body.replaceChildren(
    el(
      'section',
      { 'aria-labelledby': 'waitlists-heading' },
      el('h2', { id: 'waitlists-heading' }, r.waitlists),
      waitingList,
    ),
    el(
      'section',
      { 'aria-label': r.title },
      filters,
      el('div', { class: 'button-row' }, csv),
      el(
        'div',
        { class: 'table-scroll', role: 'region', 'aria-label': r.title, tabindex: '0' },
        el(
          'table',
          // Explicit roles: the phone layout's display: block drops a table's semantics in some browsers.
          { id: 'registrations', role: 'table' },
          el(
            'thead',
            { role: 'rowgroup' },
            el(
              'tr',
              { role: 'row' },
              ...[c.name, c.organisation, c.country, c.category, c.status, c.payment, c.actions].map((h) =>
                el('th', { scope: 'col', role: 'columnheader' }, h),
              ),
            ),
          ),
          tbody,
        ),
      ),
      empty,
      more,
    ),
    el(
      'section',
      { 'aria-labelledby': 'import-heading' },
      el('h2', { id: 'import-heading' }, r.importHeading),
      importForm,
    ),
  );
}
