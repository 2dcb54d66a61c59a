/**
 * What the sign-up benchmarks share (`npm run bench` and scripts/bench/profile-signup.ts): a
 * published event with categories no load can fill, and the registrations app's dependencies
 * with limits no benchmark reaches, so both measure the same sign-up.
 */
import { createTokenVerifier } from '../../functions/core/auth.ts';
import type { DocumentClient } from '../../functions/core/dynamo.ts';
import { createRateLimiter } from '../../functions/core/rate-limit.ts';
import { createEventsStore } from '../../functions/events/store.ts';
import type { RegistrationsAppDeps } from '../../functions/registrations/app.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { registrationStores } from '../../functions/registrations/wiring.ts';

/** Creates the event `eventId` (published) with one category of a million seats per id. */
export async function seedSignUpEvent(doc: DocumentClient, table: string, eventId: string, categoryIds: string[]) {
  await createEventsStore(doc, table).createEvent({
    id: eventId,
    name: { en: `Bench ${eventId}` },
    startDate: '2027-06-08',
    endDate: '2027-06-10',
    timeZone: 'Europe/Lisbon',
    venue: { name: { en: 'Hall' }, address: 'Rua 1', city: { en: 'Lisbon', fr: 'Lisbonne' }, country: 'PT' },
    status: 'published',
  });
  for (const id of categoryIds) {
    await createCategoryStore(doc, table).createCategory(
      eventId,
      { id, name: { en: id }, capacity: 1_000_000, waitlist: true, requiresApproval: false },
      0,
    );
  }
}

/** The registrations app's dependencies on `doc`, with the limits out of reach. */
export function signUpDeps(doc: DocumentClient, table: string, readCacheMs: number): RegistrationsAppDeps {
  return {
    ...registrationStores(doc, table),
    limit: createRateLimiter(doc, table),
    limits: {
      perClient: { scope: 'c', limit: 1_000_000, windowSeconds: 60 },
      perEmail: { scope: 'e', limit: 10, windowSeconds: 60 },
    },
    verifyToken: createTokenVerifier({ issuer: 'https://unused.example', clientIds: ['none'] }),
    siteUrl: 'http://localhost:4321',
    retentionDays: 30,
    now: () => new Date('2027-01-10T10:00:00Z'),
    readCacheMs,
  };
}
