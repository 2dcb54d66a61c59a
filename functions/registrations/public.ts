/**
 * What other contexts may use of registrations: an event's categories as the public sees
 * them; booth staff registered by a sponsor; a consenting attendee for lead capture.
 */
export { createPublicCategoriesReader, type PublicCategoriesReader } from './public-categories.ts';

export {
  type ConsentingAttendee,
  createLeadSource,
  createStaffRegistrar,
  type LeadSource,
  type StaffPerson,
  type StaffRegistrar,
} from './staff.ts';
