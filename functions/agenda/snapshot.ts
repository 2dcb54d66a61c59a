/**
 * The published agenda as a snapshot of the draft, and how it is stored: JSON, gzipped,
 * split into chunks well under DynamoDB's 400 KB item limit. A 500-session agenda with
 * bilingual abstracts is about 1 MB of JSON and 150 KB gzipped, so it usually fits one
 * chunk; nothing limits the agenda's size but the transaction (at most 90 chunks, 4 MB).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PublicRoom, PublicSession, PublicSpeaker, PublicTrack, PublishedAgenda } from './schemas.ts';
import type { Draft } from './store.ts';
import { speakerAsRead } from './stored-speaker.ts';

export const CHUNK_BYTES = 300_000;
export const MAX_CHUNKS = 90;

const withoutVersion = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
const byName = (a: { name: { en: string } }, b: { name: { en: string } }) => a.name.en.localeCompare(b.name.en);

/** The public agenda a draft publishes as: entities without edit versions, in reading order. */
export function snapshotOf(
  draft: Pick<Draft, 'rooms' | 'tracks' | 'speakers' | 'sessions'>,
  meta: { eventId: string; version: number; publishedAt: string; timeZone: string },
): PublishedAgenda {
  const sessions: PublicSession[] = draft.sessions
    .map(withoutVersion)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.roomId.localeCompare(b.roomId));
  const speakers: PublicSpeaker[] = draft.speakers.map(withoutVersion).sort((a, b) => a.name.localeCompare(b.name));
  const rooms: PublicRoom[] = draft.rooms.map(withoutVersion).sort(byName);
  const tracks: PublicTrack[] = draft.tracks.map(withoutVersion).sort(byName);
  return { ...meta, sessions, speakers, rooms, tracks };
}

/** The snapshot as gzipped chunks. */
export function encodeSnapshot(agenda: PublishedAgenda): Uint8Array[] {
  const packed = gzipSync(JSON.stringify(agenda));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < packed.length; at += CHUNK_BYTES) chunks.push(packed.subarray(at, at + CHUNK_BYTES));
  return chunks;
}

export function decodeSnapshot(chunks: Uint8Array[]): PublishedAgenda {
  const agenda = JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as PublishedAgenda;
  return { ...agenda, speakers: agenda.speakers.map(speakerAsRead) };
}
