/** Route contracts of the events context: validated by the app, published in the OpenAPI document. */

import * as z from 'zod';
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
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(2048).optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page of published events',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(EventSummary), nextCursor: z.string().nullable() }),
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
