/**
 * The small script of the programme, session and speaker pages: the switch between venue time
 * and the viewer's own, the track filter, and the stars of "My agenda". The pages are complete
 * without it; it only makes its controls ready (they keep their place unseen until then,
 * global.css) and rewrites times.
 */
import { plural } from '../../i18n/format.ts';
import type { Plural } from '../../i18n/types.ts';
import { readStars, sync, toggle, writeStars } from './stars.ts';
import { formatRange, formatRangeIn, zoneName } from './time.ts';

const ZONE_CHOICE = 'conference:agenda-zone';

function zoneSwitch() {
  const button = document.getElementById('tz-switch');
  const label = document.getElementById('tz-label');
  if (!(button instanceof HTMLButtonElement) || !label) return;
  const d = button.dataset;
  const venue = d.zone ?? 'UTC';
  const lang = document.documentElement.lang;
  const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const times = [...document.querySelectorAll<HTMLTimeElement>('time[data-end]')];
  const at = times[0]?.dateTime ?? new Date().toISOString();
  const show = (mine: boolean) => {
    for (const time of times) {
      const start = time.dateTime;
      const end = time.dataset.end ?? start;
      time.textContent = mine ? formatRangeIn(start, end, lang, viewer, venue) : formatRange(start, end, lang, venue);
    }
    label.textContent = mine
      ? (d.viewerLabel ?? '').replace('{zone}', zoneName(viewer, lang, at))
      : (d.venueLabel ?? '');
    button.textContent = (mine ? d.showVenue : d.showViewer) ?? '';
    localStorage.setItem(ZONE_CHOICE, mine ? 'viewer' : 'venue');
  };
  let mine = localStorage.getItem(ZONE_CHOICE) === 'viewer';
  if (mine) show(true);
  button.classList.add('ready');
  button.addEventListener('click', () => {
    mine = !mine;
    show(mine);
  });
}

function trackFilter() {
  const select = document.getElementById('track-filter');
  const form = select?.closest('form');
  const status = document.getElementById('filter-status');
  if (!(select instanceof HTMLSelectElement) || !form || !status) return;
  const forms = JSON.parse(status.dataset.forms ?? '{}') as { shown: Plural; none: string };
  const apply = () => {
    const track = select.value;
    let shown = 0;
    for (const item of document.querySelectorAll<HTMLElement>('[data-track]')) {
      item.hidden = track !== '' && item.dataset.track !== track;
      if (!item.hidden) shown += 1;
    }
    for (const day of document.querySelectorAll<HTMLElement>('section.day')) {
      day.hidden = day.querySelector('[data-track]:not([hidden])') === null;
      // The day's link goes with it: it would lead to a heading that is not there.
      const heading = day.getAttribute('aria-labelledby');
      const link = heading ? document.querySelector(`nav.days a[href="#${heading}"]`)?.closest('li') : null;
      if (link instanceof HTMLElement) link.hidden = day.hidden;
    }
    status.textContent = shown === 0 ? forms.none : plural(document.documentElement.lang, forms.shown, shown);
    const url = new URL(location.href);
    if (track) url.searchParams.set('track', track);
    else url.searchParams.delete('track');
    history.replaceState(null, '', url);
  };
  const wanted = new URLSearchParams(location.search).get('track');
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  // A choice the browser restored (back and forward) counts as much as one in the address.
  if (select.value) apply();
  form.classList.add('ready');
  form.addEventListener('submit', (e) => e.preventDefault());
  select.addEventListener('change', apply);
}

function starButtons() {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-star]')];
  if (buttons.length === 0) return;
  // The words as the page wrote them ("Add to my agenda", and the name they begin); pressed,
  // the same name begins with the removing words instead, so the visible words stay its start.
  const words = new Map(
    buttons.map((b) => {
      const text = b.querySelector('.star__words')?.textContent ?? '';
      return [b, { text, label: b.getAttribute('aria-label') ?? text }] as const;
    }),
  );
  const paint = () => {
    const ids = new Set(readStars(localStorage).ids);
    for (const b of buttons) {
      const on = ids.has(b.dataset.star ?? '');
      const off = words.get(b) ?? { text: '', label: '' };
      const text = on ? (b.dataset.unstar ?? off.text) : off.text;
      b.classList.toggle('on', on);
      b.setAttribute('aria-label', text + off.label.slice(off.text.length));
      const shown = b.querySelector('.star__words');
      if (shown) shown.textContent = text;
      const glyph = b.querySelector('[aria-hidden]');
      if (glyph) glyph.textContent = on ? '★' : '☆';
      b.classList.add('ready');
    }
  };
  paint();
  const status = document.getElementById('star-status');
  for (const b of buttons) {
    b.addEventListener('click', () => {
      const id = b.dataset.star ?? '';
      const state = toggle(readStars(localStorage), id);
      writeStars(localStorage, state);
      paint();
      const off = words.get(b) ?? { text: '', label: '' };
      const said = state.ids.includes(id) ? status?.dataset.added : status?.dataset.removed;
      if (status && said !== undefined) status.textContent = said + off.label.slice(off.text.length);
      void sync(localStorage).catch(() => undefined);
    });
  }
  void sync(localStorage)
    .then(paint)
    .catch(() => undefined);
}

zoneSwitch();
trackFilter();
starButtons();
