import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { handle } from 'hono/aws-lambda';
import { tokenVerifierFromEnv } from '../core/auth.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createSponsorsApp } from './app.ts';
import { cognitoDirectory } from './directory.ts';
import { createSponsorsStore } from './store.ts';

const app = createSponsorsApp({
  store: createSponsorsStore(createDocumentClient(), requireEnv('TABLE_NAME')),
  directory: cognitoDirectory(new CognitoIdentityProviderClient({}), requireEnv('USER_POOL_ID')),
  verifyToken: tokenVerifierFromEnv(),
  siteUrl: requireEnv('SITE_URL'),
});

export const handler = handle(app);
