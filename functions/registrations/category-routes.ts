/** Route contracts of registration categories (quotas), organisers only. */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { Category, CategoryCreate, CategoryPatch } from './schemas.ts';

export const createCategoryRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/categories',
  tags: ['categories'],
  summary: 'Add a registration category with its quota (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: {
    params: z.object({ eventId: Id }),
    body: { required: true, content: { 'application/json': { schema: CategoryCreate } } },
  },
  responses: {
    201: json(Category, 'The category'),
    ...authProblems,
    404: problemResponse('No such event'),
    409: problemResponse('Id taken'),
    422: problemResponse('Invalid category'),
  },
});

export const updateCategoryRoute = createRoute({
  method: 'patch',
  path: '/api/events/{eventId}/categories/{categoryId}',
  tags: ['categories'],
  summary: 'Change a category; more seats go straight to the people waiting (organisers)',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: {
    params: z.object({ eventId: Id, categoryId: Id }),
    body: { required: true, content: { 'application/json': { schema: CategoryPatch } } },
  },
  responses: {
    200: json(
      z.intersection(Category, z.object({ promoted: z.int() })),
      'The category, and how many people left the waiting list',
    ),
    ...authProblems,
    404: problemResponse('No such category'),
    409: problemResponse('Capacity below the seats taken'),
    422: problemResponse('Invalid change'),
  },
});

export const categoryRoutes = [createCategoryRoute, updateCategoryRoute];
