import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';

function synth(options: { withSite: boolean }) {
  const sitePath = mkdtempSync(join(tmpdir(), 'site-'));
  if (options.withSite) writeFileSync(join(sitePath, 'index.html'), '<!doctype html><title>t</title>');
  const app = new App({ context: { stage: 'test' } });
  const stacks = buildApp(app, { sitePath });
  return { app, ...stacks };
}

describe('CDK app', () => {
  let built: ReturnType<typeof synth>;
  let data: Template;
  let stateless: Template;

  beforeAll(() => {
    built = synth({ withSite: true });
    data = Template.fromStack(built.stateful);
    stateless = Template.fromStack(built.stateless);
  });

  it('keeps the table safe: PITR, deletion protection, retained, TTL and stream', () => {
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'GSI1', KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }] }),
          Match.objectLike({ IndexName: 'GSI2', KeySchema: [{ AttributeName: 'GSI2PK', KeyType: 'HASH' }, { AttributeName: 'GSI2SK', KeyType: 'RANGE' }] }),
        ],
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  it('runs one arm64 nodejs24.x function per context with JSON logs, tracing and log retention', () => {
    const functions = stateless.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs24.x' },
    });
    expect(Object.keys(functions)).toHaveLength(2);
    for (const fn of Object.values(functions) as { Properties: Record<string, unknown> }[]) {
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON' });
    }
    stateless.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 3);
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'The events context',
      Environment: { Variables: { TABLE_NAME: Match.anyValue(), NODE_OPTIONS: '--enable-source-maps' } },
    });
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'The docs context',
      Environment: { Variables: Match.objectEquals({ NODE_OPTIONS: '--enable-source-maps' }) },
    });
  });

  it('grants the events function only reads, on the table and its named indexes', () => {
    const policies = stateless.findResources('AWS::IAM::Policy', {
      Properties: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['dynamodb:Query']) })]) } },
    });
    expect(Object.keys(policies)).toHaveLength(1);
    const statements = (Object.values(policies)[0] as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } })
      .Properties.PolicyDocument.Statement;
    const dynamo = statements.find((s) => JSON.stringify(s.Action).includes('dynamodb'));
    expect(dynamo?.Action).toEqual(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem']);
    expect(JSON.stringify(dynamo?.Resource)).toContain('/index/GSI1');
    expect(JSON.stringify(dynamo?.Resource)).toContain('/index/GSI2');
    expect(JSON.stringify(dynamo?.Resource)).not.toContain('index/*');
  });

  it('routes the API paths of each context through the HTTP API, with throttling and access logs', () => {
    const routeKeys = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual([
      'ANY /api/events',
      'ANY /api/events/{proxy+}',
      'ANY /api/health',
      'ANY /api/openapi.json',
      'ANY /api/reference',
      'ANY /api/{proxy+}',
    ]);
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.requestId') },
    });
  });

  it('serves the site from a private bucket through CloudFront with origin access control and /api/* to the API', () => {
    stateless.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    for (const bucket of Object.values(stateless.findResources('AWS::S3::Bucket')) as { Properties: Record<string, unknown> }[]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          }),
        ],
        Logging: Match.objectLike({ Prefix: 'cdn/' }),
      }),
    });
    stateless.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });

  it('deploys no site content when the site has not been built', () => {
    const { stateless: withoutSite } = synth({ withSite: false });
    Template.fromStack(withoutSite).resourceCountIs('Custom::CDKBucketDeployment', 0);
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', () => {
    const report = new AwsSolutionsChecks().validateScope(built.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });
});
