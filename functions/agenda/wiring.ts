/** The stores the agenda app runs on, wired once for the Lambda and the local twin. */
import type { DocumentClient } from '../core/dynamo.ts';
import { createEventReader } from '../events/public.ts';
import { createPublishedReader } from './published.ts';
import { createAgendaStore } from './store.ts';

export function agendaStores(doc: DocumentClient, tableName: string) {
  const store = createAgendaStore(doc, tableName);
  return { store, published: createPublishedReader(store), events: createEventReader(doc, tableName) };
}
