import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { tokenVerifierFromEnv } from '../core/auth.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createRateLimiter } from '../core/rate-limit.ts';
import { createSponsorsApp } from './app.ts';
import { cognitoDirectory } from './directory.ts';
import { invitationLimitFromEnv } from './limits.ts';
import { sponsorStores } from './wiring.ts';

const doc = createDocumentClient();
const tableName = requireEnv('TABLE_NAME');
const siteUrl = requireEnv('SITE_URL');
const now = () => new Date();
const app = createSponsorsApp({
  ...sponsorStores(doc, tableName, {
    siteUrl,
    retentionDays: Number(process.env.RETENTION_DAYS ?? 90),
    now,
    // The S3 and Cognito SDKs load with the first logo upload or invitation.
    s3: async () => new (await import('@aws-sdk/client-s3')).S3Client({}),
    logosBucket: requireEnv('LOGOS_BUCKET'),
  }),
  now,
  limit: createRateLimiter(doc, tableName),
  // Read once at cold start: a bad value fails here, with a message naming the variable.
  invitationLimit: invitationLimitFromEnv(),
  allowedOrigins: allowedOriginsFromEnv(),
  edge: edgeFromEnv(),
  directory: cognitoDirectory(
    async () => new (await import('@aws-sdk/client-cognito-identity-provider')).CognitoIdentityProviderClient({}),
    requireEnv('USER_POOL_ID'),
  ),
  verifyToken: tokenVerifierFromEnv(),
  siteUrl,
});

export const handler = handle(app);
