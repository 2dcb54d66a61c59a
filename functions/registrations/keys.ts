/**
 * How the registrations context sits in the table: every key and item shape it owns.
 *   category      PK=CATEGORIES#<eventId>  SK=CATEGORY#<categoryId>  (the quota and its seat counters)
 *   registration  PK=REG#<id>  SK=REG        GSI1PK=REGS#<eventId>  GSI1SK=<createdAt>#<id>
 *                                            GSI2PK=WAIT#<eventId>#<categoryId>  GSI2SK=<seq, 12 digits>  (waiting only)
 *   sensitive     PK=REG#<id>  SK=SENSITIVE  (dietary and accessibility needs; expires right after the event)
 *   starred       PK=REG#<id>  SK=AGENDA  (the attendee's starred sessions, the personal agenda)
 *   email lock    PK=EMAIL#<eventId>#<sha256(email)>  SK=LOCK
 *   idempotency   PK=IDEM#<eventId>#<key>  SK=IDEM  (first response, 24 h)
 *   check-in code PK=CHECKIN#<eventId>#<code>  SK=CODE  (the short code at the desk → registration)
 *   hold          PK=HOLDS  SK=<heldUntil>#<id>  (an unverified registration's place, swept when due)
 *   outbox mail   indexed GSI1PK=OUTBOXREG#<registrationId>, so an erasure finds unsent mail
 *   payment ref   PK=PAYREF#<eventId>#<reference>  SK=REF  (a bank statement's reference → registration; unique)
 *   invoice no.   PK=INVOICESEQ#<eventId>  SK=SEQ  (the last final-invoice number given)
 *   payment due   a registration holding its seat with a fee unpaid is on GSI2 as
 *                 GSI2PK=PAYDUE  GSI2SK=<next action at, ISO>#<id>  (reminder, then cancellation);
 *                 never at the same time as on a waiting list, the other use of GSI2
 *
 * Every partition key (table or index) starts with a segment of its own: IAM grants each
 * function `<segment>#*` (dynamodb:LeadingKeys in functions/contexts.ts), so a key that began
 * with another kind's segment (the old EVENT#<id>#REGS) would be readable by that kind's readers.
 *
 * Invariants: taken <= capacity; someone waits only while taken = capacity; a seat given up
 * goes to the first waiting person in the same transaction.
 */
import { createHash } from 'node:crypto';
import type { RateCount } from '../core/rate-limit.ts';
import type { Category, Registration, RegistrationStatus } from './schemas.ts';

/** An event's categories share a partition of their own, apart from the event item (EVENT#). */
const categoriesPk = (eventId: string) => `CATEGORIES#${eventId}`;
export const categoryKey = (eventId: string, categoryId: string) => ({
  PK: categoriesPk(eventId),
  SK: `CATEGORY#${categoryId}`,
});
export const categoriesOfEvent = (eventId: string) => ({ PK: categoriesPk(eventId), skPrefix: 'CATEGORY#' });

export const regKey = (id: string) => ({ PK: `REG#${id}`, SK: 'REG' });
export const sensitiveKey = (id: string) => ({ PK: `REG#${id}`, SK: 'SENSITIVE' });
export const starredKey = (id: string) => ({ PK: `REG#${id}`, SK: 'AGENDA' });
export const emailLockKey = (eventId: string, email: string) => ({
  PK: `EMAIL#${eventId}#${createHash('sha256').update(email.toLowerCase()).digest('hex')}`,
  SK: 'LOCK',
});
export const idemKey = (eventId: string, key: string) => ({ PK: `IDEM#${eventId}#${key}`, SK: 'IDEM' });
export const checkInCodeKey = (eventId: string, code: string) => ({ PK: `CHECKIN#${eventId}#${code}`, SK: 'CODE' });
/** One partition for every hold, ordered by when it lapses: the sweep reads what is due. */
export const HOLDS_PK = 'HOLDS';
export const holdKey = (reg: Pick<StoredRegistration, 'id' | 'heldUntil'>) => ({
  PK: HOLDS_PK,
  SK: `${reg.heldUntil}#${reg.id}`,
});

