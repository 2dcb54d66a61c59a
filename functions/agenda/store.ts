/**
 * How the agenda of an event sits in the table (its API arrives with the agenda context).
 *   PK=AGENDA#<eventId>  SK=ROOM#<id> | TRACK#<id> | SPEAKER#<id> | SESSION#<id>
 */
import type { DocumentClient } from '../core/dynamo.ts';
import { putNew } from '../core/put-new.ts';
import type { Room, Session, Speaker, Track } from '../core/schemas.ts';

const agendaPk = (eventId: string) => `AGENDA#${eventId}`;

export function createAgendaStore(doc: DocumentClient, tableName: string) {
  const create = (eventId: string, kind: string, entity: { id: string }) =>
    putNew(
      doc,
      tableName,
      { PK: agendaPk(eventId), SK: `${kind}#${entity.id}`, entity: kind.toLowerCase(), ...entity },
      `${kind} ${entity.id}`,
    );
  return {
    createRoom: (eventId: string, room: Room) => create(eventId, 'ROOM', room),
    createTrack: (eventId: string, track: Track) => create(eventId, 'TRACK', track),
    createSpeaker: (eventId: string, speaker: Speaker) => create(eventId, 'SPEAKER', speaker),
    createSession: (eventId: string, session: Session) => create(eventId, 'SESSION', session),
  };
}
