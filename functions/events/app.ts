import { etag } from 'hono/etag';
import { createApp, type EdgeOptions } from '../core/app.ts';
import { getEventRoute, healthRoute, listEventsRoute } from './routes.ts';
import { type EventsDeps, getPublishedEvent, listPublishedEvents } from './use-cases.ts';

export type EventsAppDeps = EventsDeps & { allowedOrigins?: string[]; edge?: EdgeOptions };

export function createEventsApp(deps: EventsAppDeps) {
  const app = createApp({ ...deps.edge, allowedOrigins: deps.allowedOrigins });
  // Public reads carry an ETag so browsers and CloudFront revalidate instead of refetching.
  app.use('/api/events', etag());
  app.use('/api/events/*', etag());

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(listEventsRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listPublishedEvents(deps.store, { limit, cursor });
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(page, 200);
  });

  app.openapi(getEventRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const event = await getPublishedEvent(deps, eventId);
    // Availability is live: shared caches may hold it only briefly.
    // 15 s at the edge and in browsers, then revalidated by ETag (a 304 costs no body).
    c.header('Cache-Control', 'public, max-age=15');
    return c.json(event, 200);
  });

  return app;
}
