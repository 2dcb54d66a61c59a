import { describe, expect, it } from 'vitest';
import type { PublishedAgenda } from '../../functions/agenda/schemas.ts';
import { decodeSnapshot, encodeSnapshot } from '../../functions/agenda/snapshot.ts';
import { speakerAsRead } from '../../functions/agenda/stored-speaker.ts';

describe('speakers stored before their organisation and title were bilingual', () => {
  it('read as English text with no French form; today’s speakers read as they are', () => {
    const older = { id: 'ana', name: 'Ana', version: 2, organisation: 'Japan Customs', jobTitle: 'CIO' };
    expect(speakerAsRead(older)).toEqual({
      id: 'ana',
      name: 'Ana',
      version: 2,
      organisation: { en: 'Japan Customs' },
      jobTitle: { en: 'CIO' },
    });
    const today = { id: 'kim', name: 'Kim', organisation: { en: 'Jordan Customs', fr: 'Douanes jordaniennes' } };
    expect(speakerAsRead(today)).toBe(today);
    const bare: { id: string; name: string; organisation?: string } = { id: 'x', name: 'X' };
    expect(speakerAsRead(bare)).toEqual({ id: 'x', name: 'X' });
  });

  it('read so from a published version, which never changes', () => {
    const published = {
      eventId: 'e',
      version: 1,
      speakers: [{ id: 'ana', name: 'Ana', organisation: 'Japan Customs' }],
      sessions: [],
      rooms: [],
      tracks: [],
    } as unknown as PublishedAgenda;
    expect(decodeSnapshot(encodeSnapshot(published)).speakers).toEqual([
      { id: 'ana', name: 'Ana', organisation: { en: 'Japan Customs' } },
    ]);
  });
});
