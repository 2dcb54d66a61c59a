import { describe, expect, it } from 'vitest';
import { dragMove, freeSlot, layoutDay, moved, rowTime } from '../../site/src/scripts/agenda/grid.ts';
import { calendar, escapeText, fold, utcStamp } from '../../site/src/scripts/agenda/ics.ts';
import { overlappingIds, overlappingPairs } from '../../site/src/scripts/agenda/overlaps.ts';
import { merge, readStars, sync, toggle, writeStars } from '../../site/src/scripts/agenda/stars.ts';

const s = (id: string, start: string, end: string, roomId = 'a') => ({
  id,
  start: `2027-06-08T${start}:00+02:00`,
  end: `2027-06-08T${end}:00+02:00`,
  roomId,
});

describe('overlaps among starred sessions', () => {
  it('finds nested, identical and partial overlaps but not touching ones', () => {
    const items = [
      s('touch1', '10:00', '11:00'),
      s('touch2', '11:00', '12:00'),
      s('outer', '13:00', '17:00'),
      s('nested', '14:00', '15:00'),
      s('same', '14:00', '15:00'),
      s('late', '16:30', '18:00'),
    ];
    expect(overlappingPairs(items).map(([a, b]) => `${a.id}+${b.id}`)).toEqual([
      'outer+nested',
      'outer+same',
      'outer+late',
      'nested+same',
    ]);
    expect([...overlappingIds(items)].sort()).toEqual(['late', 'nested', 'outer', 'same']);
  });

  it('compares instants, whatever the offsets are written in', () => {
    const a = { id: 'a', start: '2027-06-08T09:00:00+02:00', end: '2027-06-08T10:00:00+02:00' };
    const b = { id: 'b', start: '2027-06-08T07:30:00Z', end: '2027-06-08T08:30:00Z' };
    expect(overlappingPairs([a, b]).length).toBe(1);
  });
});

describe('the console day grid', () => {
  const rooms = ['a', 'b', 'c'];
  it('places sessions in rooms and 15-minute rows from 08:00', () => {
    const grid = layoutDay(
      [
        s('k', '09:00', '10:00', 'a'),
        s('w', '10:15', '11:00', 'c'),
        { ...s('x', '09:00', '10:00'), start: '2027-06-09T09:00:00+02:00' },
      ],
      rooms,
      '2027-06-08',
      'Europe/Brussels',
    );
    expect(grid).toEqual({
      firstMinute: 480,
      rows: 40,
      placements: [
        { id: 'k', column: 1, row: 5, span: 4, lane: 0, lanes: 1 },
        { id: 'w', column: 3, row: 10, span: 3, lane: 0, lanes: 1 },
      ],
    });
    expect(rowTime(grid, 10)).toBe('10:15');
  });

  it('puts sessions that overlap in one room side by side, so none hides another', () => {
    const grid = layoutDay(
      [
        s('keynote', '09:00', '10:00', 'a'),
        s('clash', '09:00', '10:00', 'a'),
        s('late', '09:30', '11:00', 'a'),
        s('after', '11:00', '12:00', 'a'),
        s('other-room', '09:00', '10:00', 'b'),
      ],
      rooms,
      '2027-06-08',
      'Europe/Brussels',
    );
    expect(Object.fromEntries(grid.placements.map((p) => [p.id, [p.lane, p.lanes]]))).toEqual({
      keynote: [0, 3],
      clash: [1, 3],
      late: [2, 3],
      after: [0, 1],
      'other-room': [0, 1],
    });
  });

  it('reuses a lane freed in a run of overlaps', () => {
    const grid = layoutDay(
      [s('long', '09:00', '12:00'), s('first', '09:00', '10:00'), s('second', '10:00', '11:00')],
      rooms,
      '2027-06-08',
      'Europe/Brussels',
    );
    expect(Object.fromEntries(grid.placements.map((p) => [p.id, [p.lane, p.lanes]]))).toEqual({
      long: [0, 2],
      first: [1, 2],
      second: [1, 2],
    });
  });

  it('offers a new session the earliest free hour from 09:00, rooms in order', () => {
    const zone = 'Europe/Brussels';
    expect(freeSlot([], rooms, '2027-06-08', zone)).toEqual({ start: '09:00', end: '10:00', roomId: 'a' });
    const morning = [s('k', '09:00', '10:00', 'a'), s('t', '08:30', '09:30', 'b'), s('w', '09:00', '12:00', 'c')];
    expect(freeSlot(morning, rooms, '2027-06-08', zone)).toEqual({ start: '09:30', end: '10:30', roomId: 'b' });
    // Another day's sessions do not count.
    expect(freeSlot(morning, rooms, '2027-06-09', zone)).toEqual({ start: '09:00', end: '10:00', roomId: 'a' });
    const full = rooms.map((r) => s(`all-${r}`, '08:00', '18:00', r));
    expect(freeSlot(full, rooms, '2027-06-08', zone)).toEqual({ start: '09:00', end: '10:00', roomId: 'a' });
  });

  it('widens the day for early and late sessions', () => {
    const grid = layoutDay(
      [s('e', '07:15', '08:00'), s('l', '19:00', '20:30')],
      rooms,
      '2027-06-08',
      'Europe/Brussels',
    );
    expect([grid.firstMinute, grid.rows]).toEqual([420, 56]);
  });

  it('moves by slots and rooms, keeping the duration and clamping to the rooms', () => {
    const session = s('k', '09:00', '10:00', 'b');
    expect(moved(session, { minutes: 15 }, rooms, 'Europe/Brussels')).toEqual({
      ...session,
      start: '2027-06-08T09:15:00+02:00',
      end: '2027-06-08T10:15:00+02:00',
    });
    expect(moved(session, { rooms: 1 }, rooms, 'Europe/Brussels').roomId).toBe('c');
    expect(moved(session, { rooms: 5 }, rooms, 'Europe/Brussels').roomId).toBe('c');
    expect(moved(session, { rooms: -5, minutes: -30 }, rooms, 'Europe/Brussels')).toEqual({
      ...session,
      roomId: 'a',
      start: '2027-06-08T08:30:00+02:00',
      end: '2027-06-08T09:30:00+02:00',
    });
    expect(dragMove(130, -50, 120, 24)).toEqual({ minutes: -30, rooms: 1 });
  });
});

