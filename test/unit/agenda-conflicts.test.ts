import { describe, expect, it } from 'vitest';
import { agendaWarnings, overlapWarnings, withinEventDays } from '../../functions/agenda/conflicts.ts';

const s = (id: string, start: string, end: string, roomId = 'r1', speakerIds: string[] = []) => ({
  id,
  start,
  end,
  roomId,
  speakerIds,
});
const days = { startDate: '2027-06-08', endDate: '2027-06-10', timeZone: 'Europe/Lisbon' };

describe('conflict detection', () => {
  it('does not count touching sessions as overlapping', () => {
    expect(
      overlapWarnings([
        s('a', '2027-06-08T10:00:00+01:00', '2027-06-08T11:00:00+01:00'),
        s('b', '2027-06-08T11:00:00+01:00', '2027-06-08T12:00:00+01:00'),
      ]),
    ).toEqual([]);
  });

  it('finds a session nested in another, and identical sessions', () => {
    const outer = s('outer', '2027-06-08T09:00:00+01:00', '2027-06-08T12:00:00+01:00');
    const inner = s('inner', '2027-06-08T10:00:00+01:00', '2027-06-08T10:30:00+01:00');
    const twin = s('twin', '2027-06-08T09:00:00+01:00', '2027-06-08T12:00:00+01:00');
    expect(overlapWarnings([outer, inner, twin])).toEqual([
      { kind: 'room-overlap', sessionIds: ['outer', 'twin'], roomId: 'r1' },
      { kind: 'room-overlap', sessionIds: ['inner', 'outer'], roomId: 'r1' },
      { kind: 'room-overlap', sessionIds: ['inner', 'twin'], roomId: 'r1' },
    ]);
  });

  it('compares instants, whatever offsets the times are written with', () => {
    const lisbon = s('lisbon', '2027-06-08T10:00:00+01:00', '2027-06-08T11:00:00+01:00');
    const utc = s('utc', '2027-06-08T09:30:00Z', '2027-06-08T09:45:00Z');
    const later = s('later', '2027-06-08T10:00:00Z', '2027-06-08T10:30:00Z');
    expect(overlapWarnings([lisbon, utc, later])).toEqual([
      { kind: 'room-overlap', sessionIds: ['lisbon', 'utc'], roomId: 'r1' },
    ]);
  });

  it('finds overlaps across midnight', () => {
    const night = s('night', '2027-06-08T23:00:00+01:00', '2027-06-09T01:00:00+01:00');
    const early = s('early', '2027-06-09T00:30:00+01:00', '2027-06-09T02:00:00+01:00');
    const after = s('after', '2027-06-09T01:00:00+01:00', '2027-06-09T02:00:00+01:00', 'r2');
    expect(overlapWarnings([night, early, after])).toEqual([
      { kind: 'room-overlap', sessionIds: ['early', 'night'], roomId: 'r1' },
    ]);
  });

  it('finds overlaps across a daylight-saving change by real elapsed time', () => {
    // Lisbon, 31 October 2027: 02:00 WEST (+01:00) becomes 01:00 WET (+00:00), so 01:30 happens twice.
    const firstHalfPast = s('first', '2027-10-31T01:30:00+01:00', '2027-10-31T01:59:00+01:00');
    const secondHalfPast = s('second', '2027-10-31T01:30:00+00:00', '2027-10-31T01:59:00+00:00');
    expect(overlapWarnings([firstHalfPast, secondHalfPast])).toEqual([]);
    const spanning = s('spanning', '2027-10-31T00:30:00+01:00', '2027-10-31T01:45:00+00:00');
    expect(overlapWarnings([firstHalfPast, secondHalfPast, spanning])).toEqual([
      { kind: 'room-overlap', sessionIds: ['first', 'spanning'], roomId: 'r1' },
      { kind: 'room-overlap', sessionIds: ['second', 'spanning'], roomId: 'r1' },
    ]);
  });

  it('finds a speaker in two rooms at once, once per speaker', () => {
    const a = s('a', '2027-06-08T10:00:00+01:00', '2027-06-08T11:00:00+01:00', 'r1', ['ana', 'bo']);
    const b = s('b', '2027-06-08T10:30:00+01:00', '2027-06-08T11:30:00+01:00', 'r2', ['ana']);
    const c = s('c', '2027-06-08T10:45:00+01:00', '2027-06-08T11:15:00+01:00', 'r3', ['ana', 'bo']);
    expect(overlapWarnings([a, b, c])).toEqual([
      { kind: 'speaker-overlap', sessionIds: ['a', 'b'], speakerId: 'ana' },
      { kind: 'speaker-overlap', sessionIds: ['a', 'c'], speakerId: 'ana' },
      { kind: 'speaker-overlap', sessionIds: ['b', 'c'], speakerId: 'ana' },
      { kind: 'speaker-overlap', sessionIds: ['a', 'c'], speakerId: 'bo' },
    ]);
  });

  it("flags sessions outside the event's days as the venue's clocks show them", () => {
    expect(withinEventDays(s('x', '2027-06-08T00:00:00+01:00', '2027-06-08T01:00:00+01:00'), days)).toBe(true);
    // 23:30 UTC on the 7th is 00:30 on the 8th in Lisbon.
    expect(withinEventDays(s('x', '2027-06-07T23:30:00Z', '2027-06-08T00:30:00Z'), days)).toBe(true);
    expect(withinEventDays(s('x', '2027-06-07T22:30:00Z', '2027-06-07T23:30:00Z'), days)).toBe(false);
    // Ending at midnight ends on the last day; running past it does not.
    expect(withinEventDays(s('x', '2027-06-10T23:00:00+01:00', '2027-06-11T00:00:00+01:00'), days)).toBe(true);
    expect(withinEventDays(s('x', '2027-06-10T23:00:00+01:00', '2027-06-11T00:30:00+01:00'), days)).toBe(false);
    expect(agendaWarnings([s('late', '2027-06-11T09:00:00+01:00', '2027-06-11T10:00:00+01:00')], days)).toEqual([
      { kind: 'outside-event', sessionIds: ['late'] },
    ]);
  });
});
