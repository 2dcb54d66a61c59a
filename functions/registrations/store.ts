/**
 * The transactions that keep seat counts exact, built from named parts (see keys.ts for the
 * item layout): sign-up, verification, release with promotion, holds that lapse.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../core/dynamo.ts';
import { queryPage } from '../core/query.ts';
import { rateCountItem, rateLimited } from '../core/rate-limit.ts';
import { type TransactItem, transact } from '../core/transaction.ts';
import {
  checkInCodeKey,
  emailLockKey,
  eventRegistrationsIndex,
  HOLDS_PK,
  holdKey,
  holdsSeat,
  type IdempotentResponse,
  idemKey,
  isWaiting,
  type NewRegistration,
  type OutboxItem,
  paymentRefKey,
  regKey,
  type StoredRegistration,
  sensitiveKey,
  waitingListPk,
  waitingListSk,
} from './keys.ts';
import type { WriteOutcome } from './register.ts';
import type { RegistrationStatus } from './schemas.ts';
import { allSeatsTaken, nobodyWaiting, partsFor, seatFree } from './transaction-parts.ts';

/** Who takes a seat given up: the first person waiting, and the status they move to. */
export type Promotion = {
  reg: StoredRegistration;
  status: 'confirmed' | 'pending' | 'unverified';
  /** More to set (the payment clock of a confirmed promotion). */
  extra?: Record<string, unknown>;
  /** The hash of the manage link in the promotion mail. */
  tokenHash?: string;
};

/** An unverified person promoted keeps to verify, but now holds a seat. */
const promotedSets = (promote: Promotion, now: string) => ({
  status: promote.status,
  updatedAt: now,
  ...(promote.status === 'unverified' ? { hold: 'seat' } : {}),
  ...promote.extra,
});
const linkAppend = (tokenHash: string | undefined) => (tokenHash ? { appends: { tokenHashes: [tokenHash] } } : {});

