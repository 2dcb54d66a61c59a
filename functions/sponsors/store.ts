/** The only code that knows how sponsors and members sit in the table (keys in keys.ts). */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../core/errors.ts';
import { stripKeys as strip } from '../core/items.ts';
import { putNew } from '../core/put-new.ts';
import { queryAll } from '../core/query.ts';
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
  /**
   * Sets attributes and bumps the version if it still is `expectedVersion` (and the status
   * is `fromStatus`, when given); undefined when that condition failed.
   */
  async function versionedUpdate(
    sponsorId: string,
    expectedVersion: number,
    sets: Record<string, unknown>,
    fromStatus?: string,
  ): Promise<StoredSponsor | undefined> {
    const names: Record<string, string> = { '#pk': 'PK', '#version': 'version' };
    const values: Record<string, unknown> = { ':one': 1, ':expected': expectedVersion };
    const assignments = Object.entries(sets).map(([attribute, value], i) => {
      names[`#f${i}`] = attribute;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    let condition = 'attribute_exists(#pk) AND #version = :expected';
    if (fromStatus) {
      names['#status'] = 'status';
      values[':from'] = fromStatus;
      condition += ' AND #status = :from';
    }
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: sponsorKey(sponsorId),
          UpdateExpression: `SET ${assignments.join(', ')}, #version = #version + :one`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return dropNulls(strip<StoredSponsor>(Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

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
    async updateProfile(sponsorId: string, input: SponsorProfileInput, expectedVersion: number) {
      const { description, contacts, products } = input;
      const sets = { description, website: input.website ?? null, logoUrl: input.logoUrl ?? null, contacts, products };
      const updated = await versionedUpdate(sponsorId, expectedVersion, { ...sets, status: 'draft' });
      if (updated) return updated;
      if (!(await this.getSponsor(sponsorId))) throw new NotFoundError(`No sponsor ${sponsorId}.`);
      throw new StaleVersionError(`Sponsor ${sponsorId} changed since version ${expectedVersion}.`);
    },

    /** Draft to submitted, guarded by the version the member saw. */
    async submitProfile(sponsorId: string, expectedVersion: number): Promise<StoredSponsor> {
      const updated = await versionedUpdate(sponsorId, expectedVersion, { status: 'submitted' }, 'draft');
      if (updated) return updated;
      const current = await this.getSponsor(sponsorId);
      if (!current) throw new NotFoundError(`No sponsor ${sponsorId}.`);
      if (current.version !== expectedVersion) {
        throw new StaleVersionError(`Sponsor ${sponsorId} changed since version ${expectedVersion}.`);
      }
      throw new ConflictError(`Only a draft can be submitted; this profile is ${current.status}.`);
    },

    /** The sponsors a signed-in user may edit. */
    async sponsorIdsOf(sub: string): Promise<string[]> {
      const memberships = await queryAll<{ sponsorId: string }>(doc, {
        tableName,
        index: 'GSI1',
        pk: membershipsPk(sub),
      });
      return memberships.map((m) => m.sponsorId);
    },

    async listMembers(sponsorId: string): Promise<Member[]> {
      const { PK, skPrefix } = membersOf(sponsorId);
      const members = await queryAll<Member & { sponsorId: string }>(doc, { tableName, pk: PK, skPrefix });
      return members.map(({ memberId, email, invitedAt }) => ({ memberId, email, invitedAt }));
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
      const published = await queryAll<StoredSponsor>(doc, {
        tableName,
        index: 'GSI1',
        pk: eventSponsorsPk(eventId),
        filter: {
          expression: '#status = :published',
          names: { '#status': 'status' },
          values: { ':published': 'published' },
        },
      });
      return published.map(dropNulls);
    },
  };
}

function dropNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

export type SponsorsStore = ReturnType<typeof createSponsorsStore>;
