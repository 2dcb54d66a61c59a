/** Route contracts for a sponsor's booth staff and leads (members of the sponsor, and organisers). */

import * as z from 'zod/mini';
import { requireSponsorAccessFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { Lead, LeadInput, LeadPage, LeadPatch, StaffInput, StaffList, StaffMember } from './schemas.ts';

const member = { tags: ['sponsors'], security: bearerAuth, middleware: requireSponsorAccessFirst() };
const sponsorParams = z.object({ sponsorId: Id });
const notFound = { 404: problemResponse('No such sponsor') };
const body = <T extends z.core.$ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const listStaffRoute = createRoute({
  ...member,
  method: 'get',
  path: '/api/sponsors/{sponsorId}/staff',
  summary: "The booth staff, with the tier's passes and how many are used",
  request: { params: sponsorParams },
  responses: { 200: json(StaffList, 'The staff'), ...authProblems, ...notFound },
});

export const addStaffRoute = createRoute({
  ...member,
  method: 'post',
  path: '/api/sponsors/{sponsorId}/staff',
  summary: 'Name a member of the booth staff (registered in the exhibitor-staff category)',
  request: { params: sponsorParams, body: body(StaffInput) },
  responses: {
    201: json(StaffMember, 'Registered; a confirmation with the check-in code is mailed to them'),
    ...authProblems,
    ...notFound,
    409: problemResponse('No pass left, already registered, or no exhibitor-staff category'),
    422: problemResponse('Invalid person'),
  },
});

export const removeStaffRoute = createRoute({
  ...member,
  method: 'delete',
  path: '/api/sponsors/{sponsorId}/staff/{staffId}',
  summary: 'Remove a member of the booth staff (their registration is cancelled, the pass is free)',
  request: { params: z.object({ sponsorId: Id, staffId: z.uuid() }) },
  responses: { 204: { description: 'Removed' }, ...authProblems, 404: problemResponse('No such staff member') },
});

export const captureLeadRoute = createRoute({
  ...member,
  method: 'post',
  path: '/api/sponsors/{sponsorId}/leads',
  summary: "Keep a lead by the attendee's check-in code (only if they agreed to share their contact)",
  request: { params: sponsorParams, body: body(LeadInput) },
  responses: {
    200: json(Lead, 'Already a lead: the one kept'),
    201: json(Lead, 'The new lead'),
    ...authProblems,
    ...notFound,
    422: problemResponse('This attendee has not agreed to share their contact'),
  },
});

export const listLeadsRoute = createRoute({
  ...member,
  method: 'get',
  path: '/api/sponsors/{sponsorId}/leads',
  summary: "This sponsor's leads, a page at a time",
  request: {
    params: sponsorParams,
    query: z.object({
      cursor: z.optional(z.string().check(z.maxLength(2000))),
      limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
    }),
  },
  responses: {
    200: json(LeadPage, 'A page of leads'),
    ...authProblems,
    ...notFound,
    400: problemResponse('Bad cursor'),
  },
});

export const leadsCsvRoute = createRoute({
  ...member,
  method: 'get',
  path: '/api/sponsors/{sponsorId}/leads.csv',
  summary: "This sponsor's leads as CSV",
  request: { params: sponsorParams },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    ...authProblems,
    ...notFound,
  },
});

export const patchLeadRoute = createRoute({
  ...member,
  method: 'patch',
  path: '/api/sponsors/{sponsorId}/leads/{leadId}',
  summary: 'Change the note or rating of a lead (null removes it)',
  request: {
    params: z.object({ sponsorId: Id, leadId: z.string().check(z.regex(/^[a-f0-9]{32}$/)) }),
    body: body(LeadPatch),
  },
  responses: { 200: json(Lead, 'The lead'), ...authProblems, 404: problemResponse('No such lead') },
});

export const staffAndLeadRoutes = [
  listStaffRoute,
  addStaffRoute,
  removeStaffRoute,
  captureLeadRoute,
  listLeadsRoute,
  leadsCsvRoute,
  patchLeadRoute,
];
