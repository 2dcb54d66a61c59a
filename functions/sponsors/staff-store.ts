/** Booth staff and leads in the table (keys in keys.ts): the sponsor's pass counter, staff items, lead items. */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { NotFoundError, UnavailableError } from '../core/errors.ts';
import { stripKeys as strip } from '../core/items.ts';
import { queryAll, queryPage } from '../core/query.ts';
import { type TransactItem, transact } from '../core/transaction.ts';
import {
  attendeeLeadsPk,
  leadIndexes,
  leadKey,
  passesKey,
  type StoredLead,
  type StoredStaff,
  sponsorLeadsPk,
  staffKey,
  staffOf,
} from './keys.ts';

export function createStaffStore(doc: DocumentClient, tableName: string) {
  return {
    async passesUsed(sponsorId: string): Promise<number> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: passesKey(sponsorId), ConsistentRead: true }),
      );
      return Number(Item?.used ?? 0);
    },

    /** Whether the sponsor's pass counter is where the key builders put it (the local twin's layout check). */
    async hasPassCounter(sponsorId: string): Promise<boolean> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: passesKey(sponsorId) }));
      return Item !== undefined;
    },

    /** One more pass used, only while fewer than `passes` are. */
    takePass(sponsorId: string, passes: number): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: passesKey(sponsorId),
          UpdateExpression: 'SET #entity = :entity ADD #used :one',
          ConditionExpression: 'attribute_not_exists(#used) OR #used < :passes',
          ExpressionAttributeNames: { '#used': 'used', '#entity': 'entity' },
          ExpressionAttributeValues: { ':one': 1, ':passes': passes, ':entity': 'passes' },
        },
      };
    },

    givePassBack(sponsorId: string): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: passesKey(sponsorId),
          UpdateExpression: 'ADD #used :minus',
          ConditionExpression: '#used > :zero',
          ExpressionAttributeNames: { '#used': 'used' },
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        },
      };
    },

    putStaff(staff: StoredStaff): TransactItem {
      return {
        Put: {
          TableName: tableName,
          Item: { ...staffKey(staff.sponsorId, staff.registrationId), entity: 'staff', ...staff },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'PK' },
        },
      };
    },

    removeStaff(sponsorId: string, registrationId: string): TransactItem {
      return {
        Delete: {
          TableName: tableName,
          Key: staffKey(sponsorId, registrationId),
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'PK' },
        },
      };
    },

    /**
     * What takes a person off the sponsor's staff list and gives the pass back, for the
     * transaction that ends their registration: nothing when the sponsor removed them already.
     * The pass is given back only from a counter above zero, so a missing or zero counter
     * never keeps the entry (a person's name and address) from going.
     */
    async releaseParts(sponsorId: string, registrationId: string): Promise<Record<string, TransactItem>> {
      const [staff, passes] = await Promise.all(
        [staffKey(sponsorId, registrationId), passesKey(sponsorId)].map(async (Key) => {
          const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
          return Item;
        }),
      );
      if (!staff) return {};
      return {
        staff: this.removeStaff(sponsorId, registrationId),
        ...(Number(passes?.used ?? 0) > 0 ? { passes: this.givePassBack(sponsorId) } : {}),
      };
    },

    /** The same, on its own: for a registration that ended before (erasure reaches every copy). */
    async releaseStaff(sponsorId: string, registrationId: string): Promise<void> {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const parts = await this.releaseParts(sponsorId, registrationId);
        if (Object.keys(parts).length === 0 || (await transact(doc, parts)).ok) return;
      }
      throw new UnavailableError('The staff list is changing right now; please retry.', 1);
    },

    listStaff(sponsorId: string): Promise<StoredStaff[]> {
      const { PK, skPrefix } = staffOf(sponsorId);
      return queryAll<StoredStaff>(doc, { tableName, pk: PK, skPrefix });
    },

    async getLead(sponsorId: string, leadId: string): Promise<StoredLead | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: leadKey(sponsorId, leadId), ConsistentRead: true }),
      );
      return Item ? strip<StoredLead>(Item) : undefined;
    },

    /** Writes a new lead while `consent` (the attendee's consent check) holds; 'exists' or 'no-consent' otherwise. */
    async putLead(lead: StoredLead, consent: TransactItem): Promise<'written' | 'exists' | 'no-consent'> {
      const outcome = await transact(doc, {
        consent,
        lead: {
          Put: {
            TableName: tableName,
            Item: {
              ...leadKey(lead.sponsorId, lead.leadId),
              entity: 'lead',
              ...leadIndexes(lead.sponsorId, lead.registrationId, lead.capturedAt),
              ...lead,
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'PK' },
          },
        },
      });
      if (outcome.ok) return 'written';
      return outcome.failed.has('consent') ? 'no-consent' : 'exists';
    },

    async updateLead(sponsorId: string, leadId: string, sets: Record<string, unknown>, removes: string[]) {
      const names: Record<string, string> = { '#pk': 'PK' };
      const values: Record<string, unknown> = {};
      const assignments = Object.entries(sets).map(([attribute, value], i) => {
        names[`#f${i}`] = attribute;
        values[`:v${i}`] = value;
        return `#f${i} = :v${i}`;
      });
      const removed = removes.map((attribute, i) => {
        names[`#r${i}`] = attribute;
        return `#r${i}`;
      });
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: leadKey(sponsorId, leadId),
            UpdateExpression: `SET ${assignments.join(', ')}${removed.length ? ` REMOVE ${removed.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return strip<StoredLead>(Attributes ?? {});
      } catch (error) {
        if (isConditionFailure(error)) throw new NotFoundError(`No lead ${leadId}.`);
        throw error;
      }
    },

    leadPage: (sponsorId: string, cursor: string | undefined, limit: number) =>
      queryPage<StoredLead>(doc, { tableName, index: 'GSI1', pk: sponsorLeadsPk(sponsorId), cursor, limit }),

    allLeads: (sponsorId: string) =>
      queryAll<StoredLead>(doc, { tableName, index: 'GSI1', pk: sponsorLeadsPk(sponsorId) }),

    /** Removes every sponsor's lead of an attendee (consent withdrawn, or data erased). */
    async eraseLeadsOf(registrationId: string): Promise<number> {
      const leads = await queryAll<StoredLead>(doc, { tableName, index: 'GSI2', pk: attendeeLeadsPk(registrationId) });
      for (const lead of leads) {
        try {
          await doc.send(
            new DeleteCommand({
              TableName: tableName,
              Key: leadKey(lead.sponsorId, lead.leadId),
              ConditionExpression: 'attribute_exists(#pk)',
              ExpressionAttributeNames: { '#pk': 'PK' },
            }),
          );
        } catch (error) {
          // Already gone (a withdrawal and an erasure at once): nothing left to remove.
          if (!isConditionFailure(error)) throw error;
        }
      }
      return leads.length;
    },
  };
}

export type StaffStore = ReturnType<typeof createStaffStore>;
