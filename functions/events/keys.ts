/**
 * How events sit in the table (the events context's only keys).
 *   event  PK=EVENT#<eventId>  SK=EVENT  GSI1PK=EVENTS#published  GSI1SK=<startDate>#<eventId>  (published only)
 *
 * EVENT# begins the event item's key and no other: what belongs to an event but to another
 * context (its categories, registrations, sponsors) is keyed under that context's own prefix,
 * because IAM grants match partition keys by prefix (`EVENT#*` would cover them all).
 */
import type { Event } from './schemas.ts';

export const eventKey = (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: 'EVENT' });
export const PUBLISHED_EVENTS_PK = 'EVENTS#published';
export const publishedIndex = (event: Event) =>
  event.status === 'published' ? { GSI1PK: PUBLISHED_EVENTS_PK, GSI1SK: `${event.startDate}#${event.id}` } : {};
