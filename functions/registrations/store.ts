/**
 * How registrations sit in the table, and the transactions that keep seat counts exact.
 *   registration  PK=REG#<id>  SK=REG        GSI1PK=EVENT#<eventId>#REGS  GSI1SK=<createdAt>#<id>
 *                                            GSI2PK=WAIT#<eventId>#<categoryId>  GSI2SK=<seq, 12 digits>  (waiting only)
 *   sensitive     PK=REG#<id>  SK=SENSITIVE  (dietary and accessibility needs; expires right after the event)
 *   email lock    PK=EMAIL#<eventId>#<sha256(email)>  SK=LOCK
 *   idempotency   PK=IDEM#<eventId>#<key>  SK=IDEM  (first response, 24 h)
 *   seat counters on the category item (events store key): taken, waiting, waitSeq
 *
 * Invariants: taken <= capacity; someone waits only while taken = capacity; a seat given up
 * goes to the first waiting person in the same transaction.
 */

import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../core/cursor.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { stripKeys as strip } from '../core/items.ts';
import type { Registration, RegistrationStatus } from '../core/schemas.ts';
import { categoryKey } from '../events/store.ts';

export const regKey = (id: string) => ({ PK: `REG#${id}`, SK: 'REG' });
const sensitiveKey = (id: string) => ({ PK: `REG#${id}`, SK: 'SENSITIVE' });
const emailLockKey = (eventId: string, email: string) => ({
  PK: `EMAIL#${eventId}#${createHash('sha256').update(email.toLowerCase()).digest('hex')}`,
  SK: 'LOCK',
});
const idemKey = (eventId: string, key: string) => ({ PK: `IDEM#${eventId}#${key}`, SK: 'IDEM' });
const waitKey = (eventId: string, categoryId: string) => `WAIT#${eventId}#${categoryId}`;

export type StoredRegistration = Registration & {
  tokenHash: string;
  idempotencyKey: string;
  search?: string;
  expiresAt: number;
};

export type RegistrationFilter = { status?: RegistrationStatus; categoryId?: string; country?: string; q?: string };

/** Outbox items about a registration are indexed by it (GSI1), for erasure. */
export const outboxIndex = (registrationId: string, at: string) => ({
  GSI1PK: `OUTBOXREG#${registrationId}`,
  GSI1SK: at,
});
export type Sensitive = { dietaryNeeds?: string; accessibilityNeeds?: string; expiresAt: number };
export type IdempotentResponse = { requestHash: string; status: number; body: unknown };

type Idem = { key: string; response: IdempotentResponse; expiresAt: number };

export type WriteOutcome = 'written' | 'full' | 'seat-free' | 'duplicate-email' | 'duplicate-key';

const HELD: RegistrationStatus[] = ['confirmed', 'pending', 'approved'];
export const holdsSeat = (status: RegistrationStatus) => HELD.includes(status);

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

function failedIndexes(error: unknown): number[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  // A conflict with another transaction is not a verdict on our conditions: let it be retried.
  if (reasons.some((r) => r.Code === 'TransactionConflict')) return undefined;
  return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}

const padSeq = (seq: number) => String(seq).padStart(12, '0');

