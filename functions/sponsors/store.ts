/**
 * How sponsors sit in the table (their API arrives with the sponsors context).
 *   PK=SPONSOR#<sponsorId>  SK=PROFILE  GSI1PK=EVENT#<eventId>#SPONSORS  GSI1SK=<tier rank>#<name>
 */
import type { DocumentClient } from '../core/dynamo.ts';
import { putNew } from '../core/put-new.ts';
import type { Sponsor } from '../core/schemas.ts';

const tierRank = { platinum: 1, gold: 2, silver: 3, bronze: 4 } as const;

export function createSponsorsStore(doc: DocumentClient, tableName: string) {
  return {
    createSponsor: (eventId: string, sponsor: Sponsor) =>
      putNew(
        doc,
        tableName,
        {
          PK: `SPONSOR#${sponsor.id}`,
          SK: 'PROFILE',
          entity: 'sponsor',
          GSI1PK: `EVENT#${eventId}#SPONSORS`,
          GSI1SK: `${tierRank[sponsor.tier]}#${sponsor.name}`,
          eventId,
          ...sponsor,
        },
        `Sponsor ${sponsor.id}`,
      ),
  };
}
