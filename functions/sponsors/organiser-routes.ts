/** Route contracts for organisers: tiers, sponsors with tier and booth, review. */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, IfMatch, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import {
  ReturnInput,
  ReviewPair,
  SponsorCreate,
  SponsorPatch,
  SponsorProfile,
  SponsorSummary,
  Tiers,
  TiersInput,
} from './schemas.ts';

const organiser = { tags: ['sponsors'], security: bearerAuth, middleware: requireRoleFirst('organiser') };
const eventParams = z.object({ eventId: Id });
const sponsorParams = z.object({ eventId: Id, sponsorId: Id });
const notFound = { 404: problemResponse('No such event or sponsor') };
const body = <T extends z.core.$ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const getTiersRoute = createRoute({
  ...organiser,
  method: 'get',
  path: '/api/events/{eventId}/sponsor-tiers',
  summary: "The event's sponsor tiers (ETag is their version)",
  request: { params: eventParams },
  responses: { 200: json(Tiers, 'The tiers'), ...authProblems },
});

export const putTiersRoute = createRoute({
  ...organiser,
  method: 'put',
  path: '/api/events/{eventId}/sponsor-tiers',
  summary: 'Replace the event\'s sponsor tiers (If-Match: the version read, "0" when there are none)',
  request: { params: eventParams, headers: IfMatch, body: body(TiersInput) },
  responses: {
    200: json(Tiers, 'The saved tiers'),
    ...authProblems,
    ...notFound,
    409: problemResponse('A tier left out is still held by sponsors (each named in errors)'),
    412: problemResponse('Changed meanwhile'),
    422: problemResponse('Invalid tiers'),
    428: problemResponse('If-Match missing'),
  },
});

export const createSponsorRoute = createRoute({
  ...organiser,
  method: 'post',
  path: '/api/events/{eventId}/sponsors',
  summary: 'Create a sponsor with its tier and booth',
  request: { params: eventParams, body: body(SponsorCreate) },
  responses: {
    201: json(SponsorProfile, 'The new sponsor (nothing public yet)'),
    ...authProblems,
    ...notFound,
    409: problemResponse('The id is taken'),
    422: problemResponse('Invalid sponsor or unknown tier'),
  },
});

export const overviewRoute = createRoute({
  ...organiser,
  method: 'get',
  path: '/api/events/{eventId}/sponsors/overview',
  summary: 'Every sponsor of the event with its state (organisers)',
  request: { params: eventParams },
  responses: { 200: json(z.object({ items: z.array(SponsorSummary) }), 'The sponsors'), ...authProblems },
});

export const reviewQueueRoute = createRoute({
  ...organiser,
  method: 'get',
  path: '/api/events/{eventId}/sponsors/review',
  summary: 'Drafts under review, oldest first',
  request: { params: eventParams },
  responses: { 200: json(z.object({ items: z.array(SponsorSummary) }), 'The review queue'), ...authProblems },
});

export const reviewPairRoute = createRoute({
  ...organiser,
  method: 'get',
  path: '/api/events/{eventId}/sponsors/{sponsorId}/review',
  summary: 'The draft beside the live version, as the public would see each (ETag: the draft version)',
  request: { params: sponsorParams },
  responses: { 200: json(ReviewPair, 'Live and draft'), ...authProblems, ...notFound },
});

export const patchSponsorRoute = createRoute({
  ...organiser,
  method: 'patch',
  path: '/api/events/{eventId}/sponsors/{sponsorId}',
  summary: 'Change name, tier or booth (organisers only; takes effect at once)',
  request: { params: sponsorParams, body: body(SponsorPatch) },
  responses: {
    200: json(SponsorProfile, 'The sponsor'),
    ...authProblems,
    ...notFound,
    422: problemResponse('Invalid change or unknown tier'),
  },
});

const decided = {
  200: json(SponsorProfile, 'The profile'),
  ...authProblems,
  ...notFound,
  409: problemResponse('Not in a state this applies to'),
  412: problemResponse('The draft changed since the version reviewed'),
};

export const approveRoute = createRoute({
  ...organiser,
  method: 'post',
  path: '/api/events/{eventId}/sponsors/{sponsorId}/approve',
  summary: 'Approve the draft under review: it replaces the live version (If-Match optional: the version reviewed)',
  request: { params: sponsorParams, headers: IfMatch },
  responses: decided,
});

export const returnRoute = createRoute({
  ...organiser,
  method: 'post',
  path: '/api/events/{eventId}/sponsors/{sponsorId}/return',
  summary: 'Send the draft back with a comment (the live version stays)',
  request: { params: sponsorParams, body: body(ReturnInput) },
  responses: decided,
});

export const unpublishRoute = createRoute({
  ...organiser,
  method: 'post',
  path: '/api/events/{eventId}/sponsors/{sponsorId}/unpublish',
  summary: 'Take the live version off the public site (the draft is kept)',
  request: { params: sponsorParams },
  responses: decided,
});

export const organiserRoutes = [
  getTiersRoute,
  putTiersRoute,
  createSponsorRoute,
  overviewRoute,
  reviewQueueRoute,
  reviewPairRoute,
  patchSponsorRoute,
  approveRoute,
  returnRoute,
  unpublishRoute,
];
