/** Route contracts of the sponsors context. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRoleFirst, requireSponsorAccessFirst } from '../core/auth.ts';
import { authProblems, bearerAuth, IfMatch, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { InviteMember, Member, SponsorProfile, SponsorProfileInput } from './schemas.ts';

const sponsorParams = z.object({ sponsorId: Id });

export const getProfileRoute = createRoute({
  method: 'get',
  path: '/api/sponsors/{sponsorId}/profile',
  tags: ['sponsors'],
  summary: 'The exhibitor profile, for its members and organisers (ETag is the version)',
  security: bearerAuth,
  middleware: requireSponsorAccessFirst(),
  request: { params: sponsorParams },
  responses: { 200: json(SponsorProfile, 'The profile'), ...authProblems, 404: problemResponse('No such sponsor') },
});

export const putProfileRoute = createRoute({
  method: 'put',
  path: '/api/sponsors/{sponsorId}/profile',
  tags: ['sponsors'],
  summary: 'Save the editable part of the profile (back to draft)',
  security: bearerAuth,
  middleware: requireSponsorAccessFirst(),
  request: {
    params: sponsorParams,
    headers: IfMatch,
    body: { required: true, content: { 'application/json': { schema: SponsorProfileInput } } },
  },
  responses: {
    200: json(SponsorProfile, 'The saved profile'),
    ...authProblems,
    404: problemResponse('No such sponsor'),
    412: problemResponse('Someone saved a newer version'),
    422: problemResponse('Invalid profile'),
    428: problemResponse('If-Match missing'),
  },
});

export const submitProfileRoute = createRoute({
  method: 'post',
  path: '/api/sponsors/{sponsorId}/profile/submit',
  tags: ['sponsors'],
  summary: 'Submit the draft for review',
  security: bearerAuth,
  middleware: requireSponsorAccessFirst(),
  request: { params: sponsorParams, headers: IfMatch },
  responses: {
    200: json(SponsorProfile, 'The submitted profile'),
    ...authProblems,
    404: problemResponse('No such sponsor'),
    409: problemResponse('Not a draft'),
    412: problemResponse('Someone saved a newer version'),
    428: problemResponse('If-Match missing'),
  },
});

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/sponsors/{sponsorId}/members',
  tags: ['sponsors'],
  summary: 'People who may edit this sponsor',
  security: bearerAuth,
  middleware: requireSponsorAccessFirst(),
  request: { params: sponsorParams },
  responses: { 200: json(z.object({ items: z.array(Member) }), 'The members'), ...authProblems },
});

export const inviteMemberRoute = createRoute({
  method: 'post',
  path: '/api/sponsors/{sponsorId}/members',
  tags: ['sponsors'],
  summary: 'Invite a member by email (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: {
    params: sponsorParams,
    body: { required: true, content: { 'application/json': { schema: InviteMember } } },
  },
  responses: {
    201: json(Member, 'The new member; an invitation mail is on its way'),
    ...authProblems,
    404: problemResponse('No such sponsor'),
    409: problemResponse('Already a member'),
    422: problemResponse('Invalid email'),
  },
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/sponsors/{sponsorId}/members/{memberId}',
  tags: ['sponsors'],
  summary: 'Remove a member (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: { params: z.object({ sponsorId: Id, memberId: Id }) },
  responses: { 204: { description: 'Removed' }, ...authProblems, 404: problemResponse('Not a member') },
});

export const listEventSponsorsRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/sponsors',
  tags: ['sponsors'],
  summary: 'Published exhibitor profiles of an event, by tier',
  request: { params: z.object({ eventId: Id }) },
  responses: { 200: json(z.object({ items: z.array(SponsorProfile) }), 'Published profiles') },
});

export const sponsorsRoutes = [
  getProfileRoute,
  putProfileRoute,
  submitProfileRoute,
  listMembersRoute,
  inviteMemberRoute,
  removeMemberRoute,
  listEventSponsorsRoute,
];
