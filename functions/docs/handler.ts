import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { createDocsApp } from './app.ts';

export const handler = handle(createDocsApp({ allowedOrigins: allowedOriginsFromEnv(), edge: edgeFromEnv() }));
