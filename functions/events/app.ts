import { etag } from 'hono/etag';
import { createApp } from '../core/app.ts';
import { getEventRoute, healthRoute, listEventsRoute } from './routes.ts';
import type { EventsStore } from './store.ts';
import { getPublishedEvent, listPublishedEvents } from './use-cases.ts';

export type EventsDeps = { store: EventsStore; now?: () => Date; allowedOrigins?: string[] };

export function createEventsApp({ store, now = () => new Date(), allowedOrigins }: EventsDeps) {
  const app = createApp({ allowedOrigins });
  // Public reads carry an ETag so browsers and CloudFront revalidate instead of refetching.
  app.use('/api/events', etag());
  app.use('/api/events/*', etag());

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(listEventsRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listPublishedEvents(store, { limit, cursor });
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(page, 200);
  });

  app.openapi(getEventRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const event = await getPublishedEvent(store, eventId, now());
    // Availability is live: shared caches may hold it only briefly.
    c.header('Cache-Control', 'public, max-age=5');
    return c.json(event, 200);
  });

  return app;
}
