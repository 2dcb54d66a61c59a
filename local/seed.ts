/** Seeds the demo conference through the same store code the API uses. */
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { ConflictError } from '../functions/core/errors.ts';
import { createEventsStore } from '../functions/events/store.ts';
import { createCategoryStore } from '../functions/registrations/category-store.ts';
import { createSponsorsStore } from '../functions/sponsors/store.ts';
import { seededAccounts } from './accounts.ts';
import * as demo from './demo-conference.ts';

/** Returns true when it seeded, false when the demo conference was already there. */
export async function seedDemoConference(doc: DocumentClient, tableName: string): Promise<boolean> {
  const events = createEventsStore(doc, tableName);
  if (await events.getEvent(demo.DEMO_EVENT_ID)) return false;

  const categories = createCategoryStore(doc, tableName);
  const sponsors = createSponsorsStore(doc, tableName);
  const id = demo.DEMO_EVENT_ID;

  // The event item goes last and marks the seed complete; a start interrupted before it
  // seeds again, keeping whatever items the first attempt already wrote.
  const keepExisting = async (write: Promise<void>) => {
    try {
      await write;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  };
  for (const [index, category] of demo.demoCategories.entries())
    await keepExisting(categories.createCategory(id, category, index));
  for (const sponsor of demo.demoSponsors) await keepExisting(sponsors.createSponsor(id, sponsor));
  for (const [sponsorId, email] of Object.entries(demo.demoSponsorMembers)) {
    const account = seededAccounts.find((a) => a.email === email)!;
    await keepExisting(
      sponsors.addMember(sponsorId, { memberId: account.sub, email, invitedAt: '2026-11-01T09:00:00Z' }),
    );
  }
  await events.createEvent(demo.demoEvent);
  return true;
}
