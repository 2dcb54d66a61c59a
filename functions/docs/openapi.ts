/** The OpenAPI 3.1 document, generated from every context's route contracts and zod schemas. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { agendaRoutes } from '../agenda/agenda-routes.ts';
import { allEditingRoutes } from '../agenda/editing-routes.ts';
import { exportRoutes } from '../agenda/export-routes.ts';
import type { RouteConfig } from '../core/contract.ts';
import { eventsRoutes } from '../events/routes.ts';
import { identityRoutes } from '../identity/routes.ts';
import { personalAgendaRoutes } from '../registrations/personal-agenda-routes.ts';
import { registrationsRoutes } from '../registrations/routes.ts';
import { sponsorsRoutes } from '../sponsors/routes.ts';
import { withFullZod } from './full-zod.ts';

export const allRoutes: RouteConfig[] = [
  ...eventsRoutes,
  // Before the registrations' own routes, whose erasure ends the attendee's registration.
  ...personalAgendaRoutes,
  ...registrationsRoutes,
  ...identityRoutes,
  ...sponsorsRoutes,
  ...allEditingRoutes,
  ...agendaRoutes,
  ...exportRoutes,
];

export function buildOpenApiDocument() {
  const generator = new OpenAPIHono();
  generator.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An OpenID Connect access token (Cognito in AWS, the local provider in the local stack)',
  });
  generator.openAPIRegistry.registerComponent('securitySchemes', 'manageToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The private token from the registration confirmation mail (the part after the dot in ?token=)',
  });
  // The contract without its middleware (who may call), as OpenAPIHono.openapi registers it.
  for (const { middleware: _middleware, hide: _hide, ...route } of allRoutes) {
    generator.openAPIRegistry.registerPath(
      withFullZod(route) as unknown as Parameters<typeof generator.openAPIRegistry.registerPath>[0],
    );
  }
  return generator.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Customs IT Conference & Exhibition API',
      version: '1.0.0',
      description:
        'Public and authenticated API of the conference platform. Errors are RFC 9457 problem details ' +
        '(application/problem+json).',
    },
    servers: [{ url: '/' }],
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
