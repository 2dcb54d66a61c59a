/**
 * The frab/pentabarf schedule.xml (media type application/vnd.c3voc.schedule+xml), read by
 * Giggity, EventFahrplan and ConfClerk: conference, then days, rooms and events in order.
 */
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
  text,
  trackName,
} from './export-model.ts';
import { hoursMinutes, zonedIso, zonedTime } from './zoned.ts';

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const element = (name: string, value: string | number, attrs = '') =>
  `<${name}${attrs}>${escapeXml(String(value))}</${name}>`;
const attr = (name: string, value: string | number) => ` ${name}="${escapeXml(String(value))}"`;

export function scheduleXml(ctx: ExportContext): string {
  const { agenda, event, lang } = ctx;
  const tz = event.timeZone;
  const ids = numericIds(event.id, agenda.sessions);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `  <generator${attr('name', 'conference-platform')}${attr('version', '1')}/>`,
    `  ${element('version', `v${agenda.version}`)}`,
    '  <conference>',
    `    ${element('title', text(event.name, lang))}`,
    `    ${element('acronym', acronymOf(event.id))}`,
    `    ${element('start', event.startDate)}`,
    `    ${element('end', event.endDate)}`,
    `    ${element('days', scheduleDays(ctx).length)}`,
    `    ${element('timeslot_duration', '00:15')}`,
    `    ${element('base_url', programmeUrl(ctx))}`,
    `    ${element('time_zone_name', tz)}`,
    ...agenda.tracks.map(
      (t) =>
        `    ${element('track', text(t.name, lang), `${attr('name', text(t.name, lang))}${t.color ? attr('color', t.color) : ''}`)}`,
    ),
    '  </conference>',
  ];
  for (const day of scheduleDays(ctx)) {
    const dayAttrs = `${attr('index', day.index)}${attr('date', day.date)}${attr('start', zonedIso(day.start, tz))}${attr('end', zonedIso(day.end, tz))}`;
    lines.push(`  <day${dayAttrs}>`);
    for (const { room, sessions } of day.rooms) {
      lines.push(`    <room${attr('name', roomName(ctx, room.id))}${attr('guid', guidOf(event.id, 'room', room.id))}>`);
      for (const s of sessions) {
        const start = Date.parse(s.start);
        const persons = speakersOf(ctx, s).map(
          (p) => `          ${element('person', p.name, attr('guid', guidOf(event.id, 'speaker', p.id)))}`,
        );
        lines.push(
          `      <event${attr('id', ids.get(s.id) ?? 1)}${attr('guid', guidOf(event.id, 'session', s.id))}>`,
          `        ${element('room', roomName(ctx, s.roomId))}`,
          `        ${element('title', text(s.title, lang))}`,
          `        ${element('subtitle', '')}`,
          `        ${element('type', s.type)}`,
          `        ${element('date', zonedIso(start, tz))}`,
          `        ${element('start', zonedTime(start, tz))}`,
          `        ${element('duration', hoursMinutes(Date.parse(s.end) - start))}`,
          `        ${element('abstract', text(s.abstract, lang))}`,
          `        ${element('track', trackName(ctx, s.trackId))}`,
          ...(s.language ? [`        ${element('language', s.language)}`] : []),
          persons.length > 0 ? `        <persons>\n${persons.join('\n')}\n        </persons>` : '        <persons/>',
          '        <links/>',
          `        ${element('url', sessionUrl(ctx, s.id))}`,
          '      </event>',
        );
      }
      lines.push('    </room>');
    }
    lines.push('  </day>');
  }
  lines.push('</schedule>', '');
  return lines.join('\n');
}
