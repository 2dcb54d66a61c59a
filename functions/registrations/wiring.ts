/** The stores the registrations app runs on, wired once for the Lambda, the local twin and benches. */
import type { DocumentClient } from '../core/dynamo.ts';
import { createEventReader } from '../events/public.ts';
import { createCategoryStore } from './category-store.ts';
import { createPaymentStore } from './payment-store.ts';
import { createRecordsStore } from './records-store.ts';
import { createRegistrationsStore } from './store.ts';

export const registrationStores = (doc: DocumentClient, tableName: string) => ({
  // One object for the use cases: seat transactions and single records alike.
  store: {
    ...createRegistrationsStore(doc, tableName),
    ...createRecordsStore(doc, tableName),
    ...createPaymentStore(doc, tableName),
  },
  categories: createCategoryStore(doc, tableName),
  events: createEventReader(doc, tableName),
});

export type RegistrationStores = ReturnType<typeof registrationStores>;
