import { readFileSync } from 'node:fs';
import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import type { OpenApiDocument } from './openapi.ts';
import { createDocsAppFor } from './serve.ts';

// Generated at build time from the route contracts (infra/bundling.ts), next to this bundle.
const document = JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;

export const handler = handle(
  createDocsAppFor(document, { allowedOrigins: allowedOriginsFromEnv(), edge: edgeFromEnv() }),
);
