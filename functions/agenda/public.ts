/** What other contexts may read of the agenda: the latest published version of an event. */
import type { DocumentClient } from '../core/dynamo.ts';
import { createPublishedReader } from './published.ts';
import type { PublishedAgenda } from './schemas.ts';
import { createAgendaStore } from './store.ts';

export type PublishedAgendaReader = (eventId: string) => Promise<PublishedAgenda | undefined>;

export function createPublishedAgendaReader(doc: DocumentClient, tableName: string): PublishedAgendaReader {
  const reader = createPublishedReader(createAgendaStore(doc, tableName));
  return async (eventId) => (await reader.latest(eventId))?.agenda;
}
