import { describe, expect, it } from 'vitest';
import {
  dayOf,
  formatDay,
  formatRange,
  fromLocalInput,
  minuteOfDay,
  offsetMinutes,
  toLocalInput,
  toZonedIso,
  zoneName,
} from '../../site/src/scripts/agenda/time.ts';

describe('agenda times in the venue zone', () => {
  it('formats a session in the venue zone and in a viewer zone, 24-hour clock in both languages', () => {
    const start = '2027-06-08T09:00:00+02:00';
    const end = '2027-06-08T10:15:00+02:00';
    expect(formatRange(start, end, 'en', 'Europe/Brussels')).toBe('09:00–10:15');
    expect(formatRange(start, end, 'fr', 'Europe/Brussels')).toBe('09:00–10:15');
    expect(formatRange(start, end, 'en', 'America/New_York')).toBe('03:00–04:15');
    expect(formatRange(start, end, 'en', 'Asia/Kolkata')).toBe('12:30–13:45');
  });

  it('names the zone in each language', () => {
    expect(zoneName('Europe/Brussels', 'en', '2027-06-08T09:00:00+02:00')).toBe('UTC+2');
    expect(zoneName('Europe/Brussels', 'en', '2027-01-08T09:00:00+01:00')).toBe('UTC+1');
    expect(zoneName('Europe/Brussels', 'fr', '2027-06-08T09:00:00+02:00')).toBe('UTC+2');
    expect(zoneName('Europe/Lisbon', 'en', '2027-06-08T09:00:00+01:00')).toBe('UTC+1');
  });

  it('groups by the venue calendar day, not the UTC one', () => {
    expect(dayOf('2027-06-08T23:30:00Z', 'Europe/Brussels')).toBe('2027-06-09');
    expect(dayOf('2027-06-09T00:30:00+02:00', 'Europe/Brussels')).toBe('2027-06-09');
    expect(formatDay('2027-06-08', 'en')).toBe('Tuesday, 8 June 2027');
    expect(formatDay('2027-06-08', 'fr')).toBe('mardi 8 juin 2027');
    expect(minuteOfDay('2027-06-08T07:30:00Z', 'Europe/Brussels')).toBe(570);
  });

  it('turns venue wall-clock input into ISO with the offset in force, across daylight saving', () => {
    expect(fromLocalInput('2027-06-08T09:00', 'Europe/Brussels')).toBe('2027-06-08T09:00:00+02:00');
    expect(fromLocalInput('2027-01-12T09:00', 'Europe/Brussels')).toBe('2027-01-12T09:00:00+01:00');
    // 28 March 2027: 02:00 does not exist in Brussels; 02:30 becomes 03:30 CEST.
    expect(fromLocalInput('2027-03-28T02:30', 'Europe/Brussels')).toBe('2027-03-28T03:30:00+02:00');
    // 31 October 2027: 02:30 happens twice; the first (CEST) is taken.
    expect(fromLocalInput('2027-10-31T02:30', 'Europe/Brussels')).toBe('2027-10-31T02:30:00+02:00');
    expect(fromLocalInput('2027-06-08T09:00', 'UTC')).toBe('2027-06-08T09:00:00+00:00');
    expect(toLocalInput('2027-06-08T07:00:00Z', 'Europe/Brussels')).toBe('2027-06-08T09:00');
    expect(toZonedIso(Date.parse('2027-06-08T07:00:00Z'), 'America/New_York')).toBe('2027-06-08T03:00:00-04:00');
    expect(offsetMinutes(new Date('2027-06-08T07:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
});
