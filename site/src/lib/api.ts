/** Build-time reads of published data from the API named by API_BASE_URL. */
import * as z from 'zod/mini';
import { EventDetail, EventSummary } from './api-types.ts';

function apiBase(): string {
  const base = process.env.API_BASE_URL;
  if (!base) throw new Error('Set API_BASE_URL to the API origin the site is built from (see README).');
  return base.replace(/\/$/, '');
}

export async function getJson<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
  const response = await fetch(`${apiBase()}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return schema.parse(await response.json());
}

let featured: Promise<EventDetail | undefined> | undefined;

/** The event the site is about: FEATURED_EVENT_ID, or the first published one. */
export function getFeaturedEvent(): Promise<EventDetail | undefined> {
  featured ??= (async () => {
    const id =
      process.env.FEATURED_EVENT_ID ??
      (await getJson('/api/events?limit=1', z.object({ items: z.array(EventSummary) }))).items[0]?.id;
    return id ? getJson(`/api/events/${encodeURIComponent(id)}`, EventDetail) : undefined;
  })();
  return featured;
}