export function createRegistrationsStore(
  doc: DocumentClient,
  tableName: string,
  /** The rate windows' clock, the one core/rate-limit.ts counts by. */
  clock: () => number = Date.now,
) {
  const { putNew, put, remove, counter, change } = partsFor(tableName);

  const newRegistrationParts = ({ reg, sensitive, idempotency, mail }: NewRegistration) => ({
    registration: putNew({ ...regKey(reg.id), entity: 'registration', ...eventRegistrationsIndex(reg), ...reg }),
    emailLock: putNew({
      ...emailLockKey(reg.eventId, reg.email),
      entity: 'email-lock',
      registrationId: reg.id,
      expiresAt: reg.expiresAt,
    }),
    idempotency: putNew({
      ...idemKey(reg.eventId, idempotency.key),
      entity: 'idempotency',
      ...idempotency.response,
      expiresAt: idempotency.expiresAt,
    }),
    checkInCode: putNew({
      ...checkInCodeKey(reg.eventId, reg.checkInCode),
      entity: 'check-in-code',
      registrationId: reg.id,
      expiresAt: reg.expiresAt,
    }),
    hold: put({ ...holdKey(reg), entity: 'hold', registrationId: reg.id, expiresAt: reg.expiresAt }),
    outbox: put(mail),
    sensitive: sensitive ? putNew({ ...sensitiveKey(reg.id), entity: 'sensitive', ...sensitive }) : undefined,
    // A bank statement's reference finds its registration through this lock (and no two share one).
    paymentRef: reg.payment
      ? putNew({
          ...paymentRefKey(reg.eventId, reg.payment.reference),
          entity: 'payment-ref',
          registrationId: reg.id,
          expiresAt: reg.expiresAt,
        })
      : undefined,
  });

  async function writeNew(counterMove: TransactItem, entry: NewRegistration, counterFailed: WriteOutcome) {
    const nowMs = clock();
    const counts = (entry.counts ?? []).map((count, i) => [`count${i}`, rateCountItem(tableName, count, nowMs)]);
    const outcome = await transact(doc, {
      counter: counterMove,
      ...newRegistrationParts(entry),
      ...Object.fromEntries(counts),
    });
    if (outcome.ok) return 'written';
    // A retry of the same request trips the idempotency and email guards together: it is a replay.
    if (outcome.failed.has('idempotency')) return 'duplicate-key';
    // A full category before a duplicate: the answer must not tell whether the address is registered.
    if (outcome.failed.has('counter')) return counterFailed;
    if (outcome.failed.has('emailLock')) return 'duplicate-email';
    const full = entry.counts?.find((_, i) => outcome.failed.has(`count${i}`));
    if (full) return { refused: rateLimited(full.rule, nowMs) };
    if (outcome.failed.has('checkInCode')) return 'code-taken';
    if (outcome.failed.has('paymentRef')) return 'reference-taken';
    throw new Error(`Registration write refused by ${[...outcome.failed].join(', ')}`);
  }

  return {
    async getIdempotent(eventId: string, key: string): Promise<IdempotentResponse | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: idemKey(eventId, key), ConsistentRead: true }),
      );
      return Item ? { requestHash: String(Item.requestHash), status: Number(Item.status), body: Item.body } : undefined;
    },

    /** Takes a seat if one is free; the whole registration is written or nothing is. */
    writeWithSeat: (entry: NewRegistration): Promise<WriteOutcome> =>
      writeNew(counter(entry.reg, { taken: 1 }, seatFree), entry, 'full'),

    /** Joins the waiting list as number `seq`, only while every seat is taken. */
    writeWaiting(entry: NewRegistration, seq: number): Promise<WriteOutcome> {
      const reg: StoredRegistration = { ...entry.reg, waitSeq: seq };
      const waiting = { ...reg, GSI2PK: waitingListPk(reg.eventId, reg.categoryId), GSI2SK: waitingListSk(seq) };
      return writeNew(counter(reg, { waiting: 1 }, allSeatsTaken), { ...entry, reg: waiting }, 'seat-free');
    },

    /** The first person waiting in a category (verified or not), oldest number first. */
    async firstWaiting(eventId: string, categoryId: string): Promise<StoredRegistration | undefined> {
      const page = await queryPage<StoredRegistration>(doc, {
        tableName,
        index: 'GSI2',
        pk: waitingListPk(eventId, categoryId),
        limit: 1,
      });
      return page.items[0];
    },

    /** How many wait ahead of a waiting-list number. */
    async waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number> {
      const { Count } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: '#pk = :pk AND #sk < :sk',
          ExpressionAttributeNames: { '#pk': 'GSI2PK', '#sk': 'GSI2SK' },
          ExpressionAttributeValues: { ':pk': waitingListPk(eventId, categoryId), ':sk': waitingListSk(seq) },
          Select: 'COUNT',
        }),
      );
      return Count ?? 0;
    },

    /** The mailed link was opened: the hold ends and the registration takes its real status. */
    async verify(
      reg: StoredRegistration,
      to: RegistrationStatus,
      now: string,
      mail: OutboxItem,
      more: { sets?: Record<string, unknown>; tokenHash?: string } = {},
    ) {
      const outcome = await transact(doc, {
        // Verified as what it holds now: a promotion may have moved it from the list to a seat.
        registration: change(
          reg.id,
          'unverified',
          { status: to, updatedAt: now, ...more.sets },
          ['hold', 'heldUntil'],
          reg.hold === 'waitlist',
          linkAppend(more.tokenHash),
        ),
        hold: remove(holdKey(reg)),
        outbox: put(mail),
      });
      return outcome.ok;
    },

    /**
     * Ends a registration (cancelled, rejected, expired). A held seat goes to `promote` (the
     * first waiting person) in the same transaction, or is freed only when nobody waits.
     * Returns false when a condition moved under us; the caller reads again and retries.
     */
    async release(
      reg: StoredRegistration,
      to: 'cancelled' | 'rejected' | 'expired',
      now: string,
      promote: Promotion | undefined,
      mails: OutboxItem[],
      options: { tokenHash?: string; paymentDue?: boolean; also?: Record<string, TransactItem> } = {},
    ): Promise<boolean> {
      const guards = { ...linkAppend(options.tokenHash), paymentDue: options.paymentDue };
      const parts: [string, TransactItem][] = [
        [
          'registration',
          change(reg.id, reg.status, { status: to, updatedAt: now }, ['hold', 'heldUntil'], undefined, guards),
        ],
      ];
      if (reg.status === 'unverified') parts.push(['hold', remove(holdKey(reg))]);
      if (isWaiting(reg)) parts.push(['counter', counter(reg, { waiting: -1 })]);
      else if (holdsSeat(reg) && promote) {
        // Still waiting: an unverified person keeps their status when promoted, so the status alone cannot tell.
        parts.push([
          'promoted',
          change(
            promote.reg.id,
            promote.reg.status,
            promotedSets(promote, now),
            [],
            true,
            linkAppend(promote.tokenHash),
          ),
        ]);
        parts.push(['counter', counter(reg, { waiting: -1 })]);
      } else if (holdsSeat(reg)) parts.push(['counter', counter(reg, { taken: -1 }, nobodyWaiting)]);
      for (const [i, mail] of mails.entries()) parts.push([`outbox${i}`, put(mail)]);
      parts.push(...Object.entries(options.also ?? {}));
      return (await transact(doc, parts)).ok;
    },

    /** Gives a free seat (capacity grew) to a waiting person, in one transaction. */
    async promoteIntoFreeSeat(
      promote: Promotion,
      now: string,
      mail: OutboxItem,
    ): Promise<'promoted' | 'no-seat' | 'moved'> {
      const outcome = await transact(doc, {
        counter: counter(promote.reg, { taken: 1, waiting: -1 }, seatFree),
        registration: change(
          promote.reg.id,
          promote.reg.status,
          promotedSets(promote, now),
          [],
          true,
          linkAppend(promote.tokenHash),
        ),
        outbox: put(mail),
      });
      if (outcome.ok) return 'promoted';
      return outcome.failed.has('counter') ? 'no-seat' : 'moved';
    },

    /** Holds that lapsed before `now` (ISO), oldest first, at most `limit`. */
    async dueHolds(now: string, limit = 100): Promise<{ registrationId: string; heldUntil: string }[]> {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND #sk < :now',
          ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
          ExpressionAttributeValues: { ':pk': HOLDS_PK, ':now': now },
          Limit: limit,
        }),
      );
      return (Items ?? []).map((i) => ({
        registrationId: String(i.registrationId),
        heldUntil: String(i.SK).split('#')[0] ?? '',
      }));
    },

    /** Drops a hold whose registration no longer waits for verification. */
    async dropHold(hold: { registrationId: string; heldUntil: string }) {
      await transact(doc, { hold: remove(holdKey({ id: hold.registrationId, heldUntil: hold.heldUntil })) });
    },
  };
}

export type RegistrationsStore = ReturnType<typeof createRegistrationsStore>;
