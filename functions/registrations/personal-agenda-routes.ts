/** Route contracts of the attendee's personal agenda (manage token). */

import * as z from 'zod/mini';
import { PersonalAgenda, PersonalAgendaInput } from '../agenda/schemas.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { requireManageTokenFirst } from './routes.ts';

const params = z.object({ registrationId: z.uuid() });
const manageToken = [{ manageToken: [] }];

export const getPersonalAgendaRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{registrationId}/agenda',
  tags: ['registrations'],
  summary: 'My starred sessions (manage token)',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params },
  responses: {
    200: json(PersonalAgenda, 'The starred sessions'),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
  },
});

export const putPersonalAgendaRoute = createRoute({
  method: 'put',
  path: '/api/registrations/{registrationId}/agenda',
  tags: ['registrations'],
  summary: 'Replace my starred sessions (manage token)',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params, body: { required: true, content: { 'application/json': { schema: PersonalAgendaInput } } } },
  responses: {
    200: json(PersonalAgenda, 'The starred sessions as saved'),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
    422: problemResponse('Too many sessions, a repeated one or a malformed id'),
  },
});

export const personalAgendaRoutes = [getPersonalAgendaRoute, putPersonalAgendaRoute];
