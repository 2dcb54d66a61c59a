/** Route contracts of the draft, publishing, versions and the public agenda. */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { AgendaDraft, AgendaVersionList, PublishedAgenda, PublishResult } from './schemas.ts';

const params = z.object({ eventId: Id });
const organisers = { security: bearerAuth, middleware: requireRoleFirst('organiser') };

export const draftRoute = createRoute({
  ...organisers,
  method: 'get',
  path: '/api/events/{eventId}/agenda/draft',
  tags: ['agenda'],
  summary: 'The draft agenda with its conflicts and what publishing would change (organisers)',
  request: { params },
  responses: { 200: json(AgendaDraft, 'The draft'), ...authProblems, 404: problemResponse('No such event') },
});

export const publishRoute = createRoute({
  ...organisers,
  method: 'post',
  path: '/api/events/{eventId}/agenda/publish',
  tags: ['agenda'],
  summary: 'Publish the draft as a new numbered version (organisers)',
  request: { params },
  responses: {
    201: json(PublishResult, 'The new version and its changelog'),
    ...authProblems,
    404: problemResponse('No such event'),
    409: problemResponse('Room or speaker overlaps remain; `errors` lists each'),
    503: problemResponse('Another publish is under way'),
  },
});

export const versionsRoute = createRoute({
  ...organisers,
  method: 'get',
  path: '/api/events/{eventId}/agenda/versions',
  tags: ['agenda'],
  summary: 'Every published version with its changelog, newest first (organisers)',
  request: { params },
  responses: { 200: json(AgendaVersionList, 'The versions'), ...authProblems, 404: problemResponse('No such event') },
});

export const publicAgendaRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/agenda',
  tags: ['agenda'],
  summary: 'The latest published agenda (strong ETag; 304 on If-None-Match)',
  request: { params },
  responses: {
    200: json(PublishedAgenda, 'The published agenda'),
    304: { description: 'Not modified' },
    400: problemResponse('Malformed event id'),
    404: problemResponse('No agenda published for this event'),
  },
});

export const agendaRoutes = [draftRoute, publishRoute, versionsRoute, publicAgendaRoute];
