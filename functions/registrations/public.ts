/**
 * What other contexts may use of registrations: an event's categories as the public sees
 * them; booth staff registered by a sponsor; a consenting attendee for lead capture.
 */
import type { DocumentClient } from '../core/dynamo.ts';
import { toPublicCategory } from './categories.ts';
import { createCategoryStore } from './category-store.ts';
import type { PublicCategory } from './schemas.ts';

export type PublicCategoriesReader = (eventId: string, now: Date) => Promise<PublicCategory[]>;

export function createPublicCategoriesReader(doc: DocumentClient, tableName: string): PublicCategoriesReader {
  const store = createCategoryStore(doc, tableName);
  return async (eventId, now) => (await store.listCategories(eventId)).map((c) => toPublicCategory(c, now));
}

export {
  type ConsentingAttendee,
  createLeadSource,
  createStaffRegistrar,
  type LeadSource,
  type StaffPerson,
  type StaffRegistrar,
} from './staff.ts';
