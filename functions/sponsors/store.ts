/** The only code that knows how sponsors, tiers and members sit in the table (keys in keys.ts). */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import {
  ConflictError,
  NotFoundError,
  StaleVersionError,
  UnavailableError,
  UnprocessableError,
} from '../core/errors.ts';
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

/**
 * The tiers item counts the sponsors holding each tier (`held`, one entry per tier). Every
 * write that gives a sponsor a tier moves the count in the same transaction, on condition
 * that the tier is still there, and replacing the tiers removes only tiers counted at zero: a
 * tier can never go while a sponsor holds it, whatever the timing (the sponsors' index, read
 * eventually, only names them).
 */
/** A stage deployed before the counts: scripts/count-tier-holders.ts counts them once. */
const notCounted = (eventId: string) =>
  new UnavailableError(
    `The sponsor tiers of ${eventId} wait for a one-off count of their sponsors (scripts/count-tier-holders.ts).`,
    300,
  );

const unknownTier = () =>
  new UnprocessableError("Choose one of the event's sponsor tiers.", [{ path: 'tier', message: 'Unknown tier' }]);

export class TiersHeldError extends Error {
  readonly held: Record<string, number>;
  constructor(held: Record<string, number>) {
    super(`Sponsors still hold ${Object.keys(held).join(', ')}.`);
    this.held = held;
  }
}

