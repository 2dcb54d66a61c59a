/**
 * Conflict rules of the agenda, free of HTTP and storage. Intervals are half-open
 * [start, end): a session ending at 11:00 and one starting at 11:00 do not overlap. Times
 * compare as instants (their offsets applied), so sessions across midnight or across a
 * daylight-saving change compare by real elapsed time.
 */
import type { AgendaWarning } from './schemas.ts';

export type TimedSession = { id: string; start: string; end: string; roomId: string; speakerIds: string[] };
export type EventDays = { startDate: string; endDate: string; timeZone: string };

type Span = { id: string; from: number; to: number };

const span = (s: TimedSession): Span => ({ id: s.id, from: Date.parse(s.start), to: Date.parse(s.end) });

/** Pairs of spans that overlap, each pair sorted, in start order (a sweep over sorted spans). */
function overlappingPairs(spans: Span[]): [string, string][] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || a.id.localeCompare(b.id));
  const pairs: [string, string][] = [];
  for (const [i, a] of sorted.entries()) {
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j] as Span;
      if (b.from >= a.to) break;
      pairs.push(a.id < b.id ? [a.id, b.id] : [b.id, a.id]);
    }
  }
  return pairs;
}

function groupBy(sessions: TimedSession[], keysOf: (s: TimedSession) => string[]) {
  const groups = new Map<string, Span[]>();
  for (const session of sessions) {
    for (const key of keysOf(session)) groups.set(key, [...(groups.get(key) ?? []), span(session)]);
  }
  return groups;
}

/** Two sessions in one room at once, and a speaker in two sessions at once. */
export function overlapWarnings(sessions: TimedSession[]): AgendaWarning[] {
  const warnings: AgendaWarning[] = [];
  for (const [roomId, spans] of groupBy(sessions, (s) => [s.roomId])) {
    for (const sessionIds of overlappingPairs(spans)) warnings.push({ kind: 'room-overlap', sessionIds, roomId });
  }
  for (const [speakerId, spans] of groupBy(sessions, (s) => s.speakerIds)) {
    for (const sessionIds of overlappingPairs(spans)) {
      warnings.push({ kind: 'speaker-overlap', sessionIds, speakerId });
    }
  }
  return warnings;
}

/** The calendar date of an instant at the venue, YYYY-MM-DD. */
export function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** Whether a session starts and ends on the event's days, as the venue's clocks show them. */
export function withinEventDays(session: Pick<TimedSession, 'start' | 'end'>, days: EventDays): boolean {
  const first = localDate(Date.parse(session.start), days.timeZone);
  // A session ending at midnight ends on the day it started.
  const last = localDate(Date.parse(session.end) - 1, days.timeZone);
  return first >= days.startDate && last <= days.endDate;
}

/** Every warning of the draft: overlaps, then sessions outside the event's days. */
export function agendaWarnings(sessions: TimedSession[], days: EventDays | undefined): AgendaWarning[] {
  const outside = days
    ? sessions
        .filter((s) => !withinEventDays(s, days))
        .map((s): AgendaWarning => ({ kind: 'outside-event', sessionIds: [s.id] }))
    : [];
  return [...overlapWarnings(sessions), ...outside];
}

/** The warnings a session takes part in. */
export const warningsOf = (warnings: AgendaWarning[], sessionId: string) =>
  warnings.filter((w) => w.sessionIds.includes(sessionId));

/** Overlaps that stop a publish. */
export const blockingWarnings = (warnings: AgendaWarning[]) => warnings.filter((w) => w.kind !== 'outside-event');

/** One line per warning, for the 409 problem's `errors`. */
export function describeWarning(w: AgendaWarning): { path: string; message: string } {
  const sessions = w.sessionIds.join(' and ');
  if (w.kind === 'room-overlap') return { path: w.kind, message: `Sessions ${sessions} overlap in room ${w.roomId}` };
  if (w.kind === 'speaker-overlap') {
    return { path: w.kind, message: `Speaker ${w.speakerId} is in sessions ${sessions} at once` };
  }
  return { path: w.kind, message: `Session ${sessions} is outside the event's days` };
}
