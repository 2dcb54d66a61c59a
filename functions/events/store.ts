/**
 * The only code that knows how events and categories sit in the table.
 *   event     PK=EVENT#<eventId>  SK=EVENT                 GSI1PK=EVENTS#published  GSI1SK=<startDate>#<eventId>
 *   category  PK=EVENT#<eventId>  SK=CATEGORY#<categoryId>  (holds the live seat counter `taken`)
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../core/cursor.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { isConditionFailure, stripKeys } from '../core/items.ts';
import { putNew } from '../core/put-new.ts';
import type { Category, Event } from '../core/schemas.ts';

const PUBLISHED = 'EVENTS#published';
const eventPk = (eventId: string) => `EVENT#${eventId}`;

/** The category item holds the seat counters the registrations context maintains. */
export const categoryKey = (eventId: string, categoryId: string) => ({
  PK: eventPk(eventId),
  SK: categorySk(categoryId),
});
const EVENT_SK = 'EVENT';
const categorySk = (categoryId: string) => `CATEGORY#${categoryId}`;

export type StoredCategory = Category & { taken: number; waiting?: number; waitSeq?: number; sortOrder: number };
export type EventRecord = { event: Event; categories: StoredCategory[] };

export function createEventsStore(doc: DocumentClient, tableName: string) {
  return {
    /** Creates an event; an existing id is a conflict, never an overwrite. */
    async createEvent(event: Event) {
      await putNew(
        doc,
        tableName,
        {
          PK: eventPk(event.id),
          SK: EVENT_SK,
          entity: 'event',
          ...(event.status === 'published' ? { GSI1PK: PUBLISHED, GSI1SK: `${event.startDate}#${event.id}` } : {}),
          ...event,
        },
        `Event ${event.id}`,
      );
    },

    async createCategory(eventId: string, category: Category, sortOrder: number) {
      await putNew(
        doc,
        tableName,
        {
          PK: eventPk(eventId),
          SK: categorySk(category.id),
          entity: 'category',
          ...category,
          taken: 0,
          waiting: 0,
          waitSeq: 0,
          sortOrder,
        },
        `Category ${category.id}`,
      );
    },

    /**
     * Changes a category. A new capacity may not fall below the seats taken; growing a full
     * category is followed by promotions from the waiting list (by the caller).
     */
    async updateCategory(
      eventId: string,
      categoryId: string,
      changes: Partial<Omit<Category, 'id'>>,
    ): Promise<StoredCategory> {
      const names: Record<string, string> = { '#pk': 'PK' };
      const values: Record<string, unknown> = {};
      const sets = Object.entries(changes).map(([key, value], i) => {
        names[`#f${i}`] = key;
        values[`:v${i}`] = value;
        return `#f${i} = :v${i}`;
      });
      let condition = 'attribute_exists(#pk)';
      if (changes.capacity !== undefined) {
        names['#taken'] = 'taken';
        values[':capacity'] = changes.capacity;
        condition += ' AND #taken <= :capacity';
      }
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: categoryKey(eventId, categoryId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return stripKeys<StoredCategory>(Attributes ?? {});
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const record = await this.getEventRecord(eventId);
        if (!record?.categories.some((c) => c.id === categoryId))
          throw new NotFoundError(`No category ${categoryId} in ${eventId}.`);
        throw new ConflictError('The capacity cannot be lower than the seats already taken.');
      }
    },

    /** Published events by start date, one page at a time. */
    async listPublishedEvents(options: { limit: number; cursor?: string }) {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI1PK' },
          ExpressionAttributeValues: { ':pk': PUBLISHED },
          Limit: options.limit,
          ExclusiveStartKey: decodeCursor(options.cursor),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => stripKeys<Event>(item)),
        nextCursor: encodeCursor(page.LastEvaluatedKey),
      };
    },

    /** The event item and all its categories in one partition query. */
    async getEventRecord(eventId: string): Promise<EventRecord | undefined> {
      let event: Event | undefined;
      const categories: StoredCategory[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': 'PK' },
            ExpressionAttributeValues: { ':pk': eventPk(eventId) },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          if (item.SK === EVENT_SK) event = stripKeys<Event>(item);
          else if (typeof item.SK === 'string' && item.SK.startsWith('CATEGORY#')) {
            categories.push(stripKeys<StoredCategory>(item));
          }
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      if (!event) return undefined;
      categories.sort((a, b) => a.sortOrder - b.sortOrder);
      return { event, categories };
    },
  };
}

export type EventsStore = ReturnType<typeof createEventsStore>;
