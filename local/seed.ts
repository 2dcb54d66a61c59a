/** Seeds the demo conference through the same store code the API uses. */

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EntityKind } from '../functions/agenda/keys.ts';
import { publish } from '../functions/agenda/publishing.ts';
import { agendaStores } from '../functions/agenda/wiring.ts';
import { createDocumentClient, type DocumentClient } from '../functions/core/dynamo.ts';
import { ConflictError } from '../functions/core/errors.ts';
import { createEventsStore } from '../functions/events/store.ts';
import { createCategoryStore } from '../functions/registrations/category-store.ts';
import { renderContent } from '../functions/sponsors/markdown.ts';
import { createStaffStore } from '../functions/sponsors/staff-store.ts';
import { createSponsorsStore, type StoredSponsor } from '../functions/sponsors/store.ts';
import { countTierHolders } from '../scripts/tier-holder-count.ts';
import { seededAccounts } from './accounts.ts';
import * as agenda from './demo-agenda.ts';
import * as demo from './demo-conference.ts';
import { recreateTable } from './dynamodb.ts';

/**
 * True when the table holds the demo conference under an older key layout: the event is
 * there, but its first category is not where the key builders now put it (categories moved
 * from EVENT#<eventId> to CATEGORIES#<eventId>, so that IAM grants on prefixes keep contexts
 * apart). The code cannot read such data; the local twin starts again from the demo data.
 */
export async function holdsOutdatedKeys(doc: DocumentClient, tableName: string): Promise<boolean> {
  if (!(await createEventsStore(doc, tableName).getEvent(demo.DEMO_EVENT_ID))) return false;
  const first = demo.demoCategories[0]!;
  if (!(await createCategoryStore(doc, tableName).getCategory(demo.DEMO_EVENT_ID, first.id))) return true;
  // Sponsors moved to a draft beside a live version (issue 11): an item without a draft is older.
  const sponsorId = demo.demoSponsors[0]!.id;
  const sponsor = await createSponsorsStore(doc, tableName).getSponsor(sponsorId);
  if (sponsor !== undefined && sponsor.draft === undefined) return true;
  // Booth staff and the pass counter moved from SPONSOR#<id> to STAFF#<id>.
  return sponsor !== undefined && !(await createStaffStore(doc, tableName).hasPassCounter(sponsorId));
}

/** Empties the table when it holds data under an older key layout; returns whether it did. */
export async function dropOutdatedData(client: DynamoDBClient, tableName: string): Promise<boolean> {
  if (!(await holdsOutdatedKeys(createDocumentClient(client), tableName))) return false;
  await recreateTable(client, tableName);
  return true;
}

const SEEDED_AT = '2026-11-01T09:00:00Z';

/** A demo exhibitor as organisers leave it after approving its first draft. */
function approvedSponsor(eventId: string, sponsor: demo.DemoSponsor): StoredSponsor {
  const content = {
    description: sponsor.description,
    website: sponsor.website,
    contacts: [],
    products: [],
    socialLinks: [],
  };
  return {
    id: sponsor.id,
    eventId,
    name: sponsor.name,
    tier: sponsor.tier,
    booth: sponsor.booth,
    state: 'live',
    published: true,
    draft: content,
    live: { ...content, version: 1, approvedAt: SEEDED_AT, rendered: renderContent(content) },
    version: 1,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
}

/** Returns true when it seeded, false when the demo conference was already there. */
export async function seedDemoConference(doc: DocumentClient, tableName: string): Promise<boolean> {
  const events = createEventsStore(doc, tableName);
  if (await events.getEvent(demo.DEMO_EVENT_ID)) {
    // Data kept from before the agenda existed gets the demo agenda too, and tiers kept from
    // before they counted their sponsors get their counts.
    await seedDemoAgenda(doc, tableName);
    await countTierHolders(doc, tableName);
    return false;
  }

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
  await keepExisting(
    sponsors.putTiers(id, demo.demoTiers, 0).then(
      () => undefined,
      (error: Error) => {
        // Already there from an interrupted start.
        if (error.name !== 'StaleVersionError') throw error;
      },
    ),
  );
  for (const sponsor of demo.demoSponsors) await keepExisting(sponsors.createSponsor(approvedSponsor(id, sponsor)));
  for (const [sponsorId, email] of Object.entries(demo.demoSponsorMembers)) {
    const account = seededAccounts.find((a) => a.email === email)!;
    await keepExisting(
      sponsors.addMember(sponsorId, { memberId: account.sub, email, invitedAt: '2026-11-01T09:00:00Z' }),
    );
  }
  await events.createEvent(demo.demoEvent);
  await seedDemoAgenda(doc, tableName);
  return true;
}

/** Writes the demo agenda and publishes it once, unless an agenda was published already. */
export async function seedDemoAgenda(doc: DocumentClient, tableName: string): Promise<boolean> {
  const deps = { ...agendaStores(doc, tableName), now: () => new Date() };
  if (await deps.store.publishedPointer(demo.DEMO_EVENT_ID)) return false;
  const put = async (kind: EntityKind, entity: { id: string }, refs = {}) => {
    try {
      await deps.store.putEntity(kind, demo.DEMO_EVENT_ID, { ...entity, version: 1 } as never, undefined, refs);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  };
  for (const room of agenda.demoRooms) await put('room', room);
  for (const track of agenda.demoTracks) await put('track', track);
  for (const speaker of agenda.demoSpeakers) await put('speaker', speaker);
  for (const session of agenda.demoSessions) await put('session', session, session);
  await publish(deps, demo.DEMO_EVENT_ID, 'demo seed');
  return true;
}
