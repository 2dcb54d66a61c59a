/**
 * The origin secret's rotation: a new random value becomes pending, CloudFront's API origin
 * sends it, and only then does it become current. Each step can be retried.
 */
import { CloudFrontClient, GetDistributionConfigCommand, UpdateDistributionCommand } from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { originSecretRotation } from '../support/apps.ts';

const sm = mockClient(SecretsManagerClient);
const cf = mockClient(CloudFrontClient);
const SECRET = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:origin-AbCdEf';
const notFound = () => Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });

const distribution = (value: string) => ({
  ETag: 'E1',
  DistributionConfig: {
    CallerReference: 'ref',
    Comment: 'Conference site and API',
    Enabled: true,
    DefaultCacheBehavior: undefined,
    Origins: {
      Quantity: 2,
      Items: [
        { Id: 'site', DomainName: 'bucket.s3.eu-west-1.amazonaws.com' },
        {
          Id: 'api',
          DomainName: 'abc.execute-api.eu-west-1.amazonaws.com',
          CustomHeaders: { Quantity: 1, Items: [{ HeaderName: 'X-Origin-Verify', HeaderValue: value }] },
        },
      ],
    },
  },
});

function secretWith(stages: Record<string, string[]>) {
  sm.on(DescribeSecretCommand).resolves({ RotationEnabled: true, VersionIdsToStages: stages });
}
const event = (Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret') => ({
  SecretId: SECRET,
  ClientRequestToken: 'v2',
  Step,
});

describe('origin secret rotation', () => {
  beforeEach(() => {
    sm.reset();
    cf.reset();
    secretWith({ v1: ['AWSCURRENT'], v2: ['AWSPENDING'] });
  });

  it('creates a new random pending value, once', async () => {
    sm.on(GetSecretValueCommand, { VersionId: 'v2' }).rejects(notFound());
    await originSecretRotation()(event('createSecret'));
    const put = sm.commandCalls(PutSecretValueCommand)[0]?.args[0].input;
    expect(put).toMatchObject({ SecretId: SECRET, ClientRequestToken: 'v2', VersionStages: ['AWSPENDING'] });
    expect(put?.SecretString).toMatch(/^[A-Za-z0-9_-]{48}$/);

    sm.on(GetSecretValueCommand, { VersionId: 'v2' }).resolves({ SecretString: 'new' });
    await originSecretRotation()(event('createSecret'));
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(1);
  });

  it('makes the API origin send the pending value, then checks that it does', async () => {
    sm.on(GetSecretValueCommand, { VersionId: 'v2' }).resolves({ SecretString: 'new' });
    // A fresh copy per call: the function edits the configuration it gets.
    cf.on(GetDistributionConfigCommand).callsFake(() => distribution('old'));
    await originSecretRotation({ distributionId: 'E123' })(event('setSecret'));
    const update = cf.commandCalls(UpdateDistributionCommand)[0]?.args[0].input;
    expect(update?.Id).toBe('E123');
    expect(update?.IfMatch).toBe('E1');
    expect(update?.DistributionConfig?.Origins?.Items?.[1]?.CustomHeaders?.Items).toEqual([
      { HeaderName: 'X-Origin-Verify', HeaderValue: 'new' },
    ]);
    expect(update?.DistributionConfig?.Origins?.Items?.[0]).toEqual({
      Id: 'site',
      DomainName: 'bucket.s3.eu-west-1.amazonaws.com',
    });

    await expect(originSecretRotation()(event('testSecret'))).rejects.toThrow(/does not send the pending/);
    cf.on(GetDistributionConfigCommand).resolves(distribution('new'));
    await originSecretRotation()(event('testSecret'));
    // A retried setSecret finds the header already set and changes nothing.
    await originSecretRotation()(event('setSecret'));
    expect(cf.commandCalls(UpdateDistributionCommand)).toHaveLength(1);
  });

  it('makes the pending version current', async () => {
    await originSecretRotation()(event('finishSecret'));
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)[0]?.args[0].input).toEqual({
      SecretId: SECRET,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: 'v2',
      RemoveFromVersionId: 'v1',
    });
  });

  it('does nothing for a version already current, and refuses one that is not pending', async () => {
    secretWith({ v2: ['AWSCURRENT'], v1: ['AWSPREVIOUS'] });
    await originSecretRotation()(event('finishSecret'));
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
    secretWith({ v1: ['AWSCURRENT'], v2: [] });
    await expect(originSecretRotation()(event('setSecret'))).rejects.toThrow(/not pending/);
  });
});
