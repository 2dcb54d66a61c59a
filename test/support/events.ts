/** A small published event in Lisbon, for tests that need one. */
import type { Event } from '../../functions/events/schemas.ts';

export const testEvent = (id: string, overrides: Partial<Event> = {}): Event => ({
  id,
  name: { en: `Event ${id}` },
  startDate: '2027-06-08',
  endDate: '2027-06-09',
  timeZone: 'Europe/Lisbon',
  venue: { name: { en: 'Hall' }, address: 'Rua 1', city: 'Lisbon', country: 'PT' },
  status: 'published',
  ...overrides,
});
