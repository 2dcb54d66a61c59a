/**
 * The agenda: rooms, tracks, speakers and sessions as organisers edit them (the draft), the
 * published versions the public reads, and an attendee's starred sessions. Every editable
 * entity carries a `version` (its ETag); updates send it back in `If-Match`.
 */
import * as z from 'zod';
import {
  Bilingual,
  BilingualText,
  bilingualLine,
  Id,
  IsoDateTime,
  Language,
  personName,
  TimeZone,
} from '../core/schemas.ts';

export const SessionType = z
  .enum(['keynote', 'plenary', 'panel', 'talk', 'workshop', 'demo', 'break', 'networking'])
  .meta({ description: 'What kind of session this is' });
export type SessionType = z.infer<typeof SessionType>;

const Version = z.int().min(1).meta({ description: 'Edit version; send it back as If-Match: "<version>"' });

const roomFields = {
  name: Bilingual,
  capacity: z.int().min(1).max(100_000).optional().meta({ description: 'Seats in the room' }),
};
const trackFields = {
  name: Bilingual,
  color: z
    .string()
    .regex(/^#[0-9a-f]{6}$/, 'Use a colour such as #1a5fb4')
    .optional()
    .meta({ description: 'Colour of the track, #rrggbb (lower case)' }),
};
const speakerFields = {
  name: personName({ max: 120 }).min(1),
  organisation: bilingualLine({
    max: 200,
    description: 'The speaker’s organisation in English, with its French name when it differs',
  }).optional(),
  jobTitle: bilingualLine({
    max: 200,
    description: 'The speaker’s job title in English, with its French form',
  }).optional(),
  bio: BilingualText.optional(),
};
const sessionFields = {
  title: Bilingual,
  abstract: BilingualText.optional(),
  type: SessionType,
  start: IsoDateTime,
  end: IsoDateTime,
  roomId: Id,
  trackId: Id.optional(),
  speakerIds: z.array(Id).max(30).default([]).meta({ description: 'Speakers, in the order shown' }),
  language: Language.optional().meta({ description: 'Language the session is held in' }),
};

const endsAfterStart = (s: { start: string; end: string }) => Date.parse(s.end) > Date.parse(s.start);
const endRule = { path: ['end'], message: 'Must be after start' };
const uniqueSpeakers = (s: { speakerIds: string[] }) => new Set(s.speakerIds).size === s.speakerIds.length;
const speakerRule = { path: ['speakerIds'], message: 'Must not name a speaker twice' };
const maxLength = (s: { start: string; end: string }) => Date.parse(s.end) - Date.parse(s.start) <= 24 * 60 * 60 * 1000;
const lengthRule = { path: ['end'], message: 'A session lasts at most 24 hours' };

/* Stored entities (the draft), as the console reads them. */
export const Room = z.object({ id: Id, ...roomFields, version: Version });
export type Room = z.infer<typeof Room>;
export const Track = z.object({ id: Id, ...trackFields, version: Version });
export type Track = z.infer<typeof Track>;
export const Speaker = z.object({ id: Id, ...speakerFields, version: Version });
export type Speaker = z.infer<typeof Speaker>;
export const Session = z.object({ id: Id, ...sessionFields, version: Version });
export type Session = z.infer<typeof Session>;

/* Request bodies. A create may name the id (lower-case, dashes); without one, it is made from the name. */
export const RoomInput = z.object(roomFields).strict().meta({ description: 'A room (replaces every field)' });
export const RoomCreate = z.object({ id: Id.optional(), ...roomFields }).strict();
export const TrackInput = z.object(trackFields).strict().meta({ description: 'A track (replaces every field)' });
export const TrackCreate = z.object({ id: Id.optional(), ...trackFields }).strict();
export const SpeakerInput = z.object(speakerFields).strict().meta({ description: 'A speaker (replaces every field)' });
export const SpeakerCreate = z.object({ id: Id.optional(), ...speakerFields }).strict();
export const SessionInput = z
  .object(sessionFields)
  .strict()
  .refine(endsAfterStart, endRule)
  .refine(maxLength, lengthRule)
  .refine(uniqueSpeakers, speakerRule)
  .meta({ description: 'A session (replaces every field)' });
export const SessionCreate = z
  .object({ id: Id.optional(), ...sessionFields })
  .strict()
  .refine(endsAfterStart, endRule)
  .refine(maxLength, lengthRule)
  .refine(uniqueSpeakers, speakerRule);
export type RoomInput = z.infer<typeof RoomInput>;
export type TrackInput = z.infer<typeof TrackInput>;
export type SpeakerInput = z.infer<typeof SpeakerInput>;
export type SessionInput = z.infer<typeof SessionInput>;

/* Conflicts: they never block saving; publishing is refused while a room or speaker overlap remains. */
export const WarningKind = z.enum(['room-overlap', 'speaker-overlap', 'outside-event']);
export const AgendaWarning = z.object({
  kind: WarningKind,
  sessionIds: z.array(Id).meta({ description: 'The sessions involved, sorted' }),
  roomId: Id.optional().meta({ description: 'The double-booked room (room-overlap)' }),
  speakerId: Id.optional().meta({ description: 'The speaker in two places (speaker-overlap)' }),
});
export type AgendaWarning = z.infer<typeof AgendaWarning>;

export const SessionWrite = z
  .object({ session: Session, warnings: z.array(AgendaWarning) })
  .meta({ description: 'The saved session and the conflicts it takes part in' });

/* Changelog of a publish against the previous published version. */
const Slot = z.object({ start: IsoDateTime, end: IsoDateTime, roomId: Id });
export const ChangeEntry = z.object({
  sessionId: Id,
  title: Bilingual,
  from: Slot.optional().meta({ description: 'Where and when it was (moved)' }),
  to: Slot.optional().meta({ description: 'Where and when it is now (moved)' }),
  fields: z.array(z.string()).optional().meta({ description: 'Which fields changed (changed)' }),
});
export const Changelog = z
  .object({
    added: z.array(ChangeEntry),
    moved: z.array(ChangeEntry),
    changed: z.array(ChangeEntry),
    cancelled: z.array(ChangeEntry),
  })
  .meta({ description: 'Sessions added, moved (time or room), changed otherwise, cancelled' });
export type ChangeEntry = z.infer<typeof ChangeEntry>;
export type Changelog = z.infer<typeof Changelog>;

export const AgendaDraft = z
  .object({
    eventId: Id,
    timeZone: TimeZone,
    rooms: z.array(Room),
    tracks: z.array(Track),
    speakers: z.array(Speaker),
    sessions: z.array(Session),
    warnings: z.array(AgendaWarning),
    publishedVersion: z.int().min(1).nullable().meta({ description: 'The latest published version, if any' }),
    changes: Changelog.meta({ description: 'What publishing now would change' }),
  })
  .meta({ description: 'Everything the console edits, with its conflicts' });
export type AgendaDraft = z.infer<typeof AgendaDraft>;

/* The published agenda (public): entities without their edit versions. */
export const PublicRoom = z.object({ id: Id, ...roomFields });
export const PublicTrack = z.object({ id: Id, ...trackFields });
export const PublicSpeaker = z.object({ id: Id, ...speakerFields });
export const PublicSession = z.object({ id: Id, ...sessionFields });
export type PublicRoom = z.infer<typeof PublicRoom>;
export type PublicTrack = z.infer<typeof PublicTrack>;
export type PublicSpeaker = z.infer<typeof PublicSpeaker>;
export type PublicSession = z.infer<typeof PublicSession>;

export const PublishedAgenda = z
  .object({
    eventId: Id,
    version: z.int().min(1).meta({ description: 'Published version number, 1 for the first publish' }),
    publishedAt: IsoDateTime,
    timeZone: TimeZone,
    sessions: z.array(PublicSession).meta({ description: 'Sorted by start, then room' }),
    speakers: z.array(PublicSpeaker).meta({ description: 'Sorted by name' }),
    rooms: z.array(PublicRoom),
    tracks: z.array(PublicTrack),
  })
  .meta({ description: 'The latest published agenda' });
export type PublishedAgenda = z.infer<typeof PublishedAgenda>;

export const AgendaVersion = z.object({
  version: z.int().min(1),
  publishedAt: IsoDateTime,
  publishedBy: z.string().optional().meta({ description: 'Who published it (email or subject)' }),
  counts: z.object({ sessions: z.int(), speakers: z.int(), rooms: z.int(), tracks: z.int() }),
  changes: Changelog,
});
export type AgendaVersion = z.infer<typeof AgendaVersion>;
export const AgendaVersionList = z.object({ items: z.array(AgendaVersion).meta({ description: 'Newest first' }) });

export const PublishResult = z.object({ version: AgendaVersion });

/** Overlaps that stop a publish, in the 409 problem's `conflicts`. */
export const PublishConflicts = z.object({ conflicts: z.array(AgendaWarning) });

/* An attendee's starred sessions, kept with their registration. */
export const MAX_STARRED_SESSIONS = 200;
export const PersonalAgendaInput = z
  .object({
    sessionIds: z
      .array(Id)
      .max(MAX_STARRED_SESSIONS)
      .refine((ids) => new Set(ids).size === ids.length, 'Must not name a session twice')
      .meta({ description: `Starred session ids, at most ${MAX_STARRED_SESSIONS}` }),
  })
  .strict();
export const PersonalAgenda = z
  .object({ sessionIds: z.array(Id), updatedAt: IsoDateTime.nullable() })
  .meta({ description: 'Sessions the attendee starred' });
export type PersonalAgenda = z.infer<typeof PersonalAgenda>;
