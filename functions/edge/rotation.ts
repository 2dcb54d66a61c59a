/**
 * Rotates the origin secret: Secrets Manager calls this function four times per rotation
 * (createSecret, setSecret, testSecret, finishSecret) with the new version's token.
 *   createSecret  a new random value as the AWSPENDING version
 *   setSecret     CloudFront's /api/* origin sends the pending value from now on
 *   testSecret    the distribution's configuration carries it
 *   finishSecret  the pending version becomes AWSCURRENT (the old one AWSPREVIOUS)
 * The API accepts the current, the pending and, for a while, the previous value
 * (`core/origin-secret.ts`), so no request through CloudFront is refused while the edges
 * pick up the new header.
 */
import { randomBytes } from 'node:crypto';
import {
  type CloudFrontClient,
  type DistributionConfig,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { ORIGIN_HEADER } from '../core/origin-secret.ts';

export type RotationEvent = {
  SecretId: string;
  ClientRequestToken: string;
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
};

export type RotationDeps = {
  secrets: SecretsManagerClient;
  cloudfront: CloudFrontClient;
  distributionId: string;
  log?: (entry: Record<string, unknown>) => void;
};

/** 36 random bytes: 48 URL-safe characters, valid in an HTTP header. */
export const newOriginSecretValue = () => randomBytes(36).toString('base64url');

/** The origins that send the origin header, with the header set to `value`. */
function withHeaderValue(config: DistributionConfig, value: string): number {
  let changed = 0;
  for (const origin of config.Origins?.Items ?? []) {
    for (const header of origin.CustomHeaders?.Items ?? []) {
      if (header.HeaderName?.toLowerCase() === ORIGIN_HEADER.toLowerCase()) {
        header.HeaderValue = value;
        changed += 1;
      }
    }
  }
  return changed;
}

function headerValues(config: DistributionConfig | undefined): string[] {
  return (config?.Origins?.Items ?? []).flatMap((origin) =>
    (origin.CustomHeaders?.Items ?? [])
      .filter((h) => h.HeaderName?.toLowerCase() === ORIGIN_HEADER.toLowerCase())
      .map((h) => h.HeaderValue ?? ''),
  );
}

export function createOriginSecretRotation(deps: RotationDeps) {
  const { secrets, cloudfront, distributionId } = deps;
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));

  const pendingValue = async (SecretId: string, token: string) => {
    const pending = await secrets.send(
      new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }),
    );
    if (!pending.SecretString) throw new Error(`Version ${token} of ${SecretId} has no value`);
    return pending.SecretString;
  };

  const steps = {
    async createSecret(SecretId: string, token: string) {
      try {
        await pendingValue(SecretId, token);
        return; // created by an earlier attempt of this rotation
      } catch (error) {
        if ((error as Error).name !== 'ResourceNotFoundException') throw error;
      }
      await secrets.send(
        new PutSecretValueCommand({
          SecretId,
          ClientRequestToken: token,
          SecretString: newOriginSecretValue(),
          VersionStages: ['AWSPENDING'],
        }),
      );
    },

    async setSecret(SecretId: string, token: string) {
      const value = await pendingValue(SecretId, token);
      const { DistributionConfig: config, ETag } = await cloudfront.send(
        new GetDistributionConfigCommand({ Id: distributionId }),
      );
      if (!config) throw new Error(`Distribution ${distributionId} has no configuration`);
      if (headerValues(config).every((v) => v === value)) return;
      if (withHeaderValue(config, value) === 0) {
        throw new Error(`No origin of distribution ${distributionId} sends ${ORIGIN_HEADER}`);
      }
      await cloudfront.send(
        new UpdateDistributionCommand({ Id: distributionId, IfMatch: ETag, DistributionConfig: config }),
      );
    },

    async testSecret(SecretId: string, token: string) {
      const value = await pendingValue(SecretId, token);
      const { DistributionConfig: config } = await cloudfront.send(
        new GetDistributionConfigCommand({ Id: distributionId }),
      );
      const values = headerValues(config);
      if (values.length === 0 || values.some((v) => v !== value)) {
        throw new Error(`Distribution ${distributionId} does not send the pending ${ORIGIN_HEADER} value`);
      }
    },

    async finishSecret(SecretId: string, token: string) {
      const { VersionIdsToStages = {} } = await secrets.send(new DescribeSecretCommand({ SecretId }));
      const current = Object.entries(VersionIdsToStages).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
      if (current === token) return;
      await secrets.send(
        new UpdateSecretVersionStageCommand({
          SecretId,
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: token,
          RemoveFromVersionId: current,
        }),
      );
    },
  };

  return async function rotate(event: RotationEvent): Promise<void> {
    const { SecretId, ClientRequestToken: token, Step } = event;
    const { RotationEnabled, VersionIdsToStages = {} } = await secrets.send(new DescribeSecretCommand({ SecretId }));
    if (!RotationEnabled) throw new Error(`Rotation is not enabled for ${SecretId}`);
    const stages = VersionIdsToStages[token];
    if (!stages) throw new Error(`Version ${token} is not a version of ${SecretId}`);
    if (stages.includes('AWSCURRENT')) return; // this rotation already finished
    if (!stages.includes('AWSPENDING')) throw new Error(`Version ${token} of ${SecretId} is not pending`);
    const step = steps[Step];
    if (!step) throw new Error(`Unknown rotation step ${Step}`);
    await step(SecretId, token);
    log({ level: 'info', message: 'origin secret rotation step done', step: Step, version: token });
  };
}
