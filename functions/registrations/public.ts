/** What other contexts may read of registrations: an event's categories as the public sees them. */
import type { DocumentClient } from '../core/dynamo.ts';
import { toPublicCategory } from './categories.ts';
import { createCategoryStore } from './category-store.ts';
import type { PublicCategory } from './schemas.ts';

export type PublicCategoriesReader = (eventId: string, now: Date) => Promise<PublicCategory[]>;

export function createPublicCategoriesReader(doc: DocumentClient, tableName: string): PublicCategoriesReader {
  const store = createCategoryStore(doc, tableName);
  return async (eventId, now) => (await store.listCategories(eventId)).map((c) => toPublicCategory(c, now));
}
