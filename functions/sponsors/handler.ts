import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { tokenVerifierFromEnv } from '../core/auth.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createRateLimiter } from '../core/rate-limit.ts';
import { createSponsorsApp } from './app.ts';
import { cognitoDirectory } from './directory.ts';
import { invitationLimitFromEnv } from './limits.ts';
import { createSponsorsStore } from './store.ts';

const doc = createDocumentClient();
const tableName = requireEnv('TABLE_NAME');
const app = createSponsorsApp({
  now: () => new Date(),
  store: createSponsorsStore(doc, tableName),
  limit: createRateLimiter(doc, tableName),
  // Read once at cold start: a bad value fails here, with a message naming the variable.
  invitationLimit: invitationLimitFromEnv(),
  allowedOrigins: allowedOriginsFromEnv(),
  edge: edgeFromEnv(),
  directory: cognitoDirectory(new CognitoIdentityProviderClient({}), requireEnv('USER_POOL_ID')),
  verifyToken: tokenVerifierFromEnv(),
  siteUrl: requireEnv('SITE_URL'),
});

export const handler = handle(app);
