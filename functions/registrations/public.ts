/**
 * What other contexts may use of registrations: an event's categories as the public sees
 * them; booth staff registered by a sponsor; a consenting attendee for lead capture.
 */
export { createPublicCategoriesReader, type PublicCategoriesReader } from './public-categories.ts';

import type { DocumentClient } from '../core/dynamo.ts';
import { createRecordsStore } from './records-store.ts';

/** Names the sponsor on booth staff registered before registrations carried it (a one-off move). */
export function createStaffSponsorNamer(doc: DocumentClient, tableName: string) {
  const records = createRecordsStore(doc, tableName);
  return (registrationId: string, sponsorId: string) => records.nameSponsor(registrationId, sponsorId);
}

export {
  type ConsentingAttendee,
  createLeadSource,
  createStaffRegistrar,
  type LeadSource,
  type StaffPerson,
  type StaffRegistrar,
} from './staff.ts';
