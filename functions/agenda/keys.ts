/**
 * How the agenda context sits in the table: every key and item shape it owns.
 *   draft entity   PK=AGENDA#<eventId>  SK=ROOM#<id> | TRACK#<id> | SPEAKER#<id> | SESSION#<id>
 *   published ptr  PK=AGENDA#<eventId>  SK=PUBLISHED  { version, publishedAt }  (the latest version)
 *   version head   PK=AGENDAV#<eventId>  SK=VERSION#<n, 6 digits>  { version, publishedAt, counts, changes, chunks }
 *   snapshot chunk PK=AGENDAV#<eventId>  SK=CHUNK#<n, 6 digits>#<i, 3 digits>  { data: gzip bytes }
 *
 * An event's whole draft is one partition, so the console reads it in one Query (paged at
 * 1 MB by queryAll) and no request ever scans. Published versions live in a partition of
 * their own, written once (attribute_not_exists) and never updated: they are immutable.
 */
import type { Room, Session, Speaker, Track } from './schemas.ts';

export type EntityKind = 'room' | 'track' | 'speaker' | 'session';
export type EntityOf = { room: Room; track: Track; speaker: Speaker; session: Session };

const PREFIX: Record<EntityKind, string> = { room: 'ROOM#', track: 'TRACK#', speaker: 'SPEAKER#', session: 'SESSION#' };

export const draftPk = (eventId: string) => `AGENDA#${eventId}`;
export const entityKey = (kind: EntityKind, eventId: string, id: string) => ({
  PK: draftPk(eventId),
  SK: `${PREFIX[kind]}${id}`,
});
export const entityPrefix = (kind: EntityKind) => PREFIX[kind];
/** The kind of a draft item by its sort key, or undefined for the published pointer. */
export const kindOfSortKey = (sk: string): EntityKind | undefined =>
  (Object.keys(PREFIX) as EntityKind[]).find((kind) => sk.startsWith(PREFIX[kind]));

export const publishedPointerKey = (eventId: string) => ({ PK: draftPk(eventId), SK: 'PUBLISHED' });

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const versionsPk = (eventId: string) => `AGENDAV#${eventId}`;
export const VERSION_PREFIX = 'VERSION#';
export const versionKey = (eventId: string, version: number) => ({
  PK: versionsPk(eventId),
  SK: `${VERSION_PREFIX}${pad(version, 6)}`,
});
export const chunkPrefix = (version: number) => `CHUNK#${pad(version, 6)}#`;
export const chunkKey = (eventId: string, version: number, index: number) => ({
  PK: versionsPk(eventId),
  SK: `${chunkPrefix(version)}${pad(index, 3)}`,
});

export type PublishedPointer = { version: number; publishedAt: string };
