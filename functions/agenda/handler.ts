import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { tokenVerifierFromEnv } from '../core/auth.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createAgendaApp } from './app.ts';
import { agendaStores } from './wiring.ts';

const doc = createDocumentClient();
const tableName = requireEnv('TABLE_NAME');

export const handler = handle(
  createAgendaApp({
    ...agendaStores(doc, tableName),
    now: () => new Date(),
    verifyToken: tokenVerifierFromEnv(),
    siteUrl: requireEnv('SITE_URL'),
    allowedOrigins: allowedOriginsFromEnv(),
    edge: edgeFromEnv(),
  }),
);
