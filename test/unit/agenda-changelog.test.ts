import { describe, expect, it } from 'vitest';
import { computeChangelog } from '../../functions/agenda/changelog.ts';
import type { PublicSession } from '../../functions/agenda/schemas.ts';

const session = (id: string, start: string, overrides: Partial<PublicSession> = {}): PublicSession => ({
  id,
  title: { en: `Title ${id}` },
  type: 'talk',
  start,
  end: start.replace('T10', 'T11').replace('T09', 'T10').replace('T14', 'T15'),
  roomId: 'r1',
  speakerIds: [],
  ...overrides,
});

describe('changelog', () => {
  const kept = session('kept', '2027-06-08T09:00:00+01:00');
  const moving = session('moving', '2027-06-08T10:00:00+01:00');
  const editing = session('editing', '2027-06-08T14:00:00+01:00');
  const dropped = session('dropped', '2027-06-08T10:00:00+01:00', { roomId: 'r2' });
  const previous = [kept, moving, editing, dropped];

  it('lists added, moved, changed and cancelled sessions in start order', () => {
    const added = session('added', '2027-06-08T09:00:00+01:00', { roomId: 'r3' });
    const moved = { ...moving, start: '2027-06-08T14:00:00+01:00', end: '2027-06-08T15:00:00+01:00', roomId: 'r2' };
    const edited = { ...editing, title: { en: 'New title' }, speakerIds: ['ana'] };
    expect(computeChangelog(previous, [kept, added, moved, edited])).toEqual({
      added: [{ sessionId: 'added', title: { en: 'Title added' } }],
      moved: [
        {
          sessionId: 'moving',
          title: { en: 'Title moving' },
          from: { start: '2027-06-08T10:00:00+01:00', end: '2027-06-08T11:00:00+01:00', roomId: 'r1' },
          to: { start: '2027-06-08T14:00:00+01:00', end: '2027-06-08T15:00:00+01:00', roomId: 'r2' },
        },
      ],
      changed: [{ sessionId: 'editing', title: { en: 'New title' }, fields: ['title', 'speakerIds'] }],
      cancelled: [{ sessionId: 'dropped', title: { en: 'Title dropped' } }],
    });
  });

  it('lists a session both moved and changed in both, and ignores the same instant written differently', () => {
    const both = { ...moving, roomId: 'r9', abstract: { en: 'Now with an abstract' } };
    const sameInstant = { ...kept, start: '2027-06-08T08:00:00Z', end: '2027-06-08T09:00:00Z' };
    const log = computeChangelog(previous, [sameInstant, both, editing, dropped]);
    expect(log.moved.map((e) => e.sessionId)).toEqual(['moving']);
    expect(log.changed).toEqual([{ sessionId: 'moving', title: { en: 'Title moving' }, fields: ['abstract'] }]);
    expect([log.added, log.cancelled]).toEqual([[], []]);
  });

  it('lists every session as added for the first version, and nothing when nothing changed', () => {
    expect(computeChangelog([], previous).added.map((e) => e.sessionId)).toEqual([
      'kept',
      'dropped',
      'moving',
      'editing',
    ]);
    expect(computeChangelog(previous, previous)).toEqual({ added: [], moved: [], changed: [], cancelled: [] });
  });
});
