/**
 * iCalendar exports: the whole published agenda, one session, or one speaker's sessions.
 * Times are in the venue's zone (TZID plus its VTIMEZONE), UIDs are the sessions' guids
 * (stable across publishes, so calendars update instead of duplicating), LOCATION names the
 * room and the venue, URL points to the session's page.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { type ExportContext, guidOf, roomName, sessionUrl, speakersOf, text } from './export-model.ts';
import type { PublicSession } from './schemas.ts';
import { venueDateTime } from './venue-time.ts';

/** The VTIMEZONE of an IANA zone, from the library's current tz data. */
export function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

export function agendaIcs(ctx: ExportContext, sessions: PublicSession[], name: string): string {
  const { event, lang } = ctx;
  const venue = `${text(event.venue.name, lang)}, ${event.venue.address}, ${text(event.venue.city, lang)}`;
  const calendar = ical({
    name,
    prodId: { company: 'conference-platform', product: 'agenda', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: event.timeZone, generator: vtimezone },
  });
  const stamp = new Date(ctx.agenda.publishedAt);
  for (const s of sessions) {
    const speakers = speakersOf(ctx, s).map((p) => p.name);
    const abstract = text(s.abstract, lang);
    const description = [speakers.length > 0 ? speakers.join(', ') : '', abstract].filter(Boolean).join('\n\n');
    calendar.createEvent({
      id: `${guidOf(event.id, 'session', s.id)}@${event.id}`,
      start: venueDateTime(Date.parse(s.start), event.timeZone),
      end: venueDateTime(Date.parse(s.end), event.timeZone),
      timezone: event.timeZone,
      stamp,
      summary: text(s.title, lang),
      ...(description ? { description } : {}),
      location: `${roomName(ctx, s.roomId)}, ${venue}`,
      url: sessionUrl(ctx, s.id),
      // SEQUENCE follows the published version, so a moved session replaces the old entry.
      sequence: ctx.agenda.version,
    });
  }
  return calendar.toString();
}
