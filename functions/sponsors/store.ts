/** The only code that knows how sponsors and members sit in the table (keys in keys.ts). */
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../core/errors.ts';
import { stripKeys as strip } from '../core/items.ts';
import { putNew } from '../core/put-new.ts';
import { transact } from '../core/transaction.ts';
import {
  eventSponsorsIndex,
  eventSponsorsPk,
  memberKey,
  membershipIndex,
  membershipsPk,
  membersOf,
  type StoredSponsor,
  sponsorKey,
} from './keys.ts';
import type { Member, Sponsor, SponsorProfileInput } from './schemas.ts';

export type { StoredSponsor };

export function createSponsorsStore(doc: DocumentClient, tableName: string) {
  return {
    createSponsor: (eventId: string, sponsor: Sponsor) =>
      putNew(
        doc,
        tableName,
        {
          ...sponsorKey(sponsor.id),
          entity: 'sponsor',
          ...eventSponsorsIndex(eventId, sponsor),
          eventId,
          ...sponsor,
        },
        `Sponsor ${sponsor.id}`,
      ),

    async getSponsor(sponsorId: string): Promise<StoredSponsor | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: sponsorKey(sponsorId), ConsistentRead: true }),
      );
      return Item ? strip<StoredSponsor>(Item) : undefined;
    },

    /** Replaces the editable part if the version still matches; the profile returns to draft. */
    async updateProfile(
      sponsorId: string,
      input: SponsorProfileInput,
      expectedVersion: number,
    ): Promise<StoredSponsor> {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sponsorKey(sponsorId),
            UpdateExpression:
              'SET #description = :description, #website = :website, #logoUrl = :logoUrl, #contacts = :contacts, #products = :products, #status = :draft, #version = #version + :one',
            ConditionExpression: 'attribute_exists(#pk) AND #version = :expected',
            ExpressionAttributeNames: {
              '#pk': 'PK',
              '#description': 'description',
              '#website': 'website',
              '#logoUrl': 'logoUrl',
              '#contacts': 'contacts',
              '#products': 'products',
              '#status': 'status',
              '#version': 'version',
            },
            ExpressionAttributeValues: {
              ':description': input.description,
              ':website': input.website ?? null,
              ':logoUrl': input.logoUrl ?? null,
              ':contacts': input.contacts,
              ':products': input.products,
              ':draft': 'draft',
              ':one': 1,
              ':expected': expectedVersion,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return dropNulls(strip<StoredSponsor>(Attributes ?? {}));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (!(await this.getSponsor(sponsorId))) throw new NotFoundError(`No sponsor ${sponsorId}.`);
        throw new StaleVersionError(`Sponsor ${sponsorId} changed since version ${expectedVersion}.`);
      }
    },

    /** Draft to submitted, guarded by the version the member saw. */
    async submitProfile(sponsorId: string, expectedVersion: number): Promise<StoredSponsor> {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sponsorKey(sponsorId),
            UpdateExpression: 'SET #status = :submitted, #version = #version + :one',
            ConditionExpression: 'attribute_exists(#pk) AND #version = :expected AND #status = :draft',
            ExpressionAttributeNames: { '#pk': 'PK', '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':submitted': 'submitted',
              ':draft': 'draft',
              ':one': 1,
              ':expected': expectedVersion,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return dropNulls(strip<StoredSponsor>(Attributes ?? {}));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const current = await this.getSponsor(sponsorId);
        if (!current) throw new NotFoundError(`No sponsor ${sponsorId}.`);
        if (current.version !== expectedVersion)
          throw new StaleVersionError(`Sponsor ${sponsorId} changed since version ${expectedVersion}.`);
        throw new ConflictError(`Only a draft can be submitted; this profile is ${current.status}.`);
      }
    },

    /** The sponsors a signed-in user may edit. */
    async sponsorIdsOf(sub: string): Promise<string[]> {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI1PK' },
          ExpressionAttributeValues: { ':pk': membershipsPk(sub) },
        }),
      );
      return (Items ?? []).map((item) => String(item.sponsorId));
    },

    async listMembers(sponsorId: string): Promise<Member[]> {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :member)',
          ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
          ExpressionAttributeValues: { ':pk': membersOf(sponsorId).PK, ':member': membersOf(sponsorId).skPrefix },
        }),
      );
      return (Items ?? []).map((item) => ({
        memberId: String(item.memberId),
        email: String(item.email),
        invitedAt: String(item.invitedAt),
      }));
    },

    /** Adds a member and queues the invitation mail, when there is one, in one transaction. */
    async addMember(sponsorId: string, member: Member, outbox?: Record<string, unknown>) {
      const mustBeNew = { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } };
      const outcome = await transact(doc, {
        sponsor: {
          ConditionCheck: {
            TableName: tableName,
            Key: sponsorKey(sponsorId),
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'PK' },
          },
        },
        member: {
          Put: {
            TableName: tableName,
            Item: {
              ...memberKey(sponsorId, member.memberId),
              entity: 'member',
              ...membershipIndex(sponsorId, member),
              sponsorId,
              ...member,
            },
            ...mustBeNew,
          },
        },
        outbox: outbox && { Put: { TableName: tableName, Item: outbox, ...mustBeNew } },
      });
      if (outcome.ok) return;
      if (outcome.failed.has('sponsor')) throw new NotFoundError(`No sponsor ${sponsorId}.`);
      throw new ConflictError(`${member.email} is already a member of ${sponsorId}.`);
    },

    async removeMember(sponsorId: string, memberId: string) {
      try {
        await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: memberKey(sponsorId, memberId),
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'PK' },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new NotFoundError(`${memberId} is not a member of ${sponsorId}.`);
        throw error;
      }
    },

    /** Published profiles of an event, by tier. */
    async listPublished(eventId: string): Promise<StoredSponsor[]> {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: '#pk = :pk',
          FilterExpression: '#status = :published',
          ExpressionAttributeNames: { '#pk': 'GSI1PK', '#status': 'status' },
          ExpressionAttributeValues: { ':pk': eventSponsorsPk(eventId), ':published': 'published' },
        }),
      );
      return (Items ?? []).map((item) => dropNulls(strip<StoredSponsor>(item)));
    },
  };
}

function dropNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

export type SponsorsStore = ReturnType<typeof createSponsorsStore>;