export function createRegistrationsStore(doc: DocumentClient, tableName: string) {
  const put = (Item: Record<string, unknown>, mustBeNew = true): TransactItem => ({
    Put: {
      TableName: tableName,
      Item,
      ...(mustBeNew
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } }
        : {}),
    },
  });

  function newItems(
    reg: StoredRegistration,
    sensitive: Sensitive | undefined,
    idem: Idem,
    outbox: Record<string, unknown>,
  ): TransactItem[] {
    return [
      put({
        ...regKey(reg.id),
        entity: 'registration',
        GSI1PK: `EVENT#${reg.eventId}#REGS`,
        GSI1SK: `${reg.createdAt}#${reg.id}`,
        ...reg,
      }),
      put({
        ...emailLockKey(reg.eventId, reg.email),
        entity: 'email-lock',
        registrationId: reg.id,
        expiresAt: reg.expiresAt,
      }),
      put({ ...idemKey(reg.eventId, idem.key), entity: 'idempotency', ...idem.response, expiresAt: idem.expiresAt }),
      put(outbox),
      ...(sensitive ? [put({ ...sensitiveKey(reg.id), entity: 'sensitive', ...sensitive })] : []),
    ];
  }

  /** The category counter move that decides between a seat and the waiting list. */
  const counter = (
    reg: StoredRegistration,
    update: string,
    condition: string,
    names: Record<string, string>,
  ): TransactItem => ({
    Update: {
      TableName: tableName,
      Key: categoryKey(reg.eventId, reg.categoryId),
      UpdateExpression: update,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':one': 1 },
    },
  });

  /** The counter move and the new items in one transaction (the counter first: outcomeOf reads index 0). */
  async function writeRegistration(
    move: TransactItem,
    items: TransactItem[],
    counterFailure: WriteOutcome,
  ): Promise<WriteOutcome> {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: [move, ...items] }));
      return 'written';
    } catch (error) {
      return outcomeOf(error, counterFailure);
    }
  }

  function outcomeOf(error: unknown, counterFailure: WriteOutcome): WriteOutcome {
    const failed = failedIndexes(error);
    if (!failed) throw error;
    // A retry of the same request trips the idempotency and email guards together: it is a replay.
    if (failed.includes(3)) return 'duplicate-key';
    if (failed.includes(2)) return 'duplicate-email';
    if (failed.includes(0)) return counterFailure;
    throw error;
  }

  return {
    async getIdempotent(eventId: string, key: string): Promise<IdempotentResponse | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: idemKey(eventId, key), ConsistentRead: true }),
      );
      return Item ? { requestHash: String(Item.requestHash), status: Number(Item.status), body: Item.body } : undefined;
    },

    /** Takes a seat if one is free; the whole registration is written or nothing is. */
    writeWithSeat: (
      reg: StoredRegistration,
      sensitive: Sensitive | undefined,
      idem: Idem,
      outbox: Record<string, unknown>,
    ) =>
      writeRegistration(
        counter(reg, 'SET #taken = #taken + :one', '#taken < #capacity', {
          '#taken': 'taken',
          '#capacity': 'capacity',
        }),
        newItems(reg, sensitive, idem, outbox),
        'full',
      ),

    /** The next waiting-list number of a category (gaps are harmless: order is what counts). */
    async nextWaitSeq(eventId: string, categoryId: string): Promise<number> {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: categoryKey(eventId, categoryId),
          UpdateExpression: 'ADD #seq :one',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#seq': 'waitSeq', '#pk': 'PK' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.waitSeq);
    },

    /** Joins the waiting list, only while every seat is taken (else the caller takes the seat). */
    writeWaiting(
      reg: StoredRegistration,
      seq: number,
      sensitive: Sensitive | undefined,
      idem: Idem,
      outbox: Record<string, unknown>,
    ) {
      const waiting = {
        ...reg,
        GSI2PK: waitKey(reg.eventId, reg.categoryId),
        GSI2SK: padSeq(seq),
        waitSeq: seq,
      } as StoredRegistration;
      return writeRegistration(
        counter(reg, 'ADD #waiting :one', '#taken >= #capacity', {
          '#waiting': 'waiting',
          '#taken': 'taken',
          '#capacity': 'capacity',
        }),
        newItems(waiting, sensitive, idem, outbox),
        'seat-free',
      );
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
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI2PK' },
          ExpressionAttributeValues: { ':pk': waitKey(eventId, categoryId) },
          Limit: 1,
        }),
      );
      return Items?.[0] ? strip<StoredRegistration>(Items[0]) : undefined;
    },

    /** How many wait ahead of a waiting-list number. */
    async waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number> {
      const { Count } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: '#pk = :pk AND #sk < :sk',
          ExpressionAttributeNames: { '#pk': 'GSI2PK', '#sk': 'GSI2SK' },
          ExpressionAttributeValues: { ':pk': waitKey(eventId, categoryId), ':sk': padSeq(seq) },
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
      outbox: Record<string, unknown>[],
    ): Promise<boolean> {
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: regKey(reg.id),
            UpdateExpression: 'SET #status = :to, #updatedAt = :now REMOVE GSI2PK, GSI2SK',
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
            ExpressionAttributeValues: { ':to': to, ':from': reg.status, ':now': now },
          },
        },
      ];
      const category = categoryKey(reg.eventId, reg.categoryId);
      if (!holdsSeat(reg.status)) {
        items.push({
          Update: {
            TableName: tableName,
            Key: category,
            UpdateExpression: 'ADD #waiting :minus',
            ExpressionAttributeNames: { '#waiting': 'waiting' },
            ExpressionAttributeValues: { ':minus': -1 },
          },
        });
      } else if (promote) {
        items.push(
          {
            Update: {
              TableName: tableName,
              Key: regKey(promote.reg.id),
              UpdateExpression: 'SET #status = :to, #updatedAt = :now REMOVE GSI2PK, GSI2SK',
              ConditionExpression: '#status = :waitlisted',
              ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
              ExpressionAttributeValues: { ':to': promote.status, ':waitlisted': 'waitlisted', ':now': now },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: category,
              UpdateExpression: 'ADD #waiting :minus',
              ExpressionAttributeNames: { '#waiting': 'waiting' },
              ExpressionAttributeValues: { ':minus': -1 },
            },
          },
        );
      } else {
        items.push({
          Update: {
            TableName: tableName,
            Key: category,
            UpdateExpression: 'ADD #taken :minus',
            // Nobody may be waiting when a seat is left empty.
            ConditionExpression: 'attribute_not_exists(#waiting) OR #waiting = :zero',
            ExpressionAttributeNames: { '#taken': 'taken', '#waiting': 'waiting' },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          },
        });
      }
      for (const mail of outbox) items.push(put(mail));
      try {
        await doc.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        if (failedIndexes(error)) return false;
        throw error;
      }
    },

    /** Gives a free seat (capacity grew) to a waiting person, in one transaction. */
    async promoteIntoFreeSeat(
      waiter: StoredRegistration,
      status: 'confirmed' | 'pending',
      now: string,
      outbox: Record<string, unknown>,
    ): Promise<'promoted' | 'no-seat' | 'moved'> {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: categoryKey(waiter.eventId, waiter.categoryId),
                  UpdateExpression: 'ADD #taken :one, #waiting :minus',
                  ConditionExpression: '#taken < #capacity',
                  ExpressionAttributeNames: { '#taken': 'taken', '#waiting': 'waiting', '#capacity': 'capacity' },
                  ExpressionAttributeValues: { ':one': 1, ':minus': -1 },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: regKey(waiter.id),
                  UpdateExpression: 'SET #status = :to, #updatedAt = :now REMOVE GSI2PK, GSI2SK',
                  ConditionExpression: '#status = :waitlisted',
                  ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
                  ExpressionAttributeValues: { ':to': status, ':waitlisted': 'waitlisted', ':now': now },
                },
              },
              put(outbox),
            ],
          }),
        );
        return 'promoted';
      } catch (error) {
        const failed = failedIndexes(error);
        if (!failed) throw error;
        return failed.includes(0) ? 'no-seat' : 'moved';
      }
    },

    /** A state change that does not move seats (approve, check-in, edits), guarded by the status read. */
    async update(
      id: string,
      from: RegistrationStatus,
      changes: Record<string, unknown>,
      outbox?: Record<string, unknown>,
    ): Promise<boolean> {
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':from': from };
      const sets = Object.entries(changes).map(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:v${i}`] = v;
        return `#f${i} = :v${i}`;
      });
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: regKey(id),
                  UpdateExpression: `SET ${sets.join(', ')}`,
                  ConditionExpression: '#status = :from',
                  ExpressionAttributeNames: names,
                  ExpressionAttributeValues: values,
                },
              },
              ...(outbox ? [put(outbox)] : []),
            ],
          }),
        );
        return true;
      } catch (error) {
        if (failedIndexes(error)) return false;
        throw error;
      }
    },

    /** Removes the registration, its sensitive data, locks, first response and unsent mail. */
    async erase(reg: StoredRegistration) {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI1PK' },
          ExpressionAttributeValues: { ':pk': `OUTBOXREG#${reg.id}` },
        }),
      );
      for (const item of Items ?? []) {
        await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK } }));
      }
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            regKey(reg.id),
            sensitiveKey(reg.id),
            emailLockKey(reg.eventId, reg.email),
            idemKey(reg.eventId, reg.idempotencyKey),
          ].map((Key) => ({
            Delete: { TableName: tableName, Key },
          })),
        }),
      );
    },

    /** One page of an event's registrations, oldest first, filtered on the server side of the Query. */
    async list(eventId: string, filter: RegistrationFilter, page: { limit: number; cursor?: string }) {
      const conditions: string[] = [];
      const names: Record<string, string> = { '#pk': 'GSI1PK' };
      const values: Record<string, unknown> = { ':pk': `EVENT#${eventId}#REGS` };
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
      const result = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: '#pk = :pk',
          ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Limit: page.limit,
          ExclusiveStartKey: decodeCursor(page.cursor),
        }),
      );
      return {
        items: (result.Items ?? []).map((i) => strip<StoredRegistration>(i)),
        nextCursor: encodeCursor(result.LastEvaluatedKey),
      };
    },

    async putSensitive(id: string, sensitive: Sensitive) {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [put({ ...sensitiveKey(id), entity: 'sensitive', ...sensitive }, false)],
        }),
      );
    },
  };
}

export type RegistrationsStore = ReturnType<typeof createRegistrationsStore>;
