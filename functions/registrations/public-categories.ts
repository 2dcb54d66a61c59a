/** An event's categories as the public sees them, for the events context (through public.ts or directly). */
import type { DocumentClient } from '../core/dynamo.ts';
import type { PublicCategory } from './category-schemas.ts';
import { createCategoryStore } from './category-store.ts';
import { toPublicCategory } from './category-view.ts';

export type PublicCategoriesReader = (eventId: string, now: Date) => Promise<PublicCategory[]>;

export function createPublicCategoriesReader(doc: DocumentClient, tableName: string): PublicCategoriesReader {
  const store = createCategoryStore(doc, tableName);
  return async (eventId, now) => (await store.listCategories(eventId)).map((c) => toPublicCategory(c, now));
}
