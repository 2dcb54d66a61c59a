/** Route contracts of the events context: validated by the app, published in the OpenAPI document. */

import * as z from 'zod/mini';
import { createRoute } from '../core/contract.ts';
import { problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { EventDetail, EventSummary, Health } from './schemas.ts';

export const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['platform'],
  summary: 'Liveness check',
  responses: { 200: { description: 'The API answers', content: { 'application/json': { schema: Health } } } },
});

export const listEventsRoute = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Published events, earliest first',
  request: {
    query: z.object({
      limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
      cursor: z.optional(z.string().check(z.maxLength(2048))),
    }),
  },
  responses: {
    200: {
      description: 'One page of published events',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(EventSummary), nextCursor: z.nullable(z.string()) }),
        },
      },
    },
    400: problemResponse('Malformed query'),
  },
});

export const getEventRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}',
  tags: ['events'],
  summary: 'A published event with its categories and live availability',
  request: { params: z.object({ eventId: Id }) },
  responses: {
    200: { description: 'The event', content: { 'application/json': { schema: EventDetail } } },
    400: problemResponse('Malformed event id'),
    404: problemResponse('No such published event'),
  },
});

export const eventsRoutes = [healthRoute, listEventsRoute, getEventRoute];
