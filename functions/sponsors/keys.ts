/**
 * How sponsors and their members sit in the table (the sponsors context's only keys).
 *   sponsor  PK=SPONSOR#<sponsorId>  SK=PROFILE       GSI1PK=SPONSORS#<eventId>  GSI1SK=<tier rank>#<name>
 *   member   PK=SPONSOR#<sponsorId>  SK=MEMBER#<sub>  GSI1PK=MEMBER#<sub>        GSI1SK=SPONSOR#<sponsorId>
 *
 * SPONSOR# (items), SPONSORS# (an event's sponsors) and MEMBER# (a person's memberships) each
 * begin a partition key of no other kind, so the IAM grants on them (functions/contexts.ts)
 * reach these items only.
 */
import type { Member, Sponsor } from './schemas.ts';

const tierRank = { platinum: 1, gold: 2, silver: 3, bronze: 4 } as const;

export const sponsorKey = (sponsorId: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: 'PROFILE' });
export const membersOf = (sponsorId: string) => ({ PK: `SPONSOR#${sponsorId}`, skPrefix: 'MEMBER#' });
export const memberKey = (sponsorId: string, sub: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: `MEMBER#${sub}` });

export const eventSponsorsPk = (eventId: string) => `SPONSORS#${eventId}`;
export const eventSponsorsIndex = (eventId: string, sponsor: Sponsor) => ({
  GSI1PK: eventSponsorsPk(eventId),
  GSI1SK: `${tierRank[sponsor.tier]}#${sponsor.name}`,
});

export const membershipsPk = (sub: string) => `MEMBER#${sub}`;
export const membershipIndex = (sponsorId: string, member: Member) => ({
  GSI1PK: membershipsPk(member.memberId),
  GSI1SK: `SPONSOR#${sponsorId}`,
});

export type StoredSponsor = Sponsor & { eventId: string };
