import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createEventsApp } from './app.ts';
import { eventStores } from './wiring.ts';

const doc = createDocumentClient();
const tableName = requireEnv('TABLE_NAME');

export const handler = handle(
  createEventsApp({
    ...eventStores(doc, tableName),
    now: () => new Date(),
    allowedOrigins: allowedOriginsFromEnv(),
    edge: edgeFromEnv(),
  }),
);
