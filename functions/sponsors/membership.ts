/** What other contexts may read of sponsors: which sponsors a signed-in person may edit. */
import type { MembershipLookup } from '../core/auth.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { createSponsorsStore } from './store.ts';

export function createMembershipLookup(doc: DocumentClient, tableName: string): MembershipLookup {
  const store = createSponsorsStore(doc, tableName);
  return (sub) => store.sponsorIdsOf(sub);
}
