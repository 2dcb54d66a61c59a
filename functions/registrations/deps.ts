/** What every registration use case is given: the clock, the event it belongs to, settings. */
import type { Event } from '../events/schemas.ts';
import type { StoredCategory } from './keys.ts';

export type { EventReader } from '../events/public.ts';

export type CategoryReader = { getCategory(eventId: string, categoryId: string): Promise<StoredCategory | undefined> };

export type Clock = () => Date;

export const DAY_SECONDS = 86_400;

/** The end of an event's last day (UTC), in epoch seconds: the base of every retention. */
export const eventEndSeconds = (event: Pick<Event, 'endDate'>) =>
  Math.floor(Date.parse(`${event.endDate}T23:59:59Z`) / 1000);

export const backoff = (attempt: number, stepMs: number) =>
  new Promise((resolve) => setTimeout(resolve, stepMs * (attempt + 1)));
