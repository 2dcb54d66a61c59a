/**
 * What other contexts may use of sponsors: removing an attendee's leads when consent is
 * withdrawn or data erased, and a booth-staff member's place on the sponsor's list when their
 * registration ends.
 */
import type { DocumentClient } from '../core/dynamo.ts';
import { createStaffStore } from './staff-store.ts';

export type StaffReleaser = (registration: { id: string; sponsorId?: string }) => Promise<void>;

export function createStaffReleaser(doc: DocumentClient, tableName: string): StaffReleaser {
  const staff = createStaffStore(doc, tableName);
  return async ({ id, sponsorId }) => {
    if (sponsorId) await staff.releaseStaff(sponsorId, id);
  };
}

export type LeadEraser = (registrationId: string) => Promise<void>;

export function createLeadEraser(doc: DocumentClient, tableName: string): LeadEraser {
  const staff = createStaffStore(doc, tableName);
  return async (registrationId) => {
    await staff.eraseLeadsOf(registrationId);
  };
}
