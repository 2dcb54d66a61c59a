/** "My agenda": the starred sessions of the published agenda, their overlaps, an .ics of them. */
import type { AgendaStrings } from '../../i18n/agenda.en.ts';
import { fill, localized, plural } from '../../i18n/format.ts';
import type { PublishedAgenda } from '../../lib/api-types.ts';
import { dataJson, download, el } from '../dom.ts';
import { calendar } from './ics.ts';
import { overlappingPairs } from './overlaps.ts';
import { manageToken, readStars, sync, toggle, writeStars } from './stars.ts';
import { byStart, dayOf, formatDay, formatRange, zoneName } from './time.ts';

export type MyAgendaConfig = {
  eventId: string;
  eventName: string;
  city: string;
  /** Name, address and city: with the room, where a session is (as the API's calendars say). */
  venue: string;
  programme: string;
  text: AgendaStrings['myAgenda'] & Pick<AgendaStrings, 'venueTime' | 'room' | 'notPublished'>;
};

export async function startMyAgenda(root: HTMLElement) {
  const config = dataJson<MyAgendaConfig>(root, 'config');
  const text = config.text;
  const lang = document.documentElement.lang;
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  const status = byId('my-agenda-status');
  const syncNote = byId('my-agenda-sync');
  const overlapsNote = byId('my-agenda-overlaps');
  const list = byId('my-agenda-list');
  const actions = byId('my-agenda-actions');

  const answer = await fetch(`/api/events/${encodeURIComponent(config.eventId)}/agenda`).catch(() => undefined);
  if (!answer?.ok) {
    status.textContent = answer?.status === 404 ? text.notPublished : text.failed;
    return;
  }
  const agenda = (await answer.json()) as PublishedAgenda;
  const zone = agenda.timeZone;
  const path = (id: string) => `${config.programme}${encodeURIComponent(id)}/`;

  try {
    await sync(localStorage);
    syncNote.textContent = manageToken(localStorage) ? text.synced : text.local;
  } catch {
    syncNote.textContent = text.syncFailed;
  }

  const starredSessions = () => {
    const ids = new Set(readStars(localStorage).ids);
    return agenda.sessions.filter((s) => ids.has(s.id)).sort(byStart);
  };
  const roomName = (id: string) => {
    const room = agenda.rooms.find((r) => r.id === id);
    return room ? localized(room.name, lang) : '';
  };

  const render = () => {
    const sessions = starredSessions();
    const pairs = overlappingPairs(sessions);
    const clashes = new Map<string, string[]>();
    for (const [x, y] of pairs) {
      clashes.set(x.id, [...(clashes.get(x.id) ?? []), localized(y.title, lang)]);
      clashes.set(y.id, [...(clashes.get(y.id) ?? []), localized(x.title, lang)]);
    }
    overlapsNote.hidden = pairs.length === 0;
    overlapsNote.textContent = pairs.length ? plural(lang, text.overlaps, pairs.length) : '';
    actions.hidden = sessions.length === 0;
    if (sessions.length === 0) {
      status.textContent = text.empty;
      list.replaceChildren();
      return;
    }
    status.textContent = fill(text.venueTime, {
      city: config.city,
      zone: zoneName(zone, lang, sessions[0]?.start ?? ''),
    });
    const days = [...new Set(sessions.map((s) => dayOf(s.start, zone)))];
    list.replaceChildren(
      ...days.map((day) =>
        el(
          'section',
          { class: 'day', 'aria-labelledby': `day-${day}` },
          el('h2', { id: `day-${day}` }, formatDay(day, lang)),
          el(
            'ol',
            { class: 'sessions' },
            ...sessions
              .filter((s) => dayOf(s.start, zone) === day)
              .map((s) => {
                const title = localized(s.title, lang);
                const remove = el(
                  'button',
                  { type: 'button', class: 'secondary', 'aria-label': fill(text.remove, { title }) },
                  text.removeShort,
                );
                remove.addEventListener('click', () => {
                  writeStars(localStorage, toggle(readStars(localStorage), s.id));
                  render();
                  status.textContent = fill(text.removed, { title });
                  void sync(localStorage).catch(() => undefined);
                });
                const clash = clashes.get(s.id);
                return el(
                  'li',
                  { class: clash ? 'session overlapping' : 'session' },
                  el(
                    'p',
                    { class: 'when' },
                    el('time', { datetime: s.start }, formatRange(s.start, s.end, lang, zone)),
                  ),
                  el(
                    'div',
                    { class: 'what' },
                    el('h3', { class: 'title' }, el('a', { href: path(s.id) }, title)),
                    el('p', { class: 'meta' }, el('span', {}, roomName(s.roomId))),
                    ...(clash
                      ? [
                          el(
                            'p',
                            { class: 'warning' },
                            clash.map((t) => fill(text.overlapsWith, { title: t })).join(' · '),
                          ),
                        ]
                      : []),
                    remove,
                  ),
                );
              }),
          ),
        ),
      ),
    );
  };
  render();

  byId('my-agenda-ics').addEventListener('click', () => {
    const entries = starredSessions().map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      summary: localized(s.title, lang),
      location: `${roomName(s.roomId)}, ${config.venue}`,
      ...(s.abstract ? { description: localized(s.abstract, lang) } : {}),
      url: new URL(path(s.id), location.origin).href,
    }));
    const ics = calendar(entries, {
      name: `${config.eventName} · ${text.calendarName}`,
      uidDomain: `${config.eventId}.${location.hostname}`,
      now: new Date(),
    });
    download(`${config.eventId}-my-agenda.ics`, new Blob([ics], { type: 'text/calendar' }));
  });
}
