/** Instants shown on the venue's clocks: the offset, local date and time, ISO 8601 with offset. */

const offsetFormat = new Map<string, Intl.DateTimeFormat>();

/** The venue's UTC offset at an instant, in minutes (e.g. 120 for +02:00). */
export function offsetMinutes(instant: number, timeZone: string): number {
  let format = offsetFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormat.set(timeZone, format);
  }
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = name.match(/GMT([+-])(\d{2}):(\d{2})/);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

const two = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 at the venue: 2027-06-08T09:00:00+02:00. */
export function zonedIso(instant: number, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Local time of day, HH:MM. */
export const zonedTime = (instant: number, timeZone: string) => zonedIso(instant, timeZone).slice(11, 16);

/** Local date, YYYY-MM-DD. */
export const zonedDate = (instant: number, timeZone: string) => zonedIso(instant, timeZone).slice(0, 10);

/** The instant a local date begins at the venue (its midnight, or the first minute after a gap). */
export function zonedMidnight(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let guess = utcMidnight - offsetMinutes(utcMidnight, timeZone) * 60_000;
  guess = utcMidnight - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

/** The dates from start to end inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** HH:MM of a duration in milliseconds. */
export function hoursMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}
