import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { tokenVerifierFromEnv } from '../core/auth.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createMembershipLookup } from '../sponsors/membership.ts';
import { createIdentityApp } from './app.ts';

// Membership is the sponsors context's data; /api/me reads it through that context's module.
const sponsorIdsOf = createMembershipLookup(createDocumentClient(), requireEnv('TABLE_NAME'));

export const handler = handle(
  createIdentityApp({
    verifyToken: tokenVerifierFromEnv(),
    sponsorIdsOf,
    allowedOrigins: allowedOriginsFromEnv(),
    edge: edgeFromEnv(),
  }),
);
