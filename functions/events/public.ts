/** What other contexts may read of events: one event by id (published or not). */
import type { DocumentClient } from '../core/dynamo.ts';
import type { Event } from './schemas.ts';
import { createEventsStore } from './store.ts';

export type EventReader = { getEvent(eventId: string): Promise<Event | undefined> };

export function createEventReader(doc: DocumentClient, tableName: string): EventReader {
  const store = createEventsStore(doc, tableName);
  return { getEvent: (eventId) => store.getEvent(eventId) };
}
