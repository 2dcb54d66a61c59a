/** The only code that knows how sponsors, tiers and members sit in the table (keys in keys.ts). */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../core/errors.ts';
import { stripKeys as strip } from '../core/items.ts';
import { queryAll } from '../core/query.ts';
import { type TransactItem, transact } from '../core/transaction.ts';
import {
  eventSponsorsIndex,
  eventSponsorsPk,
  memberKey,
  membershipIndex,
  membershipsPk,
  membersOf,
  passesKey,
  type StoredSponsor,
  type StoredTiers,
  sponsorKey,
  tiersKey,
} from './keys.ts';
import type { Member, Tier } from './schemas.ts';

export type { StoredSponsor };

/** Items written beside a change, in the same transaction (site-rebuild request, outbox mail). */
export type SideItems = Record<string, unknown>[];

const mustBeNew = { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } };

export function createSponsorsStore(doc: DocumentClient, tableName: string) {
  const put = (Item: Record<string, unknown>): TransactItem => ({ Put: { TableName: tableName, Item } });

  /** SET (and REMOVE) on the sponsor item, guarded by its version (and state, when given); the version moves on by one when `bump`. */
  function sponsorUpdate(
    sponsorId: string,
    guard: { version?: number; states?: string[] },
    sets: Record<string, unknown>,
    removes: string[] = [],
    bump = true,
  ): TransactItem {
    const names: Record<string, string> = { '#pk': 'PK' };
    const values: Record<string, unknown> = {};
    if (bump || guard.version !== undefined) names['#version'] = 'version';
    const assignments = Object.entries(sets).map(([attribute, value], i) => {
      names[`#f${i}`] = attribute;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    if (bump) {
      assignments.push('#version = #version + :one');
      values[':one'] = 1;
    }
    const removed = removes.map((attribute, i) => {
      names[`#r${i}`] = attribute;
      return `#r${i}`;
    });
    const conditions = ['attribute_exists(#pk)'];
    if (guard.version !== undefined) {
      values[':expected'] = guard.version;
      conditions.push('#version = :expected');
    }
    if (guard.states) {
      names['#state'] = 'state';
      const placeholders = guard.states.map((state, i) => {
        values[`:s${i}`] = state;
        return `:s${i}`;
      });
      conditions.push(`#state IN (${placeholders.join(', ')})`);
    }
    return {
      Update: {
        TableName: tableName,
        Key: sponsorKey(sponsorId),
        UpdateExpression: `SET ${assignments.join(', ')}${removed.length ? ` REMOVE ${removed.join(', ')}` : ''}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      },
    };
  }

  async function getSponsor(sponsorId: string): Promise<StoredSponsor | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: sponsorKey(sponsorId), ConsistentRead: true }),
    );
    return Item ? strip<StoredSponsor>(Item) : undefined;
  }

  return {
    getSponsor,

    /** A new sponsor with its (empty) pass counter. */
    async createSponsor(sponsor: StoredSponsor) {
      const outcome = await transact(doc, {
        sponsor: {
          Put: {
            TableName: tableName,
            Item: {
              ...sponsorKey(sponsor.id),
              entity: 'sponsor',
              ...eventSponsorsIndex(sponsor.eventId, sponsor),
              ...sponsor,
            },
            ...mustBeNew,
          },
        },
        passes: { Put: { TableName: tableName, Item: { ...passesKey(sponsor.id), entity: 'passes', used: 0 } } },
      });
      if (!outcome.ok) throw new ConflictError(`Sponsor ${sponsor.id} already exists.`);
    },

    /**
     * Changes the sponsor item if the guard holds, with the side items in the same transaction.
     * Throws 404 when the sponsor is gone, 412 when the version moved, 409 when the state did.
     */
    async changeSponsor(
      current: StoredSponsor,
      guard: { version?: number; states?: string[] },
      change: { sets: Record<string, unknown>; removes?: string[]; bump?: boolean; index?: boolean },
      side: SideItems = [],
    ) {
      const sets = change.index
        ? { ...change.sets, ...eventSponsorsIndex(current.eventId, { id: current.id, name: String(change.sets.name) }) }
        : change.sets;
      const parts: [string, TransactItem][] = [
        ['sponsor', sponsorUpdate(current.id, guard, sets, change.removes, change.bump ?? true)],
        ...side.map((item, i): [string, TransactItem] => [`side${i}`, put(item)]),
      ];
      const outcome = await transact(doc, parts);
      if (outcome.ok) return;
      const now = await getSponsor(current.id);
      if (!now) throw new NotFoundError(`No sponsor ${current.id}.`);
      if (guard.version !== undefined && now.version !== guard.version) {
        throw new StaleVersionError(`Sponsor ${current.id} changed since version ${guard.version}.`);
      }
      throw new ConflictError(`The profile is ${now.state} now; reload it.`);
    },

    /** Every sponsor of an event (organisers' fields, draft and live version), by name. */
    listSponsors: (eventId: string) =>
      queryAll<StoredSponsor>(doc, { tableName, index: 'GSI1', pk: eventSponsorsPk(eventId) }),

    /** Sponsors of an event whose live version is public. */
    listPublished: (eventId: string) =>
      queryAll<StoredSponsor>(doc, {
        tableName,
        index: 'GSI1',
        pk: eventSponsorsPk(eventId),
        filter: { expression: '#published = :yes', names: { '#published': 'published' }, values: { ':yes': true } },
      }),

    async getTiers(eventId: string): Promise<StoredTiers> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: tiersKey(eventId), ConsistentRead: true }),
      );
      return Item ? { items: Item.items as Tier[], version: Number(Item.version) } : { items: [], version: 0 };
    },

    /** Replaces the tiers if they are still at `expectedVersion` (0: none yet). */
    async putTiers(eventId: string, items: Tier[], expectedVersion: number): Promise<StoredTiers> {
      const version = expectedVersion + 1;
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...tiersKey(eventId), entity: 'tiers', eventId, items, version },
            ConditionExpression:
              expectedVersion === 0 ? 'attribute_not_exists(#pk)' : 'attribute_exists(#pk) AND #version = :expected',
            ExpressionAttributeNames: { '#pk': 'PK', ...(expectedVersion === 0 ? {} : { '#version': 'version' }) },
            ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
          }),
        );
        return { items, version };
      } catch (error) {
        if (isConditionFailure(error)) {
          throw new StaleVersionError(`The tiers of ${eventId} changed since version ${expectedVersion}.`);
        }
        throw error;
      }
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
  };
}

export type SponsorsStore = ReturnType<typeof createSponsorsStore>;
