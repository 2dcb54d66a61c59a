/**
 * Single registrations and their satellites (needs, locks, codes, first response, unsent
 * mail): reads and writes that never move a seat. Key shapes are in keys.ts.
 */
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../core/dynamo.ts';
import { stripKeys as strip } from '../core/items.ts';
import { queryAll, queryFilled } from '../core/query.ts';
import { transact } from '../core/transaction.ts';
import { type OutboxMail, outboxKey } from '../mail/outbox.ts';
import {
  checkInCodeKey,
  emailLockKey,
  eventRegistrationsPk,
  holdKey,
  idemKey,
  type OutboxItem,
  outboxOfRegistrationPk,
  regKey,
  type Sensitive,
  type StoredRegistration,
  sensitiveKey,
  starredKey,
} from './keys.ts';
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
    async update(id: string, from: RegistrationStatus, sets: Record<string, unknown>, mail?: OutboxItem) {
      return (await transact(doc, { registration: change(id, from, sets), outbox: mail && put(mail) })).ok;
    },

    /** Another valid manage link (hash only), mailed in the same transaction. */
    async addManageToken(id: string, tokenHash: string, mail: OutboxItem) {
      await transact(doc, {
        registration: {
          Update: {
            TableName: tableName,
            Key: regKey(id),
            UpdateExpression: 'SET #hashes = list_append(if_not_exists(#hashes, :none), :hash)',
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#hashes': 'tokenHashes', '#pk': 'PK' },
            ExpressionAttributeValues: { ':none': [], ':hash': [tokenHash] },
          },
        },
        outbox: put(mail),
      });
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
