import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv } from '../core/app.ts';
import { createDocsApp } from './app.ts';

export const handler = handle(createDocsApp({ allowedOrigins: allowedOriginsFromEnv() }));
