/**
 * The console's day grid: rooms as columns, 15-minute rows in venue time, and how a session
 * moves on it (by pointer or keyboard). Pure functions, so the maths is tested without a DOM.
 */
import { dayOf, minuteOfDay, toZonedIso } from './time.ts';

export const SLOT = 15;
const MINUTE = 60_000;

export type GridSession = { id: string; start: string; end: string; roomId: string };
/** `lane` of `lanes`: sessions that overlap in one room share its column side by side. */
export type Placement = { id: string; column: number; row: number; span: number; lane: number; lanes: number };
export type DayGrid = { firstMinute: number; rows: number; placements: Placement[] };

/**
 * The day's grid: from the hour before its first session (08:00 at the latest) to the hour
 * after its last (18:00 at the earliest); rows are 1-based, as in CSS grid lines.
 */
export function layoutDay(
  sessions: readonly GridSession[],
  roomIds: readonly string[],
  day: string,
  timeZone: string,
): DayGrid {
  const today = sessions.filter((s) => dayOf(s.start, timeZone) === day);
  const starts = today.map((s) => minuteOfDay(s.start, timeZone));
  const ends = today.map((s) => minuteOfDay(s.start, timeZone) + (Date.parse(s.end) - Date.parse(s.start)) / MINUTE);
  const firstMinute = Math.min(8 * 60, ...starts.map((m) => Math.floor(m / 60) * 60));
  const lastMinute = Math.min(24 * 60, Math.max(18 * 60, ...ends.map((m) => Math.ceil(m / 60) * 60)));
  const placements = today.map((s, i) => {
    const column = roomIds.indexOf(s.roomId) + 1;
    const row = Math.floor(((starts[i] as number) - firstMinute) / SLOT) + 1;
    const span = Math.max(1, Math.ceil(((ends[i] as number) - (starts[i] as number)) / SLOT));
    return { id: s.id, column, row, span, lane: 0, lanes: 1 };
  });
  for (const column of new Set(placements.map((p) => p.column))) {
    assignLanes(placements.filter((p) => p.column === column));
  }
  return { firstMinute, rows: (lastMinute - firstMinute) / SLOT, placements };
}

/**
 * Side by side, the sessions of one room that overlap (a clash being fixed), so none hides
 * another: each takes the first lane free at its start, and a run of overlapping sessions
 * shares its width among the lanes it needed.
 */
function assignLanes(room: Placement[]): void {
  const byStart = [...room].sort((a, b) => a.row - b.row || b.span - a.span);
  let laneEnds: number[] = [];
  let run: Placement[] = [];
  const closeRun = () => {
    for (const p of run) p.lanes = laneEnds.length;
    laneEnds = [];
    run = [];
  };
  for (const p of byStart) {
    if (run.length > 0 && p.row >= Math.max(...laneEnds)) closeRun();
    const free = laneEnds.findIndex((end) => end <= p.row);
    p.lane = free === -1 ? laneEnds.length : free;
    laneEnds[p.lane] = p.row + p.span;
    run.push(p);
  }
  closeRun();
}

/**
 * Where a new session goes unless the organiser says otherwise: the earliest quarter hour
 * from 09:00 at which a room (in their order) is free for an hour, that day, in venue time
 * ("HH:MM"); 09:00 in the first room when the day is full.
 */
export function freeSlot(
  sessions: readonly GridSession[],
  roomIds: readonly string[],
  day: string,
  timeZone: string,
): { start: string; end: string; roomId: string } {
  const today = sessions.filter((s) => dayOf(s.start, timeZone) === day);
  const busy = (roomId: string, from: number, to: number) =>
    today.some((s) => {
      if (s.roomId !== roomId) return false;
      const start = minuteOfDay(s.start, timeZone);
      return start < to && from < start + (Date.parse(s.end) - Date.parse(s.start)) / MINUTE;
    });
  for (let from = 9 * 60; from + 60 <= 18 * 60; from += SLOT) {
    const roomId = roomIds.find((id) => !busy(id, from, from + 60));
    if (roomId) return { start: hhmm(from), end: hhmm(from + 60), roomId };
  }
  return { start: '09:00', end: '10:00', roomId: roomIds[0] ?? '' };
}

/** A minute of the day as "09:15". */
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The label of grid row `row` (1-based): "09:15". */
export function rowTime(grid: Pick<DayGrid, 'firstMinute'>, row: number): string {
  return hhmm(grid.firstMinute + (row - 1) * SLOT);
}

export type Move = { minutes?: number; rooms?: number };

/**
 * The session moved by whole slots and/or rooms: the duration is kept, the room index is
 * clamped to the grid, the times are written with the venue's offset.
 */
export function moved<T extends GridSession>(session: T, move: Move, roomIds: readonly string[], timeZone: string): T {
  const shift = (move.minutes ?? 0) * MINUTE;
  const index = Math.min(roomIds.length - 1, Math.max(0, roomIds.indexOf(session.roomId) + (move.rooms ?? 0)));
  return {
    ...session,
    start: toZonedIso(Date.parse(session.start) + shift, timeZone),
    end: toZonedIso(Date.parse(session.end) + shift, timeZone),
    roomId: roomIds[index] ?? session.roomId,
  };
}

/**
 * Where a pointer dragged a session: the change in rows and columns between where it was
 * grabbed and where it is now, in whole slots and rooms.
 */
export function dragMove(dx: number, dy: number, columnWidth: number, rowHeight: number): Move {
  return { minutes: Math.round(dy / rowHeight) * SLOT, rooms: Math.round(dx / columnWidth) };
}
