/** Route contracts of the check-in desk (organisers and staff). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRoleFirst } from '../core/auth.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Bilingual, Id } from '../core/schemas.ts';
import { RegistrationStatus } from './schemas.ts';

/** Only what the desk needs to see. */
export const DeskAnswer = z
  .object({
    registrationId: z.string(),
    name: z.string(),
    organisation: z.string(),
    category: Bilingual,
    status: RegistrationStatus,
    checkedInAt: z.string(),
    alreadyCheckedIn: z.boolean().meta({ description: 'True when the person had already checked in (at checkedInAt)' }),
  })
  .meta({ description: 'A check-in at the desk' });

const deskProblems = {
  ...authProblems,
  404: problemResponse('No such registration or code'),
  409: problemResponse('Not confirmed or approved'),
};

export const deskCheckInRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/check-in',
  tags: ['check-in'],
  summary: 'Check a person in by the code from their mail or manage page, in any case (organisers and staff)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser', 'staff'),
  request: {
    params: z.object({ eventId: Id }),
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ code: z.string().trim().min(4).max(20) }).strict() } },
    },
  },
  responses: { 200: json(DeskAnswer, 'Checked in, or already checked in'), ...deskProblems },
});

export const checkInRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations/{registrationId}/check-in',
  tags: ['check-in'],
  summary: 'Check a person in from the registrations list (organisers and staff)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser', 'staff'),
  request: { params: z.object({ eventId: Id, registrationId: z.uuid() }) },
  responses: { 200: json(DeskAnswer, 'Checked in, or already checked in'), ...deskProblems },
});

export const deskRoutes = [deskCheckInRoute, checkInRoute];
