/** The only code that knows how the agenda sits in the table (keys in keys.ts). */
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError, StaleVersionError, UnprocessableError } from '../core/errors.ts';
import { stripKeys } from '../core/items.ts';
import { queryAll } from '../core/query.ts';
import { type SiteRebuildRequest, siteRebuildItem } from '../core/site-rebuild.ts';
import { type TransactItem, transact } from '../core/transaction.ts';
import {
  chunkKey,
  chunkPrefix,
  draftPk,
  type EntityKind,
  type EntityOf,
  entityKey,
  kindOfSortKey,
  type PublishedPointer,
  publishedPointerKey,
  VERSION_PREFIX,
  versionKey,
  versionsPk,
} from './keys.ts';
import type { AgendaVersion, Room, Session, Speaker, Track } from './schemas.ts';
import { speakerAsRead } from './stored-speaker.ts';

export type Draft = {
  rooms: Room[];
  tracks: Track[];
  speakers: Speaker[];
  sessions: Session[];
  published: PublishedPointer | undefined;
};

/** What a session refers to, checked inside the write so a reference never dangles at write time. */
export type References = { roomId?: string; trackId?: string; speakerIds?: string[] };

export type PublishWrite = {
  eventId: string;
  previousVersion: number | undefined;
  head: AgendaVersion & { chunks: number };
  chunks: Uint8Array[];
  rebuild: SiteRebuildRequest;
  rebuildExpiresAt: number;
};

const LABEL: Record<EntityKind, string> = { room: 'Room', track: 'Track', speaker: 'Speaker', session: 'Session' };

/** An entity as the table holds it, a speaker in today's shape (stored-speaker.ts). */
function fromItem<T>(kind: EntityKind, item: Record<string, unknown>): T {
  const entity = stripKeys<Record<string, unknown>>(item);
  return (kind === 'speaker' ? speakerAsRead(entity) : entity) as T;
}

