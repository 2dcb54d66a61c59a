/**
 * What every export shares: the text in the asked language, stable ids (UUIDv5 guids from
 * the event and entity ids, so they survive every publish), links to the site's pages, and
 * the published sessions grouped by day and room as the venue's clocks show them.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Event } from '../events/schemas.ts';
import type { PublicRoom, PublicSession, PublishedAgenda } from './schemas.ts';
import { datesBetween, zonedDate, zonedMidnight } from './zoned.ts';

/** The namespace of this platform's agenda guids (a fixed random UUID; never change it). */
export const GUID_NAMESPACE = '6b0c8f3e-5a4d-4c1e-9f27-3d8a1b2c4e50';

export type ExportLanguage = 'en' | 'fr';
export type ExportContext = { agenda: PublishedAgenda; event: Event; siteUrl: string; lang: ExportLanguage };

export const text = (value: { en: string; fr?: string } | undefined, lang: ExportLanguage) =>
  value ? (lang === 'fr' ? (value.fr ?? value.en) : value.en) : '';

export const guidOf = (eventId: string, kind: 'session' | 'speaker' | 'room', id: string) =>
  uuidv5(`${eventId}/${kind}/${id}`, GUID_NAMESPACE);

const pagePrefix = (ctx: ExportContext) => `${ctx.siteUrl.replace(/\/$/, '')}${ctx.lang === 'fr' ? '/fr' : ''}`;
export const sessionUrl = (ctx: ExportContext, id: string) => `${pagePrefix(ctx)}/programme/${id}/`;
export const speakerUrl = (ctx: ExportContext, id: string) => `${pagePrefix(ctx)}/speakers/${id}/`;
export const programmeUrl = (ctx: ExportContext) => `${pagePrefix(ctx)}/programme/`;

/** The conference's short name for the schedule formats: the event id with underscores. */
export const acronymOf = (eventId: string) => eventId.replace(/-/g, '_').padEnd(4, '_');

/**
 * Small positive integers for formats that still need them (frab's event id), derived from
 * the guid so they stay the same across publishes; a rare collision takes the next free one.
 */
export function numericIds(eventId: string, sessions: PublicSession[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const session of [...sessions].sort((a, b) => a.id.localeCompare(b.id))) {
    let n = (Number.parseInt(guidOf(eventId, 'session', session.id).slice(0, 7), 16) % 99_999_999) + 1;
    while (taken.has(n)) n += 1;
    taken.add(n);
    ids.set(session.id, n);
  }
  return ids;
}

export type ScheduleDay = {
  index: number;
  date: string;
  start: number;
  end: number;
  rooms: { room: PublicRoom; sessions: PublicSession[] }[];
};

/** The event's days (and any day a session falls on), each with its rooms' sessions in start order. */
export function scheduleDays(ctx: ExportContext): ScheduleDay[] {
  const { agenda, event } = ctx;
  const tz = event.timeZone;
  const dayOf = (s: PublicSession) => zonedDate(Date.parse(s.start), tz);
  const dates = new Set(datesBetween(event.startDate, event.endDate));
  for (const session of agenda.sessions) dates.add(dayOf(session));
  return [...dates].sort().map((date, i) => {
    const sessions = agenda.sessions.filter((s) => dayOf(s) === date);
    const nextDay = zonedMidnight(nextDate(date), tz);
    const start = Math.min(zonedMidnight(date, tz), ...sessions.map((s) => Date.parse(s.start)));
    const end = Math.max(nextDay, ...sessions.map((s) => Date.parse(s.end)));
    const rooms = agenda.rooms
      .map((room) => ({ room, sessions: sessions.filter((s) => s.roomId === room.id) }))
      .filter((r) => r.sessions.length > 0);
    return { index: i + 1, date, start, end, rooms };
  });
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const trackName = (ctx: ExportContext, trackId: string | undefined) =>
  text(ctx.agenda.tracks.find((t) => t.id === trackId)?.name, ctx.lang);
export const roomName = (ctx: ExportContext, roomId: string) =>
  text(ctx.agenda.rooms.find((r) => r.id === roomId)?.name, ctx.lang) || roomId;
export const speakersOf = (ctx: ExportContext, session: PublicSession) =>
  session.speakerIds.flatMap((id) => ctx.agenda.speakers.filter((s) => s.id === id));
