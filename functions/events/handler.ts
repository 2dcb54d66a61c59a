import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv } from '../core/app.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createEventsApp } from './app.ts';
import { createEventsStore } from './store.ts';

const store = createEventsStore(createDocumentClient(), requireEnv('TABLE_NAME'));

export const handler = handle(createEventsApp({ store, allowedOrigins: allowedOriginsFromEnv() }));
