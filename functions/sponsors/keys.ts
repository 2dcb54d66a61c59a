/**
 * How the sponsors context sits in the table (its only keys and item shapes).
 *   sponsor  PK=SPONSOR#<sponsorId>  SK=PROFILE       GSI1PK=SPONSORS#<eventId>  GSI1SK=<name, lower case>#<sponsorId>
 *            (organisers' fields, the draft, the live version, the state; one item, so each change is one write)
 *   passes   PK=STAFF#<sponsorId>    SK=PASSES        (staff passes used: the counter guarded by the tier's passes)
 *   staff    PK=STAFF#<sponsorId>    SK=REG#<registrationId>
 *            (a partition of their own: the registrations context releases a pass when booth
 *            staff's registration ends, without a grant on the sponsor's profile and members)
 *   member   PK=SPONSOR#<sponsorId>  SK=MEMBER#<sub>  GSI1PK=MEMBER#<sub>        GSI1SK=SPONSOR#<sponsorId>
 *   tiers    PK=TIERS#<eventId>      SK=TIERS         (the event's tiers, versioned)
 *   lead     PK=LEAD#<sponsorId>#<leadId>  SK=LEAD   (leadId: a hash of sponsor and registration, one lead each)
 *            GSI1PK=LEADS#<sponsorId>      GSI1SK=<capturedAt>#<registrationId>   (a sponsor's leads)
 *            GSI2PK=LEADSOF#<registrationId>  GSI2SK=<sponsorId>                  (an attendee's, for withdrawal)
 *
 * SPONSOR#, STAFF#, SPONSORS#, MEMBER#, TIERS#, LEAD#, LEADS# and LEADSOF# each begin a partition
 * key of no other kind, so the IAM grants on them (functions/contexts.ts) reach these items only.
 */
import type { Contact, Member, Product, ProfileState, Tier } from './schemas.ts';

export const sponsorKey = (sponsorId: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: 'PROFILE' });
export const passesKey = (sponsorId: string) => ({ PK: `STAFF#${sponsorId}`, SK: 'PASSES' });
export const staffKey = (sponsorId: string, registrationId: string) => ({
  PK: `STAFF#${sponsorId}`,
  SK: `REG#${registrationId}`,
});
export const staffOf = (sponsorId: string) => ({ PK: `STAFF#${sponsorId}`, skPrefix: 'REG#' });
export const membersOf = (sponsorId: string) => ({ PK: `SPONSOR#${sponsorId}`, skPrefix: 'MEMBER#' });
export const memberKey = (sponsorId: string, sub: string) => ({ PK: `SPONSOR#${sponsorId}`, SK: `MEMBER#${sub}` });

export const eventSponsorsPk = (eventId: string) => `SPONSORS#${eventId}`;
export const eventSponsorsIndex = (eventId: string, sponsor: { id: string; name: string }) => ({
  GSI1PK: eventSponsorsPk(eventId),
  GSI1SK: `${sponsor.name.toLowerCase()}#${sponsor.id}`,
});

export const membershipsPk = (sub: string) => `MEMBER#${sub}`;
export const membershipIndex = (sponsorId: string, member: Member) => ({
  GSI1PK: membershipsPk(member.memberId),
  GSI1SK: `SPONSOR#${sponsorId}`,
});

export const tiersKey = (eventId: string) => ({ PK: `TIERS#${eventId}`, SK: 'TIERS' });

export const leadKey = (sponsorId: string, leadId: string) => ({
  PK: `LEAD#${sponsorId}#${leadId}`,
  SK: 'LEAD',
});
export const sponsorLeadsPk = (sponsorId: string) => `LEADS#${sponsorId}`;
export const attendeeLeadsPk = (registrationId: string) => `LEADSOF#${registrationId}`;
export const leadIndexes = (sponsorId: string, registrationId: string, capturedAt: string) => ({
  GSI1PK: sponsorLeadsPk(sponsorId),
  GSI1SK: `${capturedAt}#${registrationId}`,
  GSI2PK: attendeeLeadsPk(registrationId),
  GSI2SK: sponsorId,
});

/** A version of the profile's content as stored (Markdown as written; the logo by key). */
export type StoredContent = {
  description?: { en: string; fr?: string };
  website?: string;
  logoKey?: string;
  contacts: Contact[];
  products: Product[];
  socialLinks: string[];
};

type Html = { en: string; fr?: string };

/**
 * A live version's descriptions as sanitised HTML, rendered when it was approved (so public
 * reads need no Markdown renderer), under the allowlist version `rules`.
 */
export type RenderedContent = { rules: number; description?: Html; products: (Html | undefined)[] };

export type StoredSponsor = {
  id: string;
  eventId: string;
  name: string;
  tier: string;
  booth?: string;
  state: ProfileState;
  comment?: string;
  published: boolean;
  draft: StoredContent;
  live?: StoredContent & { version: number; approvedAt: string; rendered?: RenderedContent };
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
};

export type StoredTiers = { items: Tier[]; version: number };

export type StoredStaff = {
  sponsorId: string;
  registrationId: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle?: string;
  addedAt: string;
};

export type StoredLead = {
  leadId: string;
  sponsorId: string;
  registrationId: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  country: string;
  jobTitle?: string;
  note?: string;
  rating?: number;
  capturedAt: string;
  updatedAt: string;
  expiresAt: number;
};
