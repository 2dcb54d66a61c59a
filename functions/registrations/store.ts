/**
 * The transactions that keep seat counts exact, built from named parts (see keys.ts for the
 * item layout). Each write states its condition; a failed condition comes back by name.
 */
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../core/dynamo.ts';
import { stripKeys as strip } from '../core/items.ts';
import { queryAll, queryPage } from '../core/query.ts';
import { type TransactItem, transact } from '../core/transaction.ts';
import { outboxKey } from '../mail/outbox.ts';
import {
  emailLockKey,
  eventRegistrationsIndex,
  eventRegistrationsPk,
  holdsSeat,
  type IdempotentResponse,
  idemKey,
  type NewRegistration,
  type OutboxItem,
  outboxOfRegistrationPk,
  regKey,
  type Sensitive,
  type StoredRegistration,
  sensitiveKey,
  waitingListPk,
  waitingListSk,
} from './keys.ts';
import type { WriteOutcome } from './register.ts';
import type { RegistrationStatus } from './schemas.ts';
import { allSeatsTaken, nobodyWaiting, partsFor, seatFree } from './transaction-parts.ts';

export type RegistrationFilter = { status?: RegistrationStatus; categoryId?: string; country?: string; q?: string };

export function createRegistrationsStore(doc: DocumentClient, tableName: string) {
  const { putNew, put, counter, change } = partsFor(tableName);

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
    outbox: put(mail),
    sensitive: sensitive ? putNew({ ...sensitiveKey(reg.id), entity: 'sensitive', ...sensitive }) : undefined,
  });

  async function writeNew(counterMove: TransactItem, entry: NewRegistration, counterFailed: WriteOutcome) {
    const outcome = await transact(doc, { counter: counterMove, ...newRegistrationParts(entry) });
    if (outcome.ok) return 'written';
    // A retry of the same request trips the idempotency and email guards together: it is a replay.
    if (outcome.failed.has('idempotency')) return 'duplicate-key';
    if (outcome.failed.has('emailLock')) return 'duplicate-email';
    if (outcome.failed.has('counter')) return counterFailed;
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

    async get(id: string): Promise<StoredRegistration | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: regKey(id), ConsistentRead: true }));
      return Item ? strip<StoredRegistration>(Item) : undefined;
    },

    async getSensitive(id: string): Promise<Omit<Sensitive, 'expiresAt'>> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: sensitiveKey(id), ConsistentRead: true }),
      );
      return Item
        ? {
            dietaryNeeds: Item.dietaryNeeds as string | undefined,
            accessibilityNeeds: Item.accessibilityNeeds as string | undefined,
          }
        : {};
    },

    /** The first person waiting in a category, oldest number first. */
    async firstWaiting(eventId: string, categoryId: string): Promise<StoredRegistration | undefined> {
      const { items } = await queryPage<StoredRegistration>(doc, {
        tableName,
        index: 'GSI2',
        pk: waitingListPk(eventId, categoryId),
        limit: 1,
      });
      return items[0];
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

    /**
     * Ends a registration (cancelled or rejected). A held seat goes to `promote` (the first
     * waiting person) in the same transaction, or is freed only when nobody waits.
     * Returns false when a condition moved under us; the caller reads again and retries.
     */
    async release(
      reg: StoredRegistration,
      to: 'cancelled' | 'rejected',
      now: string,
      promote: { reg: StoredRegistration; status: 'confirmed' | 'pending' } | undefined,
      mails: OutboxItem[],
    ): Promise<boolean> {
      const parts: [string, TransactItem][] = [
        ['registration', change(reg.id, reg.status, { status: to, updatedAt: now })],
      ];
      if (!holdsSeat(reg.status)) parts.push(['counter', counter(reg, { waiting: -1 })]);
      else if (promote) {
        parts.push(['promoted', change(promote.reg.id, 'waitlisted', { status: promote.status, updatedAt: now })]);
        parts.push(['counter', counter(reg, { waiting: -1 })]);
      } else parts.push(['counter', counter(reg, { taken: -1 }, nobodyWaiting)]);
      for (const [i, mail] of mails.entries()) parts.push([`outbox${i}`, put(mail)]);
      const outcome = await transact(doc, parts);
      return outcome.ok;
    },

    /** Gives a free seat (capacity grew) to a waiting person, in one transaction. */
    async promoteIntoFreeSeat(
      waiter: StoredRegistration,
      status: 'confirmed' | 'pending',
      now: string,
      mail: OutboxItem,
    ): Promise<'promoted' | 'no-seat' | 'moved'> {
      const outcome = await transact(doc, {
        counter: counter(waiter, { taken: 1, waiting: -1 }, seatFree),
        registration: change(waiter.id, 'waitlisted', { status, updatedAt: now }),
        outbox: put(mail),
      });
      if (outcome.ok) return 'promoted';
      return outcome.failed.has('counter') ? 'no-seat' : 'moved';
    },

    /** A change that does not move seats (approve, check-in, edits), guarded by the status read. */
    async update(id: string, from: RegistrationStatus, sets: Record<string, unknown>, mail?: OutboxItem) {
      const outcome = await transact(doc, { registration: change(id, from, sets), outbox: mail && put(mail) });
      return outcome.ok;
    },

    async putSensitive(id: string, sensitive: Sensitive) {
      await transact(doc, { sensitive: put({ ...sensitiveKey(id), entity: 'sensitive', ...sensitive }) });
    },

    /** Removes the registration, its sensitive data, locks, first response and unsent mail. */
    async erase(reg: StoredRegistration) {
      const unsent = await queryAll<{ id: string }>(doc, {
        tableName,
        index: 'GSI1',
        pk: outboxOfRegistrationPk(reg.id),
      });
      for (const mail of unsent) {
        await doc.send(new DeleteCommand({ TableName: tableName, Key: outboxKey(mail.id) }));
      }
      const remove = (Key: Record<string, string>): TransactItem => ({ Delete: { TableName: tableName, Key } });
      await transact(doc, {
        registration: remove(regKey(reg.id)),
        sensitive: remove(sensitiveKey(reg.id)),
        emailLock: remove(emailLockKey(reg.eventId, reg.email)),
        idempotency: remove(idemKey(reg.eventId, reg.idempotencyKey)),
      });
    },

    /** One page of an event's registrations, oldest first, filtered on the server side of the Query. */
    async list(eventId: string, filter: RegistrationFilter, page: { limit: number; cursor?: string }) {
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const add = (attribute: string, value: string | undefined, op: 'eq' | 'contains') => {
        if (!value) return;
        names[`#${attribute}`] = attribute;
        values[`:${attribute}`] = value;
        conditions.push(op === 'eq' ? `#${attribute} = :${attribute}` : `contains(#${attribute}, :${attribute})`);
      };
      add('status', filter.status, 'eq');
      add('categoryId', filter.categoryId, 'eq');
      add('country', filter.country, 'eq');
      add('search', filter.q?.toLowerCase(), 'contains');
      return queryPage<StoredRegistration>(doc, {
        tableName,
        index: 'GSI1',
        pk: eventRegistrationsPk(eventId),
        ...page,
        ...(conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
      });
    },
  };
}

export type RegistrationsStore = ReturnType<typeof createRegistrationsStore>;
