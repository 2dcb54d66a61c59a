/** Route contracts of the check-in desk (organisers and staff). */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Bilingual, Id, oneLineText } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';
import { PaymentStatus, RegistrationStatus } from './schemas.ts';

/** Only what the desk needs to see. */
export const DeskAnswer = meta(
  z.object({
    registrationId: z.string(),
    name: z.string(),
    organisation: z.string(),
    category: Bilingual,
    status: RegistrationStatus,
    checkedInAt: z.string(),
    alreadyCheckedIn: meta(z.boolean(), {
      description: 'True when the person had already checked in (at checkedInAt)',
    }),
    paymentStatus: meta(z.optional(PaymentStatus), { description: 'Paid categories: whether the fee is still due' }),
  }),
  { description: 'A check-in at the desk' },
);

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
      content: {
        'application/json': {
          schema: z.strictObject({ code: z.string().check(z.trim(), z.minLength(4), z.maxLength(20)) }),
        },
      },
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

/** A person the desk may be looking for: only what the desk shows. */
export const DeskPerson = meta(
  z.object({
    registrationId: z.string(),
    name: z.string(),
    organisation: z.string(),
    category: Bilingual,
    status: RegistrationStatus,
    checkedInAt: z.optional(z.string()),
    paymentStatus: z.optional(PaymentStatus),
  }),
  { description: 'A registration as the check-in desk sees it' },
);

export const deskSearchRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/check-in/search',
  tags: ['check-in'],
  summary: 'Find people at the desk by name or organisation, at most 20 (organisers and staff)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser', 'staff'),
  request: {
    params: z.object({ eventId: Id }),
    headers: z.object({
      'x-search': meta(z.optional(oneLineText({ max: 100 }).check(z.minLength(2))), {
        description: 'The search text, kept out of URLs and logs (preferred to q)',
      }),
    }),
    query: z.object({ q: z.optional(oneLineText({ max: 100 }).check(z.minLength(2))) }),
  },
  responses: {
    200: json(z.object({ items: z.array(DeskPerson) }), 'Matching people, oldest registration first'),
    ...authProblems,
    400: problemResponse('No search text (q or X-Search, two characters at least)'),
  },
});

export const deskStatsRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/check-in/stats',
  tags: ['check-in'],
  summary: 'Arrivals so far and people expected (organisers and staff)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser', 'staff'),
  request: { params: z.object({ eventId: Id }) },
  responses: {
    200: json(
      z.object({
        checkedIn: meta(z.int(), { description: 'People checked in (counted in the check-in transaction)' }),
        expected: meta(z.int(), { description: 'Seats taken in all categories (confirmed, approved, pending, held)' }),
      }),
      'Counts',
    ),
    ...authProblems,
  },
});

export const deskRoutes = [deskCheckInRoute, checkInRoute, deskSearchRoute, deskStatsRoute];
