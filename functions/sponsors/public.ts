/** What other contexts may use of sponsors: removing an attendee's leads when consent is withdrawn or data erased. */
import type { DocumentClient } from '../core/dynamo.ts';
import { createStaffStore } from './staff-store.ts';

export type LeadEraser = (registrationId: string) => Promise<void>;

export function createLeadEraser(doc: DocumentClient, tableName: string): LeadEraser {
  const staff = createStaffStore(doc, tableName);
  return async (registrationId) => {
    await staff.eraseLeadsOf(registrationId);
  };
}
