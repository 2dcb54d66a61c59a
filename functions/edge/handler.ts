import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requireEnv } from '../core/dynamo.ts';
import { createOriginSecretRotation } from './rotation.ts';

export const handler = createOriginSecretRotation({
  secrets: new SecretsManagerClient({}),
  // CloudFront's control plane lives in us-east-1.
  cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
  distributionId: requireEnv('DISTRIBUTION_ID'),
});
