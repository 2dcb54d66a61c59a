import { requirePrincipalFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth } from '../core/openapi-helpers.ts';
import { Me } from './schemas.ts';

export const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['identity'],
  summary: 'The signed-in caller: roles and the sponsors they may edit',
  security: bearerAuth,
  middleware: requirePrincipalFirst(),
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: Me } } },
    401: authProblems[401],
  },
});

export const identityRoutes = [meRoute];
