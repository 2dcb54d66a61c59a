/**
 * Times of the agenda: shown in the venue's time zone (or the viewer's), grouped by the
 * venue's calendar day, and typed by organisers as venue wall-clock time. Small and free of
 * locale data, so both the build and the islands import it.
 */

const LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };
export const localeOf = (lang: string) => LOCALES[lang] ?? 'en-GB';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** The wall-clock parts of an instant in a time zone. */
function parts(at: Date, timeZone: string) {
  const values: Record<string, number> = {};
  for (const p of format('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at)) {
    if (p.type !== 'literal') values[p.type] = Number(p.value);
  }
  return values as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The zone's offset from UTC at that instant, in minutes (Brussels in summer: 120). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "+02:00", "-05:00", "+00:00". */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** The wall-clock time of an instant in a zone, as `YYYY-MM-DDTHH:mm` (a datetime-local value). */
export function toLocalInput(iso: string, timeZone: string): string {
  const p = parts(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** An instant as ISO 8601 with the zone's offset at that instant, e.g. 2027-06-08T09:00:00+02:00. */
export function toZonedIso(ms: number, timeZone: string): string {
  const at = new Date(ms);
  return `${toLocalInput(at.toISOString(), timeZone)}:${pad(parts(at, timeZone).second)}${offsetText(offsetMinutes(at, timeZone))}`;
}

/**
 * A venue wall-clock time (`YYYY-MM-DDTHH:mm`) as ISO 8601 with the offset in force then.
 * A time skipped by a daylight-saving change moves forward by the gap; a repeated one takes
 * its first occurrence.
 */
export function fromLocalInput(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset a few hours before and after covers both sides of a change.
  const candidates = [
    wall - offsetMinutes(new Date(wall - 6 * 3_600_000), timeZone) * 60_000,
    wall - offsetMinutes(new Date(wall + 6 * 3_600_000), timeZone) * 60_000,
  ];
  const exact = candidates.filter((ms) => toLocalInput(new Date(ms).toISOString(), timeZone) === local.slice(0, 16));
  const ms = exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
  return toZonedIso(ms, timeZone);
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayOf(iso: string, timeZone: string): string {
  return toLocalInput(iso, timeZone).slice(0, 10);
}

/** Minutes since the zone's midnight of that day (09:30 → 570). */
export function minuteOfDay(iso: string, timeZone: string): number {
  const p = parts(new Date(iso), timeZone);
  return p.hour * 60 + p.minute;
}

/** "09:30" in the zone, 24-hour clock in both languages. */
export function formatTime(iso: string, lang: string, timeZone: string): string {
  return format(localeOf(lang), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** "09:30–10:15". */
export function formatRange(start: string, end: string, lang: string, timeZone: string): string {
  return `${formatTime(start, lang, timeZone)}–${formatTime(end, lang, timeZone)}`;
}

/** "Tuesday 8 June 2027" / "mardi 8 juin 2027" for a calendar day (YYYY-MM-DD). */
export function formatDay(day: string, lang: string): string {
  return format(localeOf(lang), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * The zone's offset at that instant: "UTC+2". Offsets, not abbreviations: few readers know
 * "WEST" is Lisbon's summer time; and UTC in both languages (English data says "GMT+2").
 */
export function zoneName(timeZone: string, lang: string, at: string): string {
  const name = format(localeOf(lang), { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ? name.replace(/^GMT/, 'UTC') : timeZone;
}

/** A day's sessions in order: by start, then end, then id (stable across builds). */
export function byStart<T extends { id: string; start: string; end: string }>(a: T, b: T): number {
  return Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end) || a.id.localeCompare(b.id);
}

/** A session's times in another zone; with the short date when its day there is not the venue's. */
export function formatRangeIn(start: string, end: string, lang: string, zone: string, venueZone: string): string {
  const range = formatRange(start, end, lang, zone);
  if (dayOf(start, zone) === dayOf(start, venueZone)) return range;
  const date = format(localeOf(lang), { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
  return `${date.format(new Date(start))} ${range}`;
}
