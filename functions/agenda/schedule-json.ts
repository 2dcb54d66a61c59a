/** The c3voc schedule.json (as pretalx exports it): the same schedule as schedule.xml, as JSON. */
import {
  acronymOf,
  type ExportContext,
  guidOf,
  numericIds,
  programmeUrl,
  roomName,
  scheduleDays,
  sessionUrl,
  speakersOf,
  speakerUrl,
  text,
  trackName,
} from './export-model.ts';
import { hoursMinutes, zonedIso, zonedTime } from './zoned.ts';

const SCHEMA_URL = 'https://c3voc.de/schedule/schema.json';

export function scheduleJson(ctx: ExportContext) {
  const { agenda, event, lang } = ctx;
  const tz = event.timeZone;
  const acronym = acronymOf(event.id);
  const ids = numericIds(event.id, agenda.sessions);
  const days = scheduleDays(ctx);
  return {
    $schema: SCHEMA_URL,
    generator: { name: 'conference-platform', version: '1' },
    schedule: {
      version: `v${agenda.version}`,
      base_url: programmeUrl(ctx),
      conference: {
        acronym,
        title: text(event.name, lang),
        start: event.startDate,
        end: event.endDate,
        daysCount: days.length,
        timeslot_duration: '00:15',
        time_zone_name: tz,
        url: programmeUrl(ctx),
        tracks: agenda.tracks.map((t) => ({ name: text(t.name, lang), ...(t.color ? { color: t.color } : {}) })),
        rooms: agenda.rooms.map((r) => ({
          name: text(r.name, lang),
          guid: guidOf(event.id, 'room', r.id),
          ...(r.capacity ? { capacity: r.capacity } : {}),
        })),
        days: days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: zonedIso(day.start, tz),
          day_end: zonedIso(day.end, tz),
          rooms: Object.fromEntries(
            day.rooms.map(({ room, sessions }) => [
              roomName(ctx, room.id),
              sessions.map((s) => {
                const start = Date.parse(s.start);
                return {
                  guid: guidOf(event.id, 'session', s.id),
                  id: ids.get(s.id) ?? 1,
                  date: zonedIso(start, tz),
                  start: zonedTime(start, tz),
                  end: zonedIso(Date.parse(s.end), tz),
                  duration: hoursMinutes(Date.parse(s.end) - start),
                  room: roomName(ctx, s.roomId),
                  slug: `${acronym}-${s.id}`,
                  url: sessionUrl(ctx, s.id),
                  title: text(s.title, lang),
                  subtitle: null,
                  track: trackName(ctx, s.trackId) || null,
                  type: s.type,
                  language: s.language ?? null,
                  abstract: text(s.abstract, lang) || null,
                  description: null,
                  persons: speakersOf(ctx, s).map((p) => ({
                    name: p.name,
                    guid: guidOf(event.id, 'speaker', p.id),
                    url: speakerUrl(ctx, p.id),
                    biography: text(p.bio, lang) || null,
                  })),
                  links: [],
                };
              }),
            ]),
          ),
        })),
      },
    },
  };
}
