import { describe, expect, it } from 'vitest';
import type { AgendaDraft, Session } from '../../site/src/lib/api-types.ts';
import { differences, display, sessionBody, toBody, toValues } from '../../site/src/scripts/agenda/editor-fields.ts';

const session: Session = {
  id: 'opening',
  title: { en: 'Opening', fr: 'Ouverture' },
  type: 'keynote',
  start: '2027-06-08T09:00:00+01:00',
  end: '2027-06-08T09:45:00+01:00',
  roomId: 'auditorium',
  speakerIds: ['ana', 'kwame'],
  version: 4,
};

describe('agenda editor forms', () => {
  it('shows a session in venue wall-clock time and sends it back with the offset', () => {
    const values = toValues('sessions', session, 'Europe/Lisbon');
    expect(values).toEqual({
      titleEn: 'Opening',
      titleFr: 'Ouverture',
      type: 'keynote',
      start: '2027-06-08T09:00',
      end: '2027-06-08T09:45',
      room_: 'auditorium',
      track_: '',
      speakers: 'ana,kwame',
      language: '',
      abstractEn: '',
      abstractFr: '',
    });
    expect(
      toBody('sessions', { ...values, abstractEn: ' Why ', track_: 'data', language: 'fr' }, 'Europe/Lisbon'),
    ).toEqual({
      title: { en: 'Opening', fr: 'Ouverture' },
      abstract: { en: 'Why' },
      type: 'keynote',
      start: '2027-06-08T09:00:00+01:00',
      end: '2027-06-08T09:45:00+01:00',
      roomId: 'auditorium',
      trackId: 'data',
      speakerIds: ['ana', 'kwame'],
      language: 'fr',
    });
    expect(sessionBody(session)).toEqual({
      title: { en: 'Opening', fr: 'Ouverture' },
      type: 'keynote',
      start: '2027-06-08T09:00:00+01:00',
      end: '2027-06-08T09:45:00+01:00',
      roomId: 'auditorium',
      speakerIds: ['ana', 'kwame'],
    });
  });

  it('leaves out empty optional fields of rooms, tracks and speakers', () => {
    expect(toBody('rooms', { nameEn: 'Room 2', nameFr: '', capacity: '' }, 'UTC')).toEqual({ name: { en: 'Room 2' } });
    expect(toBody('rooms', { nameEn: 'Room 2', nameFr: 'Salle 2', capacity: '80' }, 'UTC')).toEqual({
      name: { en: 'Room 2', fr: 'Salle 2' },
      capacity: 80,
    });
    expect(toBody('tracks', { nameEn: 'Data', nameFr: '', colour: '#1A5FB4' }, 'UTC')).toEqual({
      name: { en: 'Data' },
      color: '#1a5fb4',
    });
    const speaker = {
      name: ' Ana Silva ',
      organisationEn: '',
      organisationFr: '',
      jobTitleEn: 'CIO',
      bioEn: '',
      bioFr: '',
    };
    expect(toBody('speakers', { ...speaker, jobTitleFr: ' DSI ' }, 'UTC')).toEqual({
      name: 'Ana Silva',
      jobTitle: { en: 'CIO', fr: 'DSI' },
    });
    // Given in French only, it is kept as the text every page shows.
    expect(toBody('speakers', { ...speaker, jobTitleEn: '', organisationFr: 'Douanes' }, 'UTC')).toEqual({
      name: 'Ana Silva',
      organisation: { en: 'Douanes', fr: 'Douanes' },
    });
  });

  it('lists the fields that differ from the saved version, readable by name', () => {
    const mine = toValues('sessions', session, 'Europe/Lisbon');
    const theirs = toValues(
      'sessions',
      { ...session, roomId: 'room-2', title: { en: 'Welcome' }, version: 5 },
      'Europe/Lisbon',
    );
    expect(differences('sessions', mine, theirs)).toEqual(['titleEn', 'titleFr', 'room_']);
    const draft = {
      rooms: [{ id: 'room-2', name: { en: 'Room 2', fr: 'Salle 2' }, version: 1 }],
      tracks: [],
      speakers: [{ id: 'ana', name: 'Ana Silva', version: 1 }],
    } as unknown as AgendaDraft;
    expect(display('room_', 'room-2', draft, 'fr')).toBe('Salle 2');
    expect(display('speakers', 'ana,kwame', draft, 'en')).toBe('Ana Silva, kwame');
    expect(display('start', '2027-06-08T09:00', draft, 'en')).toBe('2027-06-08 09:00');
    expect(display('titleEn', 'Trade Talk', draft, 'en')).toBe('Trade Talk');
  });
});
