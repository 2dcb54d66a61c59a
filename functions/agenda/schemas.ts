/**
 * The agenda: rooms, tracks, speakers and sessions as organisers edit them (the draft), the
 * published versions the public reads, and an attendee's starred sessions. Every editable
 * entity carries a `version` (its ETag); updates send it back in `If-Match`.
 */
import * as z from 'zod/mini';
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
import { meta } from '../core/zod.ts';

export const SessionType = meta(
  z.enum(['keynote', 'plenary', 'panel', 'talk', 'workshop', 'demo', 'break', 'networking']),
  {
    description: 'What kind of session this is',
  },
);
export type SessionType = z.infer<typeof SessionType>;

const Version = meta(z.int().check(z.gte(1)), { description: 'Edit version; send it back as If-Match: "<version>"' });

const roomFields = {
  name: Bilingual,
  capacity: meta(z.optional(z.int().check(z.gte(1), z.lte(100_000))), { description: 'Seats in the room' }),
};
const trackFields = {
  name: Bilingual,
  color: meta(z.optional(z.string().check(z.regex(/^#[0-9a-f]{6}$/, 'Use a colour such as #1a5fb4'))), {
    description: 'Colour of the track, #rrggbb (lower case)',
  }),
};
const speakerFields = {
  name: personName({ max: 120 }).check(z.minLength(1)),
  organisation: z.optional(
    bilingualLine({
      max: 200,
      description: 'The speaker’s organisation in English, with its French name when it differs',
    }),
  ),
  jobTitle: z.optional(
    bilingualLine({
      max: 200,
      description: 'The speaker’s job title in English, with its French form',
    }),
  ),
  bio: z.optional(BilingualText),
};
const sessionFields = {
  title: Bilingual,
  abstract: z.optional(BilingualText),
  type: SessionType,
  start: IsoDateTime,
  end: IsoDateTime,
  roomId: Id,
  trackId: z.optional(Id),
  speakerIds: meta(z._default(z.array(Id).check(z.maxLength(30)), []), { description: 'Speakers, in the order shown' }),
  language: meta(z.optional(Language), { description: 'Language the session is held in' }),
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
export const RoomInput = meta(z.strictObject(roomFields), { description: 'A room (replaces every field)' });
export const RoomCreate = z.strictObject({ id: z.optional(Id), ...roomFields });
export const TrackInput = meta(z.strictObject(trackFields), { description: 'A track (replaces every field)' });
export const TrackCreate = z.strictObject({ id: z.optional(Id), ...trackFields });
export const SpeakerInput = meta(z.strictObject(speakerFields), { description: 'A speaker (replaces every field)' });
export const SpeakerCreate = z.strictObject({ id: z.optional(Id), ...speakerFields });
export const SessionInput = meta(
  z
    .strictObject(sessionFields)
    .check(z.refine(endsAfterStart, endRule), z.refine(maxLength, lengthRule), z.refine(uniqueSpeakers, speakerRule)),
  { description: 'A session (replaces every field)' },
);
export const SessionCreate = z
  .strictObject({ id: z.optional(Id), ...sessionFields })
  .check(z.refine(endsAfterStart, endRule), z.refine(maxLength, lengthRule), z.refine(uniqueSpeakers, speakerRule));
export type RoomInput = z.infer<typeof RoomInput>;
export type TrackInput = z.infer<typeof TrackInput>;
export type SpeakerInput = z.infer<typeof SpeakerInput>;
export type SessionInput = z.infer<typeof SessionInput>;

/* Conflicts: they never block saving; publishing is refused while a room or speaker overlap remains. */
export const WarningKind = z.enum(['room-overlap', 'speaker-overlap', 'outside-event']);
export const AgendaWarning = z.object({
  kind: WarningKind,
  sessionIds: meta(z.array(Id), { description: 'The sessions involved, sorted' }),
  roomId: meta(z.optional(Id), { description: 'The double-booked room (room-overlap)' }),
  speakerId: meta(z.optional(Id), { description: 'The speaker in two places (speaker-overlap)' }),
});
export type AgendaWarning = z.infer<typeof AgendaWarning>;

export const SessionWrite = meta(z.object({ session: Session, warnings: z.array(AgendaWarning) }), {
  description: 'The saved session and the conflicts it takes part in',
});

/* Changelog of a publish against the previous published version. */
const Slot = z.object({ start: IsoDateTime, end: IsoDateTime, roomId: Id });
export const ChangeEntry = z.object({
  sessionId: Id,
  title: Bilingual,
  from: meta(z.optional(Slot), { description: 'Where and when it was (moved)' }),
  to: meta(z.optional(Slot), { description: 'Where and when it is now (moved)' }),
  fields: meta(z.optional(z.array(z.string())), { description: 'Which fields changed (changed)' }),
});
export const Changelog = meta(
  z.object({
    added: z.array(ChangeEntry),
    moved: z.array(ChangeEntry),
    changed: z.array(ChangeEntry),
    cancelled: z.array(ChangeEntry),
  }),
  { description: 'Sessions added, moved (time or room), changed otherwise, cancelled' },
);
export type ChangeEntry = z.infer<typeof ChangeEntry>;
export type Changelog = z.infer<typeof Changelog>;

export const AgendaDraft = meta(
  z.object({
    eventId: Id,
    timeZone: TimeZone,
    rooms: z.array(Room),
    tracks: z.array(Track),
    speakers: z.array(Speaker),
    sessions: z.array(Session),
    warnings: z.array(AgendaWarning),
    publishedVersion: meta(z.nullable(z.int().check(z.gte(1))), {
      description: 'The latest published version, if any',
    }),
    changes: meta(Changelog, { description: 'What publishing now would change' }),
  }),
  { description: 'Everything the console edits, with its conflicts' },
);
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

export const PublishedAgenda = meta(
  z.object({
    eventId: Id,
    version: meta(z.int().check(z.gte(1)), { description: 'Published version number, 1 for the first publish' }),
    publishedAt: IsoDateTime,
    timeZone: TimeZone,
    sessions: meta(z.array(PublicSession), { description: 'Sorted by start, then room' }),
    speakers: meta(z.array(PublicSpeaker), { description: 'Sorted by name' }),
    rooms: z.array(PublicRoom),
    tracks: z.array(PublicTrack),
  }),
  { description: 'The latest published agenda' },
);
export type PublishedAgenda = z.infer<typeof PublishedAgenda>;

export const AgendaVersion = z.object({
  version: z.int().check(z.gte(1)),
  publishedAt: IsoDateTime,
  publishedBy: meta(z.optional(z.string()), { description: 'Who published it (email or subject)' }),
  counts: z.object({ sessions: z.int(), speakers: z.int(), rooms: z.int(), tracks: z.int() }),
  changes: Changelog,
});
export type AgendaVersion = z.infer<typeof AgendaVersion>;
export const AgendaVersionList = z.object({ items: meta(z.array(AgendaVersion), { description: 'Newest first' }) });

export const PublishResult = z.object({ version: AgendaVersion });

/** Overlaps that stop a publish, in the 409 problem's `conflicts`. */
export const PublishConflicts = z.object({ conflicts: z.array(AgendaWarning) });

/* An attendee's starred sessions, kept with their registration. */
export const MAX_STARRED_SESSIONS = 200;
export const PersonalAgendaInput = z.strictObject({
  sessionIds: meta(
    z.array(Id).check(
      z.maxLength(MAX_STARRED_SESSIONS),
      z.refine((ids) => new Set(ids).size === ids.length, 'Must not name a session twice'),
    ),
    { description: `Starred session ids, at most ${MAX_STARRED_SESSIONS}` },
  ),
});
export const PersonalAgenda = meta(z.object({ sessionIds: z.array(Id), updatedAt: z.nullable(IsoDateTime) }), {
  description: 'Sessions the attendee starred',
});
export type PersonalAgenda = z.infer<typeof PersonalAgenda>;
