/** The stores the events app runs on, wired once for the Lambda and the local twin. */
import type { DocumentClient } from '../core/dynamo.ts';
import { createPublicCategoriesReader } from '../registrations/public-categories.ts';
import { createEventsStore } from './store.ts';

export const eventStores = (doc: DocumentClient, tableName: string) => ({
  store: createEventsStore(doc, tableName),
  categories: createPublicCategoriesReader(doc, tableName),
});
