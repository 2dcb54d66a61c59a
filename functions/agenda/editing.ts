/**
 * Organisers' edits of the draft: rooms, tracks, speakers and sessions. Every change is
 * guarded by the entity's version (If-Match); a session write answers the conflicts it takes
 * part in; a room, track or speaker that sessions use is not deleted.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { EventReader } from '../events/public.ts';
import { agendaWarnings, type EventDays, warningsOf } from './conflicts.ts';
import type { EntityKind, EntityOf } from './keys.ts';
import type { AgendaWarning, RoomInput, Session, SessionInput, SpeakerInput, TrackInput } from './schemas.ts';
import type { AgendaStore } from './store.ts';

/** What editing needs of storage. */
export type EditStore = Pick<AgendaStore, 'getEntity' | 'putEntity' | 'deleteEntity' | 'loadDraft'>;
export type EditDeps = { store: EditStore; events: EventReader; now: () => Date };

type Plain<K extends EntityKind> = K extends 'room'
  ? RoomInput
  : K extends 'track'
    ? TrackInput
    : K extends 'speaker'
      ? SpeakerInput
      : SessionInput;

/** An id from a name: its slug and a random tail, so two "Room A"s never collide. */
export function idFrom(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'item'}-${randomBytes(3).toString('hex')}`;
}

/** The event, whose days and time zone the agenda follows; 404 when there is none. */
export async function requireEvent(events: EventReader, eventId: string): Promise<EventDays & { id: string }> {
  const event = await events.getEvent(eventId);
  if (!event) throw new NotFoundError(`No event ${eventId}.`);
  return { id: event.id, startDate: event.startDate, endDate: event.endDate, timeZone: event.timeZone };
}

export async function getEntity<K extends EntityKind>(deps: EditDeps, kind: K, eventId: string, id: string) {
  const entity = await deps.store.getEntity(kind, eventId, id);
  if (!entity) throw new NotFoundError(`No ${kind} ${id} in the agenda of ${eventId}.`);
  return entity;
}

const nameOf = (kind: EntityKind, input: Record<string, unknown>) => {
  const field = kind === 'session' ? input.title : input.name;
  return typeof field === 'string' ? field : String((field as { en: string }).en);
};

const refsOf = (kind: EntityKind, input: Record<string, unknown>) =>
  kind === 'session'
    ? {
        roomId: (input as SessionInput).roomId,
        trackId: (input as SessionInput).trackId,
        speakerIds: (input as SessionInput).speakerIds,
      }
    : {};

/** Creates a room, track, speaker or session (version 1). */
export async function createEntity<K extends EntityKind>(
  deps: EditDeps,
  kind: K,
  eventId: string,
  input: Plain<K> & { id?: string },
): Promise<EntityOf[K]> {
  await requireEvent(deps.events, eventId);
  const { id, ...fields } = input as Plain<K> & { id?: string };
  const entity = { id: id ?? idFrom(nameOf(kind, fields)), ...fields, version: 1 } as unknown as EntityOf[K];
  await deps.store.putEntity(kind, eventId, entity, undefined, refsOf(kind, fields));
  return entity;
}

/** Replaces every editable field of an entity still at `expectedVersion`. */
export async function replaceEntity<K extends EntityKind>(
  deps: EditDeps,
  kind: K,
  eventId: string,
  id: string,
  input: Plain<K>,
  expectedVersion: number,
): Promise<EntityOf[K]> {
  const entity = { id, ...input, version: expectedVersion + 1 } as unknown as EntityOf[K];
  await deps.store.putEntity(kind, eventId, entity, expectedVersion, refsOf(kind, input));
  return entity;
}

const USED_BY: Partial<Record<EntityKind, (s: Session, id: string) => boolean>> = {
  room: (s, id) => s.roomId === id,
  track: (s, id) => s.trackId === id,
  speaker: (s, id) => s.speakerIds.includes(id),
};

/** Deletes an entity still at `expectedVersion`; a room, track or speaker in use is a 409 naming the sessions. */
export async function deleteEntity(
  deps: EditDeps,
  kind: EntityKind,
  eventId: string,
  id: string,
  expectedVersion: number,
) {
  const usedBy = USED_BY[kind];
  if (usedBy) {
    const { sessions } = await deps.store.loadDraft(eventId);
    const users = sessions
      .filter((s) => usedBy(s, id))
      .map((s) => s.id)
      .sort();
    if (users.length > 0) {
      throw new ConflictError(
        `The ${kind} ${id} is used by ${users.length} session(s): ${users.join(', ')}. Change them first.`,
        users.map((sessionId) => ({ path: 'sessions', message: sessionId })),
      );
    }
  }
  await deps.store.deleteEntity(kind, eventId, id, expectedVersion);
}

/** The conflicts a saved session takes part in, against the whole draft. */
export async function sessionWarnings(deps: EditDeps, eventId: string, sessionId: string): Promise<AgendaWarning[]> {
  const [event, draft] = await Promise.all([requireEvent(deps.events, eventId), deps.store.loadDraft(eventId)]);
  return warningsOf(agendaWarnings(draft.sessions, event), sessionId);
}
