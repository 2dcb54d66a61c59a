/** The OpenAPI 3.1 document, generated from every context's route contracts and zod schemas. */
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { eventsRoutes } from '../events/routes.ts';

export const allRoutes: RouteConfig[] = [...eventsRoutes];

export function buildOpenApiDocument() {
  const generator = new OpenAPIHono();
  for (const route of allRoutes) generator.openAPIRegistry.registerPath(route);
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
