/** A small published event in Lisbon, for tests that need one. */
import { eventKey } from '../../functions/events/keys.ts';
import type { Event } from '../../functions/events/schemas.ts';
import { categoryKey } from '../../functions/registrations/keys.ts';

export const testEvent = (id: string, overrides: Partial<Event> = {}): Event => ({
  id,
  name: { en: `Event ${id}` },
  startDate: '2027-06-08',
  endDate: '2027-06-09',
  timeZone: 'Europe/Lisbon',
  venue: { name: { en: 'Hall' }, address: 'Rua 1', city: { en: 'Lisbon', fr: 'Lisbonne' }, country: 'PT' },
  status: 'published',
  ...overrides,
});

/** The event and one of its categories as the table holds them (keys included), for mocked reads. */
export const storedEventItem = (id: string) => ({ ...eventKey(id), ...testEvent(id) });
export const storedCategoryItem = (eventId: string, id: string, counters: { capacity: number; taken: number }) => ({
  ...categoryKey(eventId, id),
  id,
  name: { en: id },
  waitlist: true,
  requiresApproval: false,
  waiting: 0,
  sortOrder: 0,
  ...counters,
});
