/**
 * How events sit in the table (the events context's only keys).
 *   event  PK=EVENT#<eventId>  SK=EVENT  GSI1PK=EVENTS#published  GSI1SK=<startDate>#<eventId>  (published only)
 */
import type { Event } from './schemas.ts';

export const eventKey = (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: 'EVENT' });
export const PUBLISHED_EVENTS_PK = 'EVENTS#published';
export const publishedIndex = (event: Event) =>
  event.status === 'published' ? { GSI1PK: PUBLISHED_EVENTS_PK, GSI1SK: `${event.startDate}#${event.id}` } : {};