/** GSI1: an event's registrations, oldest first. */
export const eventRegistrationsIndex = (reg: Pick<Registration, 'eventId' | 'createdAt' | 'id'>) => ({
  GSI1PK: eventRegistrationsPk(reg.eventId),
  GSI1SK: `${reg.createdAt}#${reg.id}`,
});
export const eventRegistrationsPk = (eventId: string) => `REGS#${eventId}`;

/** A payment reference, normalised (no spaces, upper case), locked to one registration. */
export const paymentRefKey = (eventId: string, reference: string) => ({
  PK: `PAYREF#${eventId}#${reference}`,
  SK: 'REF',
});
export const invoiceSeqKey = (eventId: string) => ({ PK: `INVOICESEQ#${eventId}`, SK: 'SEQ' });

/** GSI2: paid registrations whose fee is due, by the time of their next reminder or cancellation. */
export const PAYMENTS_DUE_PK = 'PAYDUE';
export const paymentDueIndex = (id: string, at: string) => ({ GSI2PK: PAYMENTS_DUE_PK, GSI2SK: `${at}#${id}` });

/** GSI2: a category's waiting list, by number. */
export const waitingListPk = (eventId: string, categoryId: string) => `WAIT#${eventId}#${categoryId}`;
export const waitingListSk = (seq: number) => String(seq).padStart(12, '0');

/** GSI1 of outbox items about a registration. */
export const outboxIndex = (registrationId: string, at: string) => ({
  GSI1PK: outboxOfRegistrationPk(registrationId),
  GSI1SK: at,
});
export const outboxOfRegistrationPk = (registrationId: string) => `OUTBOXREG#${registrationId}`;

export type StoredCategory = Category & {
  taken: number;
  waiting?: number;
  waitSeq?: number;
  sortOrder: number;
  /** Arrivals at the desk, counted in the check-in transaction. */
  checkedIn?: number;
};

export type StoredRegistration = Registration & {
  tokenHash: string;
  /** Hashes of manage links mailed later (a notice to the owner of a duplicate address). */
  tokenHashes?: string[];
  checkInCode: string;
  /** What an unverified registration holds: a seat, or a place on the waiting list. */
  hold?: 'seat' | 'waitlist';
  idempotencyKey: string;
  search?: string;
  waitSeq?: number;
  expiresAt: number;
  /** Booth staff: the sponsor that named them, whose staff list and pass they hold (sponsors/staff.ts). */
  sponsorId?: string;
};

export type Sensitive = { dietaryNeeds?: string; accessibilityNeeds?: string; expiresAt: number };
export type IdempotentResponse = { requestHash: string; status: number; body: unknown };
export type Idempotency = { key: string; response: IdempotentResponse; expiresAt: number };
/** A mail item for the outbox, written in the same transaction as the change it reports. */
export type OutboxItem = Record<string, unknown>;
/** Everything a sign-up writes at once. */
export type NewRegistration = {
  reg: StoredRegistration;
  sensitive?: Sensitive;
  idempotency: Idempotency;
  mail: OutboxItem;
  /** The limits this sign-up counts against, counted only if it is written. */
  counts?: RateCount[];
};

/** Statuses that hold a seat (a pending registration holds its seat until decided). */
const HOLDING: RegistrationStatus[] = ['confirmed', 'pending', 'approved'];
/** Whether a registration holds a seat; an unverified one may hold a seat or a waiting place. */
export const holdsSeat = (reg: Pick<StoredRegistration, 'status' | 'hold'>) =>
  HOLDING.includes(reg.status) || (reg.status === 'unverified' && reg.hold === 'seat');
/** Whether a registration is over (cancelled, rejected, lapsed): no place, and nothing left to pay. */
export const hasEnded = (status: RegistrationStatus) =>
  status === 'cancelled' || status === 'rejected' || status === 'expired';
/** Whether a registration has an invoice: a fee paid, or one still owed (no pro forma once it ended). */
export const hasInvoice = (reg: Pick<StoredRegistration, 'status' | 'payment'>) =>
  reg.payment !== undefined && (reg.payment.status === 'paid' || !hasEnded(reg.status));
/** Whether a registration holds a place on the waiting list (GSI2). */
export const isWaiting = (reg: Pick<StoredRegistration, 'status' | 'hold'>) =>
  reg.status === 'waitlisted' || (reg.status === 'unverified' && reg.hold === 'waitlist');