describe('the my-agenda calendar file', () => {
  it('writes UTC times, stable UIDs, escaped text and folded lines', () => {
    const text = calendar(
      [
        {
          id: 'opening',
          start: '2027-06-08T09:00:00+02:00',
          end: '2027-06-08T09:45:00+02:00',
          summary: 'Opening; welcome, and keynote',
          location: 'Plenary hall',
          description: `Line one\nLine two ${'é'.repeat(60)}`,
        },
      ],
      { name: 'My agenda', uidDomain: 'citce-2027.example', now: new Date('2027-05-01T10:00:00Z') },
    );
    const lines = text.split('\r\n');
    expect(lines.slice(0, 14)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Customs IT Conference//My agenda//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:My agenda',
      'BEGIN:VEVENT',
      'UID:opening@citce-2027.example',
      'DTSTAMP:20270501T100000Z',
      'DTSTART:20270608T070000Z',
      'DTEND:20270608T074500Z',
      'SUMMARY:Opening\\; welcome\\, and keynote',
      'LOCATION:Plenary hall',
      lines[13],
    ]);
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    // Unfolding gives back the escaped description.
    expect(text.replace(/\r\n /g, '')).toContain(`DESCRIPTION:Line one\\nLine two ${'é'.repeat(60)}`);
    expect(escapeText('a\\b')).toBe('a\\\\b');
    expect(fold('x'.repeat(80))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(5)}`);
    expect(utcStamp('2027-06-08T00:30:00+02:00')).toBe('20270607T223000Z');
  });
});

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

describe('stars on this device and with the registration', () => {
  it('toggles and survives bad storage', () => {
    const storage = new MemoryStorage();
    expect(readStars(storage)).toEqual({ ids: [] });
    writeStars(storage, toggle(toggle({ ids: [] }, 'a'), 'b'));
    expect(readStars(storage)).toEqual({ ids: ['a', 'b'] });
    expect(toggle(readStars(storage), 'a')).toEqual({ ids: ['b'] });
    storage.setItem('conference:agenda-stars', '{not json');
    expect(readStars(storage)).toEqual({ ids: [] });
  });

  it('merges: a union the first time, then this device’s adds and removes over the server', () => {
    expect(merge({ ids: ['a', 'b'] }, ['b', 'c'])).toEqual(['b', 'c', 'a']);
    // Since the last sync (a, b) this device removed a and added d; another device added e.
    expect(merge({ ids: ['b', 'd'], synced: ['a', 'b'] }, ['a', 'b', 'e'])).toEqual(['b', 'e', 'd']);
    // Another device removed b: it stays removed.
    expect(merge({ ids: ['a', 'b'], synced: ['a', 'b'] }, ['a'])).toEqual(['a']);
  });

  it('syncs with the registration through the manage token, writing only when they differ', async () => {
    const storage = new MemoryStorage();
    storage.setItem('conference:agenda-token', 'reg1.secret1');
    writeStars(storage, { ids: ['a'] });
    const calls: { url: string; method: string; auth: string | null; body?: string }[] = [];
    const fake = (async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({ url, method: init.method ?? 'GET', auth: headers.get('authorization'), body: init.body as string });
      return new Response(JSON.stringify({ sessionIds: ['b'] }), { status: 200 });
    }) as typeof fetch;
    expect(await sync(storage as unknown as Storage, fake)).toEqual({ ids: ['b', 'a'], synced: ['b', 'a'] });
    expect(calls).toEqual([
      { url: '/api/registrations/reg1/agenda', method: 'GET', auth: 'Bearer secret1', body: undefined },
      {
        url: '/api/registrations/reg1/agenda',
        method: 'PUT',
        auth: 'Bearer secret1',
        body: JSON.stringify({ sessionIds: ['b', 'a'] }),
      },
    ]);
    expect(readStars(storage)).toEqual({ ids: ['b', 'a'], synced: ['b', 'a'] });
  });
});
