/** The only code that knows how events sit in the table (keys in keys.ts). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../core/dynamo.ts';
import { asBilingual, stripKeys } from '../core/items.ts';
import { putNew } from '../core/put-new.ts';
import { queryPage } from '../core/query.ts';
import { eventKey, PUBLISHED_EVENTS_PK, publishedIndex } from './keys.ts';
import type { Event } from './schemas.ts';

/**
 * An event as the table holds it. Items written before the city became bilingual hold it as
 * one string (the English name); they read as that name in English, with no French form.
 */
function toEvent(item: Record<string, unknown>): Event {
  const event = stripKeys<Event>(item);
  return event.venue ? { ...event, venue: { ...event.venue, city: asBilingual(event.venue.city) } } : event;
}

export function createEventsStore(doc: DocumentClient, tableName: string) {
  return {
    /** Creates an event; an existing id is a conflict, never an overwrite. */
    async createEvent(event: Event) {
      await putNew(
        doc,
        tableName,
        { ...eventKey(event.id), entity: 'event', ...publishedIndex(event), ...event },
        `Event ${event.id}`,
      );
    },

    async getEvent(eventId: string): Promise<Event | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: eventKey(eventId) }));
      return Item ? toEvent(Item) : undefined;
    },

    /** Published events by start date, one page at a time. */
    async listPublishedEvents(options: { limit: number; cursor?: string }) {
      const page = await queryPage<Record<string, unknown>>(doc, {
        tableName,
        index: 'GSI1',
        pk: PUBLISHED_EVENTS_PK,
        ...options,
      });
      return { ...page, items: page.items.map(toEvent) };
    },
  };
}

export type EventsStore = ReturnType<typeof createEventsStore>;
