/**
 * Build-time reads of the published agenda, and what the programme, session and speaker pages
 * derive from it. An agenda that was never published is `undefined`: the pages say so and the
 * build goes on.
 */
import { getRelativeLocaleUrl } from 'astro:i18n';
import { type AgendaStrings, agendaEn } from '../i18n/agenda.en.ts';
import { agendaFr } from '../i18n/agenda.fr.ts';
import { fill } from '../i18n/format.ts';
import { byStart, dayOf, zoneName } from '../scripts/agenda/time.ts';
import { type Language, PublishedAgenda } from './api-types.ts';

export function agendaText(lang: Language): AgendaStrings {
  return lang === 'fr' ? agendaFr : agendaEn;
}

let published: Promise<PublishedAgenda | undefined> | undefined;

export function getPublishedAgenda(eventId: string): Promise<PublishedAgenda | undefined> {
  published ??= (async () => {
    const base = (process.env.API_BASE_URL ?? '').replace(/\/$/, '');
    if (!base) throw new Error('Set API_BASE_URL to the API origin the site is built from (see README).');
    const response = await fetch(`${base}/api/events/${encodeURIComponent(eventId)}/agenda`);
    // Never published (or no agenda context yet): the pages say so.
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`GET /api/events/${eventId}/agenda answered ${response.status}`);
    return PublishedAgenda.parse(await response.json());
  })();
  return published;
}

export type Day = { day: string; sessions: PublishedAgenda['sessions'] };

/** The sessions by venue day, in time order. */
export function byDay(agenda: PublishedAgenda): Day[] {
  const days = new Map<string, PublishedAgenda['sessions']>();
  for (const session of [...agenda.sessions].sort(byStart)) {
    const day = dayOf(session.start, agenda.timeZone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return [...days].map(([day, sessions]) => ({ day, sessions }));
}

/** The venue zone's label at an instant, e.g. "Times in Brussels time (UTC+2)", « Heures d’Ottawa (UTC−4) ». */
export const zoneLabel = (lang: Language, timeZone: string, at: string, city: string) =>
  fill(agendaText(lang).venueTime, { city, zone: zoneName(timeZone, lang, at) });

/** The label for an agenda's times, at its first session. */
export const venueZoneLabel = (agenda: PublishedAgenda, lang: Language, city: string) =>
  zoneLabel(lang, agenda.timeZone, agenda.sessions[0]?.start ?? agenda.publishedAt, city);

export const sessionPath = (lang: Language, id: string) => getRelativeLocaleUrl(lang, `programme/${id}`);
export const speakerPath = (lang: Language, id: string) => getRelativeLocaleUrl(lang, `speakers/${id}`);

/** The API's calendar exports (served by the agenda context). */
export const exportPaths = (eventId: string) => {
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  return {
    agenda: `${base}/agenda.ics`,
    xml: `${base}/schedule.xml`,
    json: `${base}/schedule.json`,
    session: (id: string) => `${base}/sessions/${encodeURIComponent(id)}/calendar.ics`,
    speaker: (id: string) => `${base}/speakers/${encodeURIComponent(id)}/calendar.ics`,
  };
};
