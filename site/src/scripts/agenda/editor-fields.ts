/**
 * The agenda editor's forms as data: each kind's fields, an entity as flat form values, and
 * form values as the API's request body. The stale-version comparison uses the same values.
 */
import type { AgendaDraft, Room, Session, Speaker, Track } from '../../lib/api-types.ts';
import { fromLocalInput, toLocalInput } from './time.ts';

export type Entity = Session | Room | Track | Speaker;
export type Values = Record<string, string>;
export type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'color'
  | 'datetime'
  | 'type'
  | 'room'
  | 'track'
  | 'speakers'
  | 'language';
export type FieldSpec = { name: string; type: FieldType; required?: boolean };

export const FIELDS: Record<'sessions' | 'rooms' | 'tracks' | 'speakers', FieldSpec[]> = {
  sessions: [
    { name: 'titleEn', type: 'text', required: true },
    { name: 'titleFr', type: 'text' },
    { name: 'type', type: 'type', required: true },
    { name: 'start', type: 'datetime', required: true },
    { name: 'end', type: 'datetime', required: true },
    { name: 'room_', type: 'room', required: true },
    { name: 'track_', type: 'track' },
    { name: 'speakers', type: 'speakers' },
    { name: 'language', type: 'language' },
    { name: 'abstractEn', type: 'textarea' },
    { name: 'abstractFr', type: 'textarea' },
  ],
  rooms: [
    { name: 'nameEn', type: 'text', required: true },
    { name: 'nameFr', type: 'text' },
    { name: 'capacity', type: 'number' },
  ],
  tracks: [
    { name: 'nameEn', type: 'text', required: true },
    { name: 'nameFr', type: 'text' },
    { name: 'colour', type: 'color' },
  ],
  speakers: [
    { name: 'name', type: 'text', required: true },
    { name: 'organisationEn', type: 'text' },
    { name: 'organisationFr', type: 'text' },
    { name: 'jobTitleEn', type: 'text' },
    { name: 'jobTitleFr', type: 'text' },
    { name: 'bioEn', type: 'textarea' },
    { name: 'bioFr', type: 'textarea' },
  ],
};

type Kind = keyof typeof FIELDS;

/** An entity (or nothing, for a new one) as form values; times in the venue's wall clock. */
export function toValues(kind: Kind, entity: Entity | undefined, timeZone: string): Values {
  const e = (entity ?? {}) as Partial<Session & Room & Track & Speaker>;
  switch (kind) {
    case 'sessions':
      return {
        titleEn: e.title?.en ?? '',
        titleFr: e.title?.fr ?? '',
        type: e.type ?? 'talk',
        start: e.start ? toLocalInput(e.start, timeZone) : '',
        end: e.end ? toLocalInput(e.end, timeZone) : '',
        room_: e.roomId ?? '',
        track_: e.trackId ?? '',
        speakers: (e.speakerIds ?? []).join(','),
        language: e.language ?? '',
        abstractEn: e.abstract?.en ?? '',
        abstractFr: e.abstract?.fr ?? '',
      };
    case 'rooms':
      return { nameEn: e.name?.en ?? '', nameFr: e.name?.fr ?? '', capacity: e.capacity ? String(e.capacity) : '' };
    case 'tracks':
      return { nameEn: e.name?.en ?? '', nameFr: e.name?.fr ?? '', colour: e.color ?? '' };
    case 'speakers': {
      const s = e as Partial<Speaker>;
      return {
        name: s.name ?? '',
        organisationEn: s.organisation?.en ?? '',
        organisationFr: s.organisation?.fr ?? '',
        jobTitleEn: s.jobTitle?.en ?? '',
        jobTitleFr: s.jobTitle?.fr ?? '',
        bioEn: s.bio?.en ?? '',
        bioFr: s.bio?.fr ?? '',
      };
    }
  }
}

const bilingual = (en: string | undefined, fr: string | undefined) => {
  const e = (en ?? '').trim();
  const f = (fr ?? '').trim();
  return e ? { en: e, ...(f ? { fr: f } : {}) } : undefined;
};
const optional = (key: string, value: string | undefined) =>
  (value ?? '').trim() ? { [key]: (value ?? '').trim() } : {};

/** Form values as the request body of a create or an update (which replaces every field). */
export function toBody(kind: Kind, v: Values, timeZone: string): Record<string, unknown> {
  switch (kind) {
    case 'sessions': {
      const abstract = bilingual(v.abstractEn, v.abstractFr);
      return {
        title: bilingual(v.titleEn, v.titleFr) ?? { en: '' },
        ...(abstract ? { abstract } : {}),
        type: v.type,
        start: v.start ? fromLocalInput(v.start, timeZone) : '',
        end: v.end ? fromLocalInput(v.end, timeZone) : '',
        roomId: v.room_,
        ...optional('trackId', v.track_),
        speakerIds: (v.speakers ?? '').split(',').filter(Boolean),
        ...optional('language', v.language),
      };
    }
    case 'rooms':
      return {
        name: bilingual(v.nameEn, v.nameFr) ?? { en: '' },
        ...(v.capacity ? { capacity: Number(v.capacity) } : {}),
      };
    case 'tracks':
      return { name: bilingual(v.nameEn, v.nameFr) ?? { en: '' }, ...optional('color', v.colour?.toLowerCase()) };
    case 'speakers': {
      const bio = bilingual(v.bioEn, v.bioFr);
      // An organisation or a title given in French only is kept, as the text every page shows.
      const line = (en: string | undefined, fr: string | undefined) => bilingual(en?.trim() ? en : fr, fr);
      const organisation = line(v.organisationEn, v.organisationFr);
      const jobTitle = line(v.jobTitleEn, v.jobTitleFr);
      return {
        name: (v.name ?? '').trim(),
        ...(organisation ? { organisation } : {}),
        ...(jobTitle ? { jobTitle } : {}),
        ...(bio ? { bio } : {}),
      };
    }
  }
}

/** The session as the body of its update (every field), e.g. after a move. */
export function sessionBody(s: Session): Record<string, unknown> {
  const { id: _id, version: _version, ...body } = s;
  return body;
}

/** The fields whose values differ between two versions, in form order. */
export function differences(kind: Kind, mine: Values, theirs: Values): string[] {
  return FIELDS[kind].map((f) => f.name).filter((name) => (mine[name] ?? '') !== (theirs[name] ?? ''));
}

/** A value as an organiser reads it: names for room, track and speaker ids. */
export function display(name: string, value: string, draft: AgendaDraft, lang: string): string {
  const named = (list: { id: string; name: { en: string; fr?: string } }[], id: string) => {
    const item = list.find((x) => x.id === id);
    return item ? ((lang === 'fr' ? item.name.fr : undefined) ?? item.name.en) : id;
  };
  if (name === 'room_') return value ? named(draft.rooms, value) : '';
  if (name === 'track_') return value ? named(draft.tracks, value) : '';
  if (name === 'speakers')
    return value
      .split(',')
      .filter(Boolean)
      .map((id) => draft.speakers.find((s) => s.id === id)?.name ?? id)
      .join(', ');
  return name === 'start' || name === 'end' ? value.replace('T', ' ') : value;
}
