/**
 * An instant as ical-generator's Temporal shape (ZonedDateTime) in the venue's zone. A plain
 * Date with a TZID would be written in the server's own zone; this carries the venue's wall
 * clock, so DTSTART;TZID=<zone> shows the time the programme shows, on any server.
 */
import type {
  ICalTemporalInstantStub,
  ICalTemporalPlainDateTimeStub,
  ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import { zonedIso } from './zoned.ts';

export function venueDateTime(instant: number, timeZone: string): ICalTemporalZonedDateTimeStub {
  const iso = zonedIso(instant, timeZone);
  const [year, month, day, hour, minute, second] = iso.slice(0, 19).split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fields = { year, month, day, hour, minute, second };
  const text = () => iso;
  const instantStub: ICalTemporalInstantStub = {
    epochMilliseconds: instant,
    epochSeconds: Math.floor(instant / 1000),
    toJSON: () => new Date(instant).toISOString(),
    toString: () => new Date(instant).toISOString(),
    toZonedDateTimeISO: (zone) => venueDateTime(instant, zone),
  };
  const plain: ICalTemporalPlainDateTimeStub = {
    ...fields,
    toJSON: () => iso.slice(0, 19),
    toString: () => iso.slice(0, 19),
    toPlainDate: () => ({ year, month, day, toJSON: () => iso.slice(0, 10), toString: () => iso.slice(0, 10) }),
    toZonedDateTime: (zone) => venueDateTime(instant, zone),
  };
  return {
    ...fields,
    timeZoneId: timeZone,
    toInstant: () => instantStub,
    toJSON: text,
    toString: text,
    toPlainDateTime: () => plain,
    withTimeZone: (zone) => venueDateTime(instant, zone),
  };
}
