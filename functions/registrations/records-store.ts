/**
 * Single registrations and their satellites (needs, locks, codes, first response, unsent
 * mail): reads and writes that never move a seat. Key shapes are in keys.ts.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { UnavailableError } from '../core/errors.ts';
import { stripKeys as strip } from '../core/items.ts';
import { queryAll, queryFilled } from '../core/query.ts';
import { transact } from '../core/transaction.ts';
import { type OutboxMail, outboxKey } from '../mail/outbox.ts';
import {
  categoryKey,
  checkInCodeKey,
  emailLockKey,
  eventRegistrationsPk,
  holdKey,
  idemKey,
  type OutboxItem,
  outboxOfRegistrationPk,
  paymentRefKey,
  regKey,
  type Sensitive,
  type StoredRegistration,
  sensitiveKey,
  starredKey,
} from './keys.ts';
import { MAX_EXTRA_LINKS } from './links.ts';
import type { RegistrationStatus } from './schemas.ts';
import { partsFor } from './transaction-parts.ts';

export type RegistrationFilter = { status?: RegistrationStatus; categoryId?: string; country?: string; q?: string };

export function createRecordsStore(doc: DocumentClient, tableName: string) {
  const { put, remove, change } = partsFor(tableName);
  const getItem = async (Key: Record<string, string>) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }))).Item;

  return {
    async get(id: string): Promise<StoredRegistration | undefined> {
      const item = await getItem(regKey(id));
      return item ? strip<StoredRegistration>(item) : undefined;
    },

    /** The registration holding an address in an event, if any. */
    async registrationIdByEmail(eventId: string, email: string): Promise<string | undefined> {
      return (await getItem(emailLockKey(eventId, email)))?.registrationId as string | undefined;
    },

    /** The registration a check-in code belongs to, if any. */
    async registrationIdByCode(eventId: string, code: string): Promise<string | undefined> {
      return (await getItem(checkInCodeKey(eventId, code)))?.registrationId as string | undefined;
    },

    async getSensitive(id: string): Promise<Omit<Sensitive, 'expiresAt'>> {
      const item = await getItem(sensitiveKey(id));
      return item
        ? {
            dietaryNeeds: item.dietaryNeeds as string | undefined,
            accessibilityNeeds: item.accessibilityNeeds as string | undefined,
          }
        : {};
    },

    async putSensitive(id: string, sensitive: Sensitive) {
      await transact(doc, { sensitive: put({ ...sensitiveKey(id), entity: 'sensitive', ...sensitive }) });
    },

    /** The attendee's starred sessions (the personal agenda), if any were saved. */
    async getStarred(id: string): Promise<{ sessionIds: string[]; updatedAt: string } | undefined> {
      const item = await getItem(starredKey(id));
      return item ? { sessionIds: item.sessionIds as string[], updatedAt: item.updatedAt as string } : undefined;
    },

    /** Replaces the starred sessions; they expire with the registration's personal data. */
    async putStarred(id: string, starred: { sessionIds: string[]; updatedAt: string; expiresAt: number }) {
      await transact(doc, { starred: put({ ...starredKey(id), entity: 'starred', ...starred }) });
    },

    /** The first answer stored under the registration's Idempotency-Key (a copy of what was sent). */
    async firstResponse(reg: StoredRegistration): Promise<unknown> {
      return (await getItem(idemKey(reg.eventId, reg.idempotencyKey)))?.body;
    },

    /** Mail about a registration that has not been sent yet. */
    async unsentMail(id: string): Promise<OutboxMail[]> {
      const mail = await queryAll<OutboxMail & { expiresAt?: number }>(doc, {
        tableName,
        index: 'GSI1',
        pk: outboxOfRegistrationPk(id),
      });
      return mail.map(({ expiresAt: _e, ...m }) => m);
    },

    /** A change that does not move seats (approve, check-in, edits), guarded by the status read. */
    async update(
      id: string,
      from: RegistrationStatus,
      sets: Record<string, unknown>,
      mail?: OutboxItem,
      tokenHash?: string,
    ) {
      const guards = tokenHash ? { appends: { tokenHashes: [tokenHash] } } : {};
      return (
        await transact(doc, { registration: change(id, from, sets, [], undefined, guards), outbox: mail && put(mail) })
      ).ok;
    },

    /** Arrival: set once (never twice), counted on the category in the same transaction. */
    async checkIn(reg: StoredRegistration, at: string) {
      const outcome = await transact(doc, {
        registration: {
          Update: {
            TableName: tableName,
            Key: regKey(reg.id),
            UpdateExpression: 'SET #at = :at, #updated = :at',
            ConditionExpression: '#status = :from AND attribute_not_exists(#at)',
            ExpressionAttributeNames: { '#at': 'checkedInAt', '#updated': 'updatedAt', '#status': 'status' },
            ExpressionAttributeValues: { ':at': at, ':from': reg.status },
          },
        },
        counter: {
          Update: {
            TableName: tableName,
            Key: categoryKey(reg.eventId, reg.categoryId),
            UpdateExpression: 'ADD #checkedIn :one',
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#checkedIn': 'checkedIn', '#pk': 'PK' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      });
      return outcome.ok;
    },

    /**
     * Another valid manage link (hash only), mailed in the same transaction. Links mailed on
     * request keep the newest MAX_EXTRA_LINKS; the list read is the condition, so two
     * requests at once cannot drop each other's link (the loser reads again).
     */
    async addManageToken(reg: StoredRegistration, tokenHash: string, mail: OutboxItem) {
      let current = reg.tokenHashes;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const next = [...(current ?? []).slice(-(MAX_EXTRA_LINKS - 1)), tokenHash];
        const outcome = await transact(doc, {
          registration: {
            Update: {
              TableName: tableName,
              Key: regKey(reg.id),
              UpdateExpression: 'SET #hashes = :next',
              ConditionExpression: current
                ? 'attribute_exists(#pk) AND #hashes = :current'
                : 'attribute_exists(#pk) AND attribute_not_exists(#hashes)',
              ExpressionAttributeNames: { '#hashes': 'tokenHashes', '#pk': 'PK' },
              ExpressionAttributeValues: { ':next': next, ...(current ? { ':current': current } : {}) },
            },
          },
          outbox: put(mail),
        });
        if (outcome.ok) return;
        const again = await this.get(reg.id);
        if (!again) return;
        current = again.tokenHashes;
      }
      throw new UnavailableError('The registration is changing right now; please retry.', 1);
    },

    /**
     * Names the sponsor of booth staff registered before registrations carried it (the one-off
     * move in scripts/staff-key-move.ts); false when the registration is gone (erased).
     */
    async nameSponsor(id: string, sponsorId: string): Promise<boolean> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: regKey(id),
            UpdateExpression: 'SET #sponsor = :sponsor',
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#sponsor': 'sponsorId', '#pk': 'PK' },
            ExpressionAttributeValues: { ':sponsor': sponsorId },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Removes the registration and every copy: needs, locks, code, hold, first response, unsent mail. */
    async erase(reg: StoredRegistration) {
      const unsent = await queryAll<{ id: string }>(doc, {
        tableName,
        index: 'GSI1',
        pk: outboxOfRegistrationPk(reg.id),
      });
      for (const mail of unsent) {
        await doc.send(new DeleteCommand({ TableName: tableName, Key: outboxKey(mail.id) }));
      }
      await transact(doc, {
        registration: remove(regKey(reg.id)),
        sensitive: remove(sensitiveKey(reg.id)),
        starred: remove(starredKey(reg.id)),
        emailLock: remove(emailLockKey(reg.eventId, reg.email)),
        idempotency: remove(idemKey(reg.eventId, reg.idempotencyKey)),
        checkInCode: reg.checkInCode ? remove(checkInCodeKey(reg.eventId, reg.checkInCode)) : undefined,
        hold: reg.heldUntil ? remove(holdKey(reg)) : undefined,
        paymentRef: reg.payment ? remove(paymentRefKey(reg.eventId, reg.payment.reference)) : undefined,
      });
    },

    /**
     * One page of an event's registrations, oldest first, filtered by DynamoDB. A filtered
     * page is filled up to `limit` (reading on within a budget), so a page is never empty
     * while a next cursor is set.
     */
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
      return queryFilled<StoredRegistration>(doc, {
        tableName,
        index: 'GSI1',
        pk: eventRegistrationsPk(eventId),
        ...page,
        ...(conditions.length > 0 ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
      });
    },
  };
}

export type RecordsStore = ReturnType<typeof createRecordsStore>;