export function createSponsorsStore(doc: DocumentClient, tableName: string) {
  const put = (Item: Record<string, unknown>): TransactItem => ({ Put: { TableName: tableName, Item } });

  /** Counts a sponsor into tier `to` (and out of `from`), on condition that `to` is a tier. */
  function holdTier(eventId: string, to: string, from?: string): TransactItem {
    return {
      Update: {
        TableName: tableName,
        Key: tiersKey(eventId),
        UpdateExpression: from
          ? 'SET #held.#to = #held.#to + :one, #held.#from = #held.#from - :one'
          : 'SET #held.#to = #held.#to + :one',
        // A count never goes below zero, whatever wrote the sponsor's tier.
        ConditionExpression: from
          ? 'attribute_exists(#held.#to) AND #held.#from >= :one'
          : 'attribute_exists(#held.#to)',
        ExpressionAttributeNames: { '#held': 'held', '#to': to, ...(from ? { '#from': from } : {}) },
        ExpressionAttributeValues: { ':one': 1 },
      },
    };
  }

  /** SET (and REMOVE) on the sponsor item, guarded by its version (and state, when given); the version moves on by one when `bump`. */
  function sponsorUpdate(
    sponsorId: string,
    guard: { version?: number; states?: string[]; tier?: string },
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
    if (guard.tier !== undefined) {
      names['#tier'] = 'tier';
      values[':tier'] = guard.tier;
      conditions.push('#tier = :tier');
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

  /** The tiers item; `held` is absent on items written before tiers counted their sponsors. */
  async function getTiersItem(eventId: string): Promise<(StoredTiers & { held?: Record<string, number> }) | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: tiersKey(eventId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const held = Item.held as Record<string, number> | undefined;
    return { items: Item.items as Tier[], version: Number(Item.version), ...(held ? { held } : {}) };
  }

  /** Why a tier count refused: the tier is gone, or the stage still needs its one-off count. */
  async function tierRefusal(eventId: string): Promise<Error> {
    const item = await getTiersItem(eventId);
    return item && !item.held ? notCounted(eventId) : unknownTier();
  }

  return {
    getSponsor,

    /** A new sponsor with its (empty) pass counter, counted into its tier. */
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
        tier: holdTier(sponsor.eventId, sponsor.tier),
      });
      if (outcome.ok) return;
      if (outcome.failed.has('tier')) throw await tierRefusal(sponsor.eventId);
      throw new ConflictError(`Sponsor ${sponsor.id} already exists.`);
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
      // Writing a tier, even the same one, is guarded on the tier the sponsor still holds: a
      // write from a stale read would otherwise put it back where the counts no longer have it.
      // A new tier moves the counts too.
      const writesTier = typeof sets.tier === 'string';
      const newTier = writesTier && sets.tier !== current.tier ? String(sets.tier) : undefined;
      const parts: [string, TransactItem][] = [
        [
          'sponsor',
          sponsorUpdate(
            current.id,
            { ...guard, ...(writesTier ? { tier: current.tier } : {}) },
            sets,
            change.removes,
            change.bump ?? true,
          ),
        ],
        ...(newTier ? [['tier', holdTier(current.eventId, newTier, current.tier)] as [string, TransactItem]] : []),
        ...side.map((item, i): [string, TransactItem] => [`side${i}`, put(item)]),
      ];
      const outcome = await transact(doc, parts);
      if (outcome.ok) return;
      if (outcome.failed.has('tier')) throw await tierRefusal(current.eventId);
      const now = await getSponsor(current.id);
      if (!now) throw new NotFoundError(`No sponsor ${current.id}.`);
      if (writesTier && now.tier !== current.tier) {
        throw new StaleVersionError(`Sponsor ${current.id} moved to tier ${now.tier} meanwhile; reload it.`);
      }
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
      const item = await getTiersItem(eventId);
      return item ? { items: item.items, version: item.version } : { items: [], version: 0 };
    },

    /**
     * Replaces the tiers if they are still at `expectedVersion` (0: none yet). A tier left out
     * goes only while no sponsor holds it (TiersHeldError, with the counts); a kept tier keeps
     * its count, and a new one starts at zero.
     */
    async putTiers(eventId: string, items: Tier[], expectedVersion: number): Promise<StoredTiers> {
      const stale = () => new StaleVersionError(`The tiers of ${eventId} changed since version ${expectedVersion}.`);
      const version = expectedVersion + 1;
      if (expectedVersion === 0) {
        const held = Object.fromEntries(items.map((t) => [t.id, 0]));
        try {
          await doc.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...tiersKey(eventId), entity: 'tiers', eventId, items, held, version },
              ...mustBeNew,
            }),
          );
          return { items, version };
        } catch (error) {
          if (isConditionFailure(error)) throw stale();
          throw error;
        }
      }
      const found = await getTiersItem(eventId);
      if (!found || found.version !== expectedVersion) throw stale();
      if (!found.held) throw notCounted(eventId);
      const current = { ...found, held: found.held };
      const kept = new Set(items.map((t) => t.id));
      const removed = Object.keys(current.held).filter((id) => !kept.has(id));
      const added = items.filter((t) => !Object.hasOwn(current.held, t.id)).map((t) => t.id);
      const names: Record<string, string> = { '#items': 'items', '#version': 'version' };
      if (added.length + removed.length > 0) names['#held'] = 'held';
      const values: Record<string, unknown> = { ':items': items, ':expected': expectedVersion, ':one': 1 };
      if (added.length + removed.length > 0) values[':zero'] = 0;
      const sets = ['#items = :items', '#version = #version + :one'];
      for (const [i, id] of added.entries()) {
        names[`#a${i}`] = id;
        sets.push(`#held.#a${i} = :zero`);
      }
      const conditions = ['#version = :expected'];
      for (const [i, id] of removed.entries()) {
        names[`#r${i}`] = id;
        conditions.push(`#held.#r${i} = :zero`);
      }
      const remove = removed.map((_, i) => `#held.#r${i}`);
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: tiersKey(eventId),
            UpdateExpression: `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return { items, version };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const now = await getTiersItem(eventId);
        if (!now || now.version !== expectedVersion) throw stale();
        const counts = now.held ?? {};
        const held = Object.fromEntries(removed.map((id) => [id, counts[id] ?? 0]).filter(([, n]) => Number(n) > 0));
        // Emptied between the update and this read: the organiser's next try goes through.
        if (Object.keys(held).length === 0) throw stale();
        throw new TiersHeldError(held);
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
