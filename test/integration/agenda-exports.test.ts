/** The exports of the published demo agenda: valid against the upstream schemas, parsed by ical.js. */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { guidOf } from '../../functions/agenda/export-model.ts';
import { demoSessions } from '../../local/demo-agenda.ts';
import { seedDemoConference } from '../../local/seed.ts';
import { agendaApp } from '../support/apps.ts';
import { scheduleJsonErrors, scheduleXmlErrors } from '../support/schedule-schemas.ts';
import { freshTable } from './table.ts';

const base = '/api/events/citce-2027';

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // The calendar's own VTIMEZONE makes its local times instants.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

describe('agenda exports', () => {
  let app: ReturnType<typeof agendaApp>;

  beforeAll(async () => {
    const { doc, tableName } = await freshTable('exports');
    await seedDemoConference(doc, tableName);
    app = agendaApp({ doc, tableName });
  });

  it('schedule.xml validates against the frab/pentabarf XSD', async () => {
    const response = await app.request(`${base}/schedule.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(await scheduleXmlErrors(xml)).toEqual([]);
    expect(xml.match(/<event /g)).toHaveLength(demoSessions.length);
    expect(xml).toContain(`guid="${guidOf('citce-2027', 'session', 'opening-keynote')}"`);
    expect(xml).toContain('<time_zone_name>Europe/Lisbon</time_zone_name>');
  });

  it('schedule.json validates against the c3voc schema, in English and French', async () => {
    for (const lang of ['en', 'fr']) {
      const response = await app.request(`${base}/schedule.json?lang=${lang}`);
      expect(response.status).toBe(200);
      const json = (await response.json()) as {
        schedule: { conference: { days: { rooms: Record<string, { guid: string; title: string }[]> }[] } };
      };
      expect(scheduleJsonErrors(json)).toEqual([]);
      const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      expect(events).toHaveLength(demoSessions.length);
      const keynote = events.find((e) => e.guid === guidOf('citce-2027', 'session', 'opening-keynote'));
      expect(keynote?.title).toBe(
        lang === 'fr' ? 'Discours d’ouverture\u202f: des frontières connectées' : 'Opening keynote: connected borders',
      );
    }
  });

  it('agenda.ics has every session once, stable UIDs, the venue time zone with its VTIMEZONE', async () => {
    const response = await app.request(`${base}/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = parseIcs(await response.text());
    expect(events).toHaveLength(demoSessions.length);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Lisbon');
    expect(events.map((e) => e.uid).sort()).toEqual(
      demoSessions.map((s) => `${guidOf('citce-2027', 'session', s.id)}@citce-2027`).sort(),
    );
    const keynote = events.find((e) => e.summary === 'Opening keynote: connected borders')!;
    expect(keynote.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Lisbon');
    expect(keynote.startDate.toJSDate().toISOString()).toBe('2027-06-08T08:00:00.000Z');
    expect(keynote.endDate.toJSDate().toISOString()).toBe('2027-06-08T09:00:00.000Z');
    expect(keynote.location).toBe('Auditorium I, Lisbon Congress Centre, Praça das Indústrias 1, Lisbon');
    expect(keynote.component.getFirstPropertyValue('url')).toBe('http://localhost:4321/programme/opening-keynote/');
  });

  it('one session and one speaker have calendars of their own', async () => {
    const session = parseIcs(await (await app.request(`${base}/sessions/risk-engines/calendar.ics`)).text());
    expect(session.events.map((e) => e.uid)).toEqual([`${guidOf('citce-2027', 'session', 'risk-engines')}@citce-2027`]);
    const speaker = parseIcs(await (await app.request(`${base}/speakers/omar-haddad/calendar.ics?lang=fr`)).text());
    expect(speaker.events.map((e) => e.summary).sort()).toEqual([
      'Feuille de route des scanners 2030',
      'Inspection non intrusive aux frontières terrestres',
    ]);
    expect((await app.request(`${base}/speakers/nobody/calendar.ics`)).status).toBe(404);
  });

  it('exports carry a strong ETag per format and language and answer 304', async () => {
    const first = await app.request(`${base}/agenda.ics`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"v1-[A-Za-z0-9_-]{16}-ics-en"$/);
    expect((await app.request(`${base}/agenda.ics`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await app.request(`${base}/agenda.ics?lang=fr`)).headers.get('etag')).toBe(etag.replace('-en"', '-fr"'));
  });
});
