/** The console's dashboard: key counts, places by category, and charts readable on a phone. */
import { fill } from '../../i18n/format.ts';
import type { RegistrationStats, RegistrationStatus } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { el } from '../dom.ts';
import { bars, categoryNamer, countryNamer, publicEvent, table } from './common.ts';
import { membersPanel } from './members.ts';
import type { ConsoleContext } from './shell.ts';

const active: RegistrationStatus[] = ['unverified', 'confirmed', 'pending', 'approved'];

export default async function dashboard(context: ConsoleContext) {
  const { eventId, lang, body } = context;
  const d = context.text.dashboard;
  const [statsResponse, event, desk] = await Promise.all([
    api(`/api/events/${eventId}/registrations/stats`),
    publicEvent(eventId),
    api(`/api/events/${eventId}/check-in/stats`).catch(() => undefined),
  ]);
  const stats = (await statsResponse.json()) as RegistrationStats;
  const deskStats = desk?.ok ? ((await desk.json()) as { checkedIn?: number }) : {};
  const categoryName = categoryNamer(event, lang);
  const countryName = countryNamer(lang);
  const count = (s: string) => stats.byStatus[s] ?? 0;
  const sum = (statuses: RegistrationStatus[], counts: Record<string, number>) =>
    statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const number = (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const figures: [string, number | undefined][] = [
    [d.total, stats.total],
    [d.active, sum(active, stats.byStatus)],
    [d.pending, count('pending')],
    [d.waiting, count('waitlisted')],
    [d.checkedIn, deskStats.checkedIn],
  ];
  const format = (label: string, n: number) => fill(d.barLabel, { label, n });
  const days = stats.byDay.slice(-14);
  const capacityRows = event.categories.map((c) => {
    const counts = stats.byCategory[c.id] ?? {};
    return [
      categoryName(c.id),
      number(c.capacity),
      number(c.capacity - c.available),
      number(c.available),
      number(counts.waitlisted ?? 0),
    ];
  });
  const c = d.columns;
  // Inviting sponsor members stays here until the sponsors console (/console/sponsors/) has it.
  const members = context.workspace ? await membersPanel(eventId, context.workspace, context.say) : undefined;
  body.replaceChildren(
    el(
      'section',
      { 'aria-label': d.title },
      el(
        'ul',
        { class: 'stats' },
        ...figures
          .filter((f): f is [string, number] => f[1] !== undefined)
          .map(([label, n]) => el('li', {}, el('strong', {}, number(n)), el('span', {}, label))),
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'capacity-heading' },
      el('h2', { id: 'capacity-heading' }, d.capacity),
      table(d.capacity, [c.category, c.capacity, c.taken, c.available, c.waitlisted], capacityRows, [1, 2, 3, 4]),
    ),
    stats.total === 0
      ? el('p', {}, d.none)
      : el(
          'div',
          { class: 'stack' },
          bars(
            d.byStatus,
            Object.entries(stats.byStatus)
              .sort((a, b) => b[1] - a[1])
              .map(([s, n]) => [context.status[s as RegistrationStatus] ?? s, n]),
            format,
            d.emptyChart,
          ),
          bars(
            d.byCategory,
            Object.entries(stats.byCategory).map(([id, s]) => [
              categoryName(id),
              Object.values(s).reduce((a, b) => a + b, 0),
            ]),
            format,
            d.emptyChart,
          ),
          bars(
            d.byCountry,
            Object.entries(stats.byCountry)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 10)
              .map(([code, n]) => [countryName(code), n]),
            format,
            d.emptyChart,
          ),
          bars(
            d.perDay,
            days.map((day) => [
              new Date(`${day.day}T12:00:00Z`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
                day: 'numeric',
                month: 'short',
              }),
              day.count,
            ]),
            format,
            d.emptyChart,
          ),
        ),
    ...(members ? [members] : []),
  );
}
