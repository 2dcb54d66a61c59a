/** Route contracts of the registrations context. */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { CountryCode, Id, oneLineText } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';
import { categoryRoutes } from './category-routes.ts';
import { deskRoutes } from './desk-routes.ts';
import { ManageView } from './manage-schemas.ts';
import { requireManageTokenFirst } from './manage-token.ts';
import { paymentRoutes } from './payment-routes.ts';

export { type ManageTokenEnv, requireManageTokenFirst } from './manage-token.ts';

import { Registration, RegistrationInput, RegistrationPatch, RegistrationStatus } from './schemas.ts';

const registrationParams = z.object({ registrationId: z.uuid() });
const manageToken = [{ manageToken: [] }];

export const registerRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations',
  tags: ['registrations'],
  summary: 'Register (no account). A replay with the same Idempotency-Key returns the first answer.',
  request: {
    params: z.object({ eventId: Id }),
    headers: z.object({
      'idempotency-key': z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{8,128}$/, 'Send a unique Idempotency-Key (8-128 letters, digits, - or _)')),
    }),
    body: { required: true, content: { 'application/json': { schema: RegistrationInput } } },
  },
  responses: {
    201: json(Registration, 'Registered: confirmed, pending (awaiting approval) or waitlisted'),
    400: problemResponse('Malformed request or missing Idempotency-Key'),
    404: problemResponse('No such published event'),
    409: problemResponse('Already registered with this email, or the category is closed or full'),
    422: problemResponse('Invalid registration'),
    429: problemResponse('Too many registrations from this client or for this email'),
    503: problemResponse('Busy; retry with the same Idempotency-Key'),
  },
});

export const getRegistrationRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{registrationId}',
  tags: ['registrations'],
  summary: 'View my registration (manage token from the confirmation mail)',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params: registrationParams },
  responses: {
    200: json(ManageView, 'The registration, with its category, payment and event'),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
  },
});

export const verifyRoute = createRoute({
  method: 'post',
  path: '/api/registrations/{registrationId}/verify',
  tags: ['registrations'],
  summary: 'The mailed link was opened: an unverified registration becomes confirmed, pending or waitlisted',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params: registrationParams },
  responses: {
    200: json(Registration, 'The registration, verified (repeating is harmless)'),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
    409: problemResponse('The registration lapsed or ended before it was verified'),
  },
});

export const cancelRegistrationRoute = createRoute({
  method: 'delete',
  path: '/api/registrations/{registrationId}',
  tags: ['registrations'],
  summary: 'Cancel my registration; the seat goes to the first person waiting',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params: registrationParams },
  responses: {
    200: json(Registration, 'The cancelled registration'),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
    409: problemResponse('Already ended'),
  },
});

export const exportRegistrationRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{registrationId}/export',
  tags: ['registrations'],
  summary: 'All personal data held about me, as JSON',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params: registrationParams },
  responses: {
    200: json(
      z.object({ registration: Registration, sensitive: z.looseObject({}), exportedAt: z.string() }),
      'My data',
    ),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
  },
});

export const changeRegistrationRoute = createRoute({
  method: 'patch',
  path: '/api/registrations/{registrationId}',
  tags: ['registrations'],
  summary: 'Change my details (names, organisation, job title, language, needs, visa letter)',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: {
    params: registrationParams,
    body: { required: true, content: { 'application/json': { schema: RegistrationPatch } } },
  },
  responses: {
    200: json(Registration, 'The changed registration'),
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
    409: problemResponse('Ended registrations cannot change'),
    422: problemResponse('Invalid change'),
  },
});

export const eraseRegistrationRoute = createRoute({
  method: 'post',
  path: '/api/registrations/{registrationId}/erase',
  tags: ['registrations'],
  summary: 'Erase my registration and every copy of my data (the seat goes to the first person waiting)',
  security: manageToken,
  middleware: requireManageTokenFirst,
  request: { params: registrationParams },
  responses: {
    204: { description: 'Erased' },
    401: authProblems[401],
    404: problemResponse('No registration for this link'),
  },
});

const decisionParams = z.object({ eventId: Id, registrationId: z.uuid() });

export const approveRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations/{registrationId}/approve',
  tags: ['registrations'],
  summary: 'Approve a pending registration (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: { params: decisionParams },
  responses: {
    200: json(Registration, 'Approved'),
    ...authProblems,
    404: problemResponse('No such registration'),
    409: problemResponse('Not pending'),
  },
});

export const rejectRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations/{registrationId}/reject',
  tags: ['registrations'],
  summary: 'Reject a pending registration (organisers); the seat goes to the first person waiting',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: { params: decisionParams },
  responses: {
    200: json(Registration, 'Rejected'),
    ...authProblems,
    404: problemResponse('No such registration'),
    409: problemResponse('Not pending'),
  },
});

/**
 * The organisers' search text rides in a header, not the URL: URLs (query strings included)
 * land in CloudFront's access logs, which keep them 90 days. `q` still works, for scripts.
 */
const searchHeader = z.object({
  'x-search': meta(z.optional(oneLineText({ max: 100 }).check(z.minLength(1))), {
    description: 'Search in names, email and organisation; kept out of URLs and logs (preferred to q)',
  }),
});

const listQuery = z.object({
  status: z.optional(RegistrationStatus),
  categoryId: z.optional(Id),
  country: z.optional(CountryCode),
  q: z.optional(oneLineText({ max: 100 }).check(z.minLength(1))),
});

export const listRegistrationsRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/registrations',
  tags: ['registrations'],
  summary: 'Registrations of an event, oldest first, with filters and a cursor (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: {
    params: z.object({ eventId: Id }),
    headers: searchHeader,
    query: z.extend(listQuery, {
      limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
      cursor: z.optional(z.string().check(z.maxLength(2048))),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(Registration), nextCursor: z.nullable(z.string()) }), 'One page'),
    ...authProblems,
  },
});

export const exportCsvRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/registrations.csv',
  tags: ['registrations'],
  summary: 'All registrations matching the filters as CSV, streamed page by page (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: { params: z.object({ eventId: Id }), query: listQuery, headers: searchHeader },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    ...authProblems,
  },
});

export const organiserCancelRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations/{registrationId}/cancel',
  tags: ['registrations'],
  summary: 'Cancel a registration (organisers); the seat goes to the first person waiting',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: { params: decisionParams },
  responses: {
    200: json(Registration, 'Cancelled'),
    ...authProblems,
    404: problemResponse('No such registration'),
    409: problemResponse('Already ended'),
  },
});

export const statsRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/registrations/stats',
  tags: ['registrations'],
  summary: 'Counts by status, category, country and day, for the dashboard (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: { params: z.object({ eventId: Id }) },
  responses: {
    200: json(
      z.object({
        total: z.int(),
        byStatus: z.record(z.string(), z.int()),
        byCategory: z.record(z.string(), z.record(z.string(), z.int())),
        byCountry: z.record(z.string(), z.int()),
        byDay: z.array(z.object({ day: z.string(), count: z.int() })),
      }),
      'Counts',
    ),
    ...authProblems,
  },
});

export const registrationsRoutes = [
  statsRoute,
  ...paymentRoutes,
  ...categoryRoutes,
  listRegistrationsRoute,
  exportCsvRoute,
  ...deskRoutes,
  verifyRoute,
  organiserCancelRoute,
  registerRoute,
  getRegistrationRoute,
  changeRegistrationRoute,
  cancelRegistrationRoute,
  exportRegistrationRoute,
  eraseRegistrationRoute,
  approveRoute,
  rejectRoute,
];
