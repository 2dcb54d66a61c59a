/**
 * Refreshes the home page's category cards from the live event (GET /api/events/{id}, cached
 * at the edge): state badge, places left, fee; a category added since the build gets a card.
 * Without JavaScript the build-time state stays.
 */
import { localized, plural } from '../i18n/format.ts';
import type { Plural } from '../i18n/types.ts';
import { type CategoryState, formatMoney, forThePublic, type LiveCategory, stateOf } from '../lib/live.ts';

type LiveText = { state: Record<CategoryState, string>; seatsLeft: Plural; free: string; opensOn: string };

export async function fetchCategories(eventId: string): Promise<LiveCategory[] | undefined> {
  try {
    const response = await fetch(`/api/events/${encodeURIComponent(eventId)}`);
    if (!response.ok) return undefined;
    return forThePublic(((await response.json()) as { categories: LiveCategory[] }).categories);
  } catch {
    return undefined;
  }
}

export function startLiveHome() {
  const root = document.querySelector<HTMLElement>('[data-live-event]');
  if (!root) return;
  const lang = root.dataset.lang ?? 'en';
  const text = JSON.parse(root.dataset.text ?? '{}') as LiveText;
  const list = root.querySelector('.categories');
  void fetchCategories(root.dataset.liveEvent ?? '').then((categories) => {
    if (!categories || !list) return;
    for (const c of categories) {
      let card = list.querySelector<HTMLElement>(`[data-category="${CSS.escape(c.id)}"]`);
      const template = list.querySelector<HTMLElement>('[data-category]');
      if (!card && template) {
        // A category added after the build: a card like the others, with its name.
        card = template.cloneNode(true) as HTMLElement;
        card.dataset.category = c.id;
        for (const extra of card.querySelectorAll('.category__eligibility, .category__note')) extra.remove();
        const heading = card.querySelector('h3');
        if (heading) heading.textContent = localized(c.name, lang);
        list.append(card);
      }
      if (!card) continue;
      const state = stateOf(c);
      const badge = card.querySelector<HTMLElement>('[data-state]');
      if (badge) {
        badge.className = `badge badge--${state}`;
        badge.textContent = text.state[state];
      }
      const seats = card.querySelector('[data-seats]');
      if (seats) seats.textContent = c.open && c.available > 0 ? plural(lang, text.seatsLeft, c.available) : '';
      const fee = card.querySelector('[data-fee]');
      if (fee && c.price) fee.textContent = c.price.amount === 0 ? text.free : formatMoney(c.price, lang);
    }
  });
}
