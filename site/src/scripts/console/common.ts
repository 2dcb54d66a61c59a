/** Small helpers of the console's task modules: the public event, names, badges, bars. */
import { localized } from '../../i18n/format.ts';
import type { EventDetail, RegistrationStatus } from '../../lib/api-types.ts';
import type { LiveCategory, PaymentStatus } from '../../lib/live.ts';
import { el } from '../dom.ts';
import type { ConsoleContext } from './shell.ts';

export type LiveEvent = Omit<EventDetail, 'categories'> & { categories: LiveCategory[] };

export async function publicEvent(eventId: string): Promise<LiveEvent> {
  return (await (await fetch(`/api/events/${eventId}`, { cache: 'no-store' })).json()) as LiveEvent;
}

/** Category names in the page's language, by id (the id itself for a category no longer listed). */
export function categoryNamer(event: LiveEvent, lang: string): (id: string) => string {
  const names = new Map(event.categories.map((c) => [c.id, localized(c.name, lang)]));
  return (id) => names.get(id) ?? id;
}

export function countryNamer(lang: string): (code: string) => string {
  const names = new Intl.DisplayNames([lang === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'region' });
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

export const statusBadge = (context: ConsoleContext, status: RegistrationStatus) =>
  el('span', { class: `badge badge--${status}` }, context.status[status] ?? status);

export const paymentBadge = (context: ConsoleContext, status: PaymentStatus) =>
  el('span', { class: `badge badge--${status}` }, context.payment[status] ?? status);

/** A bar chart as a list: each row has its label and its number as text, the bar is decoration. */
export function bars(
  title: string,
  rows: [string, number][],
  format: (label: string, n: number) => string,
  /** Said in place of an empty list. */
  empty?: string,
) {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  if (rows.length === 0 && empty)
    return el('figure', { class: 'card' }, el('figcaption', {}, title), el('p', {}, empty));
  return el(
    'figure',
    { class: 'card' },
    el('figcaption', {}, title),
    el(
      'ul',
      { class: 'bars' },
      ...rows.map(([label, n]) => {
        const fillBar = el('span');
        fillBar.style.width = `${(100 * n) / max}%`;
        const item = el(
          'li',
          { 'aria-label': format(label, n) },
          el('span', { 'aria-hidden': 'true' }, label),
          el('b', { 'aria-hidden': 'true' }, String(n)),
          el('span', { class: 'bar', 'aria-hidden': 'true' }, fillBar),
        );
        return item;
      }),
    ),
  );
}

/** A table with a header row. */
export function table(label: string, headers: string[], rows: (string | Node)[][], numeric: number[] = []) {
  // A region that may scroll sideways on a phone: focusable, so keyboards can scroll it too.
  return el(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' },
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el('tr', {}, ...headers.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : '' }, h))),
      ),
      el(
        'tbody',
        {},
        ...rows.map((cells) =>
          el('tr', {}, ...cells.map((cell, i) => el('td', { class: numeric.includes(i) ? 'num' : '' }, cell))),
        ),
      ),
    ),
  );
}