export function createAgendaStore(doc: DocumentClient, tableName: string) {
  const exists = (kind: EntityKind, eventId: string, id: string): TransactItem => ({
    ConditionCheck: {
      TableName: tableName,
      Key: entityKey(kind, eventId, id),
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeNames: { '#pk': 'PK' },
    },
  });

  async function getItem(key: { PK: string; SK: string }) {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
    return Item;
  }

  async function getEntity<K extends EntityKind>(kind: K, eventId: string, id: string) {
    const item = await getItem(entityKey(kind, eventId, id));
    return item ? fromItem<EntityOf[K]>(kind, item) : undefined;
  }

  /** Why a guarded write failed: the entity is gone, or its version moved on. */
  async function versionFailure(kind: EntityKind, eventId: string, id: string, expected: number | undefined) {
    const current = await getEntity(kind, eventId, id);
    if (expected === undefined) return new ConflictError(`${LABEL[kind]} ${id} already exists.`);
    if (!current) return new NotFoundError(`No ${kind} ${id} in the agenda of ${eventId}.`);
    return new StaleVersionError(
      `${LABEL[kind]} ${id} changed since version ${expected}: it is at version ${current.version}.`,
    );
  }

  return {
    getEntity,

    /** The whole draft of an event: one Query over its partition, paged by DynamoDB's 1 MB. */
    async loadDraft(eventId: string): Promise<Draft> {
      const draft: Draft = { rooms: [], tracks: [], speakers: [], sessions: [], published: undefined };
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': 'PK' },
            ExpressionAttributeValues: { ':pk': draftPk(eventId) },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const kind = kindOfSortKey(String(item.SK));
          if (kind) (draft[`${kind}s`] as unknown[]).push(fromItem(kind, item));
          else if (item.SK === 'PUBLISHED') draft.published = stripKeys<PublishedPointer>(item);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return draft;
    },

    /**
     * Creates (expectedVersion undefined; the id must be free) or replaces an entity whose
     * version is still `expectedVersion`, and checks in the same transaction that what it
     * refers to exists. A missing reference is a 422 naming it.
     */
    async putEntity<K extends EntityKind>(
      kind: K,
      eventId: string,
      entity: EntityOf[K],
      expectedVersion: number | undefined,
      refs: References = {},
    ) {
      const guard: {
        ConditionExpression: string;
        ExpressionAttributeNames: Record<string, string>;
        ExpressionAttributeValues?: Record<string, unknown>;
      } =
        expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } }
          : {
              ConditionExpression: 'attribute_exists(#pk) AND #version = :expected',
              ExpressionAttributeNames: { '#pk': 'PK', '#version': 'version' },
              ExpressionAttributeValues: { ':expected': expectedVersion },
            };
      const parts: [string, TransactItem][] = [
        [
          'entity',
          {
            Put: {
              TableName: tableName,
              Item: { ...entityKey(kind, eventId, entity.id), entity: `agenda-${kind}`, ...entity },
              ...guard,
            },
          },
        ],
      ];
      if (refs.roomId) parts.push([`room ${refs.roomId}`, exists('room', eventId, refs.roomId)]);
      if (refs.trackId) parts.push([`track ${refs.trackId}`, exists('track', eventId, refs.trackId)]);
      for (const id of refs.speakerIds ?? []) parts.push([`speaker ${id}`, exists('speaker', eventId, id)]);
      const outcome = await transact(doc, parts);
      if (outcome.ok) return;
      if (outcome.failed.has('entity')) throw await versionFailure(kind, eventId, entity.id, expectedVersion);
      const missing = [...outcome.failed].map((name) => {
        const [ref, id] = name.split(' ');
        return {
          path: ref === 'room' ? 'roomId' : ref === 'track' ? 'trackId' : 'speakerIds',
          message: `No ${ref} ${id}`,
        };
      });
      throw new UnprocessableError('The session refers to something that is not in the agenda.', missing);
    },

    /** Deletes an entity whose version is still `expectedVersion`. */
    async deleteEntity(kind: EntityKind, eventId: string, id: string, expectedVersion: number) {
      try {
        await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: entityKey(kind, eventId, id),
            ConditionExpression: 'attribute_exists(#pk) AND #version = :expected',
            ExpressionAttributeNames: { '#pk': 'PK', '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw await versionFailure(kind, eventId, id, expectedVersion);
        throw error;
      }
    },

    async publishedPointer(eventId: string): Promise<PublishedPointer | undefined> {
      const item = await getItem(publishedPointerKey(eventId));
      return item ? stripKeys<PublishedPointer>(item) : undefined;
    },

    /** The gzipped chunks of a published version, in order. */
    async versionChunks(eventId: string, version: number): Promise<Uint8Array[]> {
      const items = await queryAll<{ data: Uint8Array }>(doc, {
        tableName,
        pk: versionsPk(eventId),
        skPrefix: chunkPrefix(version),
      });
      return items.map((item) => item.data);
    },

    /** Every published version's head (changelog, counts), oldest first. */
    listVersions: (eventId: string) =>
      queryAll<AgendaVersion & { chunks: number }>(doc, {
        tableName,
        pk: versionsPk(eventId),
        skPrefix: VERSION_PREFIX,
      }),

    /**
     * Writes a new published version in one transaction: its head and chunks (never
     * overwritten), the pointer to it (only if it still names the previous version, so two
     * publishes at once make one version, not two with the same number) and the site-rebuild
     * request. Answers false when another publish got there first.
     */
    async publish(w: PublishWrite): Promise<boolean> {
      const version = w.head.version;
      const putNew = (Item: Record<string, unknown>): TransactItem => ({
        Put: {
          TableName: tableName,
          Item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'PK' },
        },
      });
      const pointer: TransactItem = {
        Put: {
          TableName: tableName,
          Item: {
            ...publishedPointerKey(w.eventId),
            entity: 'agenda-published',
            version,
            publishedAt: w.head.publishedAt,
          },
          ...(w.previousVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } }
            : {
                ConditionExpression: '#version = :previous',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':previous': w.previousVersion },
              }),
        },
      };
      const parts: [string, TransactItem][] = [
        ['pointer', pointer],
        ['head', putNew({ ...versionKey(w.eventId, version), entity: 'agenda-version', ...w.head })],
        ...w.chunks.map((data, i): [string, TransactItem] => [
          `chunk ${i}`,
          putNew({ ...chunkKey(w.eventId, version, i), entity: 'agenda-chunk', data }),
        ]),
        ['rebuild', putNew(siteRebuildItem(w.rebuild, w.rebuildExpiresAt))],
      ];
      const outcome = await transact(doc, parts);
      return outcome.ok;
    },
  };
}

export type AgendaStore = ReturnType<typeof createAgendaStore>;
