/** Route contracts of the sponsors context used by sponsor members, and the public ones. */

import * as z from 'zod/mini';
import { requireRoleFirst, requireSponsorAccessFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, IfMatch, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { organiserRoutes } from './organiser-routes.ts';
import {
  InviteMember,
  LogoUpload,
  LogoUploadInput,
  Member,
  PublicSponsor,
  PublicSponsorList,
  SponsorProfile,
  SponsorProfileInput,
} from './schemas.ts';
import { staffAndLeadRoutes } from './staff-routes.ts';

export const sponsorParams = z.object({ sponsorId: Id });
const member = { tags: ['sponsors'], security: bearerAuth, middleware: requireSponsorAccessFirst() };
const versioned = {
  404: problemResponse('No such sponsor'),
  412: problemResponse('Someone saved a newer version'),
  428: problemResponse('If-Match missing'),
};

export const getProfileRoute = createRoute({
  ...member,
  method: 'get',
  path: '/api/sponsors/{sponsorId}/profile',
  summary: 'The draft and the live version, with the state in plain words (ETag is the draft version)',
  request: { params: sponsorParams },
  responses: { 200: json(SponsorProfile, 'The profile'), ...authProblems, 404: problemResponse('No such sponsor') },
});

export const putProfileRoute = createRoute({
  ...member,
  method: 'put',
  path: '/api/sponsors/{sponsorId}/profile',
  summary: 'Save the draft (the live version stays public; a save without changes writes nothing)',
  request: {
    params: sponsorParams,
    headers: IfMatch,
    body: { required: true, content: { 'application/json': { schema: SponsorProfileInput } } },
  },
  responses: {
    200: json(SponsorProfile, 'The saved profile'),
    ...authProblems,
    ...versioned,
    422: problemResponse('Invalid profile'),
  },
});

export const submitProfileRoute = createRoute({
  ...member,
  method: 'post',
  path: '/api/sponsors/{sponsorId}/profile/submit',
  summary: 'Submit the draft for review',
  request: { params: sponsorParams, headers: IfMatch },
  responses: {
    200: json(SponsorProfile, 'The submitted profile'),
    ...authProblems,
    ...versioned,
    409: problemResponse('Already under review, or nothing to submit'),
  },
});

export const logoUploadRoute = createRoute({
  ...member,
  method: 'post',
  path: '/api/sponsors/{sponsorId}/logo-upload',
  summary: 'A presigned POST for a logo (PNG, JPEG or WebP, at most 1 MB); then save its key in the draft',
  request: {
    params: sponsorParams,
    body: { required: true, content: { 'application/json': { schema: LogoUploadInput } } },
  },
  responses: {
    200: json(LogoUpload, 'Where and how to upload'),
    ...authProblems,
    404: problemResponse('No such sponsor'),
    413: problemResponse('Larger than 1 MB'),
    422: problemResponse('Not PNG, JPEG or WebP (SVG is refused)'),
  },
});

export const listMembersRoute = createRoute({
  ...member,
  method: 'get',
  path: '/api/sponsors/{sponsorId}/members',
  summary: 'People who may edit this sponsor',
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
  summary: 'The live (last approved) exhibitor profiles of an event, by tier rank then name',
  request: { params: z.object({ eventId: Id }) },
  responses: { 200: json(PublicSponsorList, 'Published profiles and the tiers') },
});

export const getEventSponsorRoute = createRoute({
  method: 'get',
  path: '/api/events/{eventId}/sponsors/{sponsorId}',
  tags: ['sponsors'],
  summary: 'One live exhibitor profile',
  request: { params: z.object({ eventId: Id, sponsorId: Id }) },
  responses: { 200: json(PublicSponsor, 'The live profile'), 404: problemResponse('Not published') },
});

export const sponsorsRoutes = [
  getProfileRoute,
  putProfileRoute,
  submitProfileRoute,
  logoUploadRoute,
  listMembersRoute,
  inviteMemberRoute,
  removeMemberRoute,
  listEventSponsorsRoute,
  getEventSponsorRoute,
  ...organiserRoutes,
  ...staffAndLeadRoutes,
];
