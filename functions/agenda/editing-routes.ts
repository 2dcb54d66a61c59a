/**
 * Route contracts of agenda editing (organisers only): the same five routes for rooms,
 * tracks, speakers and sessions. Updates and deletes take If-Match; responses carry ETag.
 */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, IfMatch, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import type { EntityKind } from './keys.ts';
import {
  Room,
  RoomCreate,
  RoomInput,
  Session,
  SessionCreate,
  SessionInput,
  SessionWrite,
  Speaker,
  SpeakerCreate,
  SpeakerInput,
  Track,
  TrackCreate,
  TrackInput,
} from './schemas.ts';

const SCHEMAS = {
  room: { entity: Room, create: RoomCreate, input: RoomInput, written: Room },
  track: { entity: Track, create: TrackCreate, input: TrackInput, written: Track },
  speaker: { entity: Speaker, create: SpeakerCreate, input: SpeakerInput, written: Speaker },
  session: { entity: Session, create: SessionCreate, input: SessionInput, written: SessionWrite },
} as const;

const conflictNote: Record<EntityKind, string> = {
  room: 'Sessions use the room (the problem names them)',
  track: 'Sessions use the track (the problem names them)',
  speaker: 'Sessions name the speaker (the problem names them)',
  session: 'Not used',
};

function routesOf<K extends EntityKind>(kind: K) {
  const plural = `${kind}s`;
  const s = SCHEMAS[kind];
  const collection = `/api/events/{eventId}/${plural}`;
  const item = `${collection}/{id}`;
  const common = { tags: ['agenda'], security: bearerAuth, middleware: requireRoleFirst('organiser') };
  const eventParams = z.object({ eventId: Id });
  const itemParams = z.object({ eventId: Id, id: Id });
  const written = kind === 'session' ? 'The session and the conflicts it takes part in' : `The ${kind}`;
  return {
    list: createRoute({
      ...common,
      method: 'get',
      path: collection,
      summary: `Every ${kind} of the draft agenda (organisers)`,
      request: { params: eventParams },
      responses: {
        200: json(z.object({ items: z.array(s.entity) }), `The ${plural}`),
        ...authProblems,
        404: problemResponse('No such event'),
      },
    }),
    create: createRoute({
      ...common,
      method: 'post',
      path: collection,
      summary: `Add a ${kind} (organisers)`,
      request: { params: eventParams, body: { required: true, content: { 'application/json': { schema: s.create } } } },
      responses: {
        201: json(s.written, written),
        ...authProblems,
        404: problemResponse('No such event'),
        409: problemResponse('Id taken'),
        422: problemResponse(`Invalid ${kind}, or a reference to something not in the agenda`),
      },
    }),
    get: createRoute({
      ...common,
      method: 'get',
      path: item,
      summary: `One ${kind}; ETag is its version (organisers)`,
      request: { params: itemParams },
      responses: { 200: json(s.entity, `The ${kind}`), ...authProblems, 404: problemResponse(`No such ${kind}`) },
    }),
    replace: createRoute({
      ...common,
      method: 'put',
      path: item,
      summary: `Replace a ${kind}, guarded by If-Match (organisers)`,
      request: {
        params: itemParams,
        headers: IfMatch,
        body: { required: true, content: { 'application/json': { schema: s.input } } },
      },
      responses: {
        200: json(s.written, written),
        ...authProblems,
        404: problemResponse(`No such ${kind}`),
        412: problemResponse('Changed since the version in If-Match'),
        422: problemResponse(`Invalid ${kind}`),
        428: problemResponse('If-Match missing'),
      },
    }),
    remove: createRoute({
      ...common,
      method: 'delete',
      path: item,
      summary: `Delete a ${kind}, guarded by If-Match (organisers)`,
      request: { params: itemParams, headers: IfMatch },
      responses: {
        204: { description: 'Deleted' },
        ...authProblems,
        404: problemResponse(`No such ${kind}`),
        409: problemResponse(conflictNote[kind]),
        412: problemResponse('Changed since the version in If-Match'),
        428: problemResponse('If-Match missing'),
      },
    }),
  };
}

export const editingRoutes = {
  room: routesOf('room'),
  track: routesOf('track'),
  speaker: routesOf('speaker'),
  session: routesOf('session'),
};

export const allEditingRoutes = Object.values(editingRoutes).flatMap((r) => Object.values(r));
