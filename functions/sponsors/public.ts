/**
 * What other contexts may use of sponsors: removing an attendee's leads when consent is
 * withdrawn or data erased, and a booth-staff member's place on the sponsor's list when their
 * registration ends.
 */
import type { DocumentClient } from '../core/dynamo.ts';
import type { TransactItem } from '../core/transaction.ts';
import { createStaffStore } from './staff-store.ts';

type StaffRegistration = { id: string; sponsorId?: string };

/**
 * Booth staff's entry and pass at their sponsor: `partsFor` gives the items the transaction
 * that ends the registration also writes (so the two never part); `release` does it alone,
 * for a registration that ended before (erasure).
 */
export type StaffReleaser = {
  partsFor(registration: StaffRegistration): Promise<Record<string, TransactItem>>;
  release(registration: StaffRegistration): Promise<void>;
};

export function createStaffReleaser(doc: DocumentClient, tableName: string): StaffReleaser {
  const staff = createStaffStore(doc, tableName);
  return {
    partsFor: async ({ id, sponsorId }) => (sponsorId ? staff.releaseParts(sponsorId, id) : {}),
    release: async ({ id, sponsorId }) => {
      if (sponsorId) await staff.releaseStaff(sponsorId, id);
    },
  };
}

export type LeadEraser = (registrationId: string) => Promise<void>;

export function createLeadEraser(doc: DocumentClient, tableName: string): LeadEraser {
  const staff = createStaffStore(doc, tableName);
  return async (registrationId) => {
    await staff.eraseLeadsOf(registrationId);
  };
}
