import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';

type Resource = { Properties: Record<string, unknown> };

/** Synthesizes without bundling the functions unless asked: only the first synth reads the bundles. */
function synth(context: Record<string, unknown> = {}, options: Parameters<typeof buildApp>[1] = {}) {
  const app = new App({ context: { stage: 'test', 'aws:cdk:bundling-stacks': [], ...context } });
  return { app, ...buildApp(app, options) };
}

const values = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];

describe('CDK app', () => {
  let built: ReturnType<typeof synth>;
  let data: Template;
  let edge: Template;
  let app: Template;

  type Statement = { Action: string | string[]; Effect: string; Resource: unknown; Condition?: unknown };
  /** The IAM statements of the role of the function with this description. */
  function statementsOfFunction(description: string): Statement[] {
    const fn = values(app, 'AWS::Lambda::Function').find((f) => f.Properties.Description === description);
    const roleId = (fn?.Properties.Role as { 'Fn::GetAtt': [string, string] } | undefined)?.['Fn::GetAtt'][0];
    expect(roleId, description).toBeDefined();
    return values(app, 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  }

  beforeAll(() => {
    built = synth({ 'aws:cdk:bundling-stacks': ['**'] });
    data = Template.fromStack(built.stateful);
    edge = Template.fromStack(built.edge);
    app = Template.fromStack(built.stateless);
  });

  it('puts data and functions in the stage region and the web ACL in us-east-1', () => {
    expect([built.stateful.region, built.stateless.region, built.edge.region]).toEqual([
      'eu-west-1',
      'eu-west-1',
      'us-east-1',
    ]);
    expect([built.stateful.stackName, built.edge.stackName, built.stateless.stackName]).toEqual([
      'Conference-test-Data',
      'Conference-test-Edge',
      'Conference-test-App',
    ]);
  });

  it('keeps the table safe: PITR, deletion protection, retained, TTL and a keys-only stream', () => {
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
        // Keys only: no manage link, token or personal data travels in the stream.
        StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'GSI1' }), Match.objectLike({ IndexName: 'GSI2' })],
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  it('runs each context and the mail worker on arm64 nodejs24.x with JSON logs, tracing and log retention', () => {
    const ours = values(app, 'AWS::Lambda::Function').filter((f) => typeof f.Properties.Description === 'string');
    expect(ours.map((f) => f.Properties.Description).sort()).toEqual([
      'Adds the email to Cognito access tokens',
      'Lets unverified registrations lapse when their hold is due',
      'Rotates the origin secret and the header CloudFront sends',
      'Sends outbox mail from the table stream',
      'Starts the site build for site-rebuild requests from the table stream',
      'The agenda context',
      'The docs context',
      'The events context',
      'The identity context',
      'The registrations context',
      'The sponsors context',
    ]);
    for (const fn of ours) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: expect.objectContaining({ LogFormat: 'JSON' }),
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
    }
    // eleven function log groups, the site build's and the API access log, all with retention
    app.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 13);
    app.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'The sponsors context',
      Environment: {
        Variables: Match.objectLike({
          OIDC_ISSUER: Match.anyValue(),
          OIDC_CLIENT_IDS: Match.anyValue(),
          USER_POOL_ID: Match.anyValue(),
          SITE_URL: Match.anyValue(),
        }),
      },
    });
  });

  it('grants each function only its table actions, on its own key prefixes', () => {
    const statements = values(app, 'AWS::IAM::Policy').flatMap(
      (p) =>
        (
          p.Properties.PolicyDocument as {
            Statement: { Action: string | string[]; Condition?: unknown; Resource: unknown }[];
          }
        ).Statement,
    );
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
    const write = [
      'dynamodb:ConditionCheckItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ];
    const dynamo = statements.filter((s) => /dynamodb:(GetItem|PutItem)/.test(JSON.stringify(s.Action)));
    const grants = dynamo.map((s) => [
      JSON.stringify(s.Action) === JSON.stringify(read)
        ? 'read'
        : JSON.stringify(s.Action) === JSON.stringify(write)
          ? 'write'
          : 'other',
      // Reads reach the table and both indexes; writes the table only.
      [s.Resource].flat().length,
      (s.Condition as { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': string[] } })['ForAllValues:StringLike'][
        'dynamodb:LeadingKeys'
      ].join(' '),
    ]);
    expect(grants.sort()).toEqual(
      [
        ['read', 3, 'EVENT#* EVENTS#* CATEGORIES#*'],
        ['read', 3, 'EVENT#* AGENDA#* AGENDAV#* SITEBUILD#*'],
        ['write', 1, 'AGENDA#* AGENDAV#* SITEBUILD#*'],
        ['read', 3, 'MEMBER#*'],
        [
          'read',
          3,
          'SPONSORS#* MEMBER#* LEADS#* LEADSOF#* EVENT#* SPONSOR#* STAFF#* TIERS#* LEAD#* OUTBOX#* RATE#* SITEBUILD#* REG#* EMAIL#* CHECKIN#* CATEGORIES#*',
        ],
        // Booth staff are registrations written through registrations/public.ts.
        [
          'write',
          1,
          'SPONSOR#* STAFF#* TIERS#* LEAD#* OUTBOX#* RATE#* SITEBUILD#* REG#* EMAIL#* CHECKIN#* CATEGORIES#*',
        ],
        ['read', 3, 'OUTBOX#*'],
        ['write', 1, 'OUTBOX#*'],
        // The registrations function, and the hold sweeper with the same access.
        ...[1, 2].flatMap(() => [
          [
            'read',
            3,
            'EVENT#* REGS#* WAIT#* OUTBOXREG#* PAYDUE* LEADSOF#* CATEGORIES#* REG#* EMAIL#* IDEM#* CHECKIN#* HOLDS* OUTBOX#* RATE#* PAYREF#* INVOICESEQ#* SITEBUILD#* LEAD#* STAFF#*',
          ],
          // LEAD#: an attendee's leads go when consent is withdrawn; STAFF#: booth staff's pass
          // at their sponsor is released when their registration ends (sponsors/public.ts).
          [
            'write',
            1,
            'CATEGORIES#* REG#* EMAIL#* IDEM#* CHECKIN#* HOLDS* OUTBOX#* RATE#* PAYREF#* INVOICESEQ#* SITEBUILD#* LEAD#* STAFF#*',
          ],
        ]),
      ].sort(),
    );
    expect(statements.filter((s) => JSON.stringify(s.Action).includes('cognito-idp'))).toEqual([
      expect.objectContaining({ Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:ListUsers'] }),
    ]);
    expect(statements.filter((s) => JSON.stringify(s.Action).includes('ses:'))).toEqual([
      expect.objectContaining({ Action: 'ses:SendEmail', Effect: 'Allow' }),
    ]);
    expect(JSON.stringify(statements)).not.toContain('dynamodb:*');
  });

  it('feeds the mail worker from the stream with bisect, retries, partial failures and a dead-letter queue', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 8,
      MaximumRecordAgeInSeconds: 86400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { Keys: { PK: { S: [{ prefix: 'OUTBOX#' }] } } },
            }),
          },
        ],
      },
    });
    app.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
  });

  it('starts the site build job from site-rebuild requests on the stream, with partial failures and a dead-letter queue', () => {
    const starter = 'Starts the site build for site-rebuild requests from the table stream';
    const fn = Object.entries(app.findResources('AWS::Lambda::Function')).find(
      ([, f]) => f.Properties.Description === starter,
    );
    expect(fn).toBeDefined();
    const projects = app.findResources('AWS::CodeBuild::Project');
    expect(Object.keys(projects)).toHaveLength(1);
    const [projectId, project] = Object.entries(projects)[0]! as [string, Resource];
    expect(fn?.[1].Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: expect.anything(),
      SITE_BUILD_PROJECT: { Ref: projectId },
    });
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fn?.[0] },
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: 8,
      MaximumRecordAgeInSeconds: 86400,
      MaximumBatchingWindowInSeconds: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { Keys: { PK: { S: [{ prefix: 'SITEBUILD#' }] } } },
            }),
          },
        ],
      },
    });
    // The starter deletes requests (nothing else of the table) and starts this one project.
    const statements = statementsOfFunction(starter);
    expect(statements).toContainEqual({
      Action: 'dynamodb:DeleteItem',
      Effect: 'Allow',
      Resource: expect.anything(),
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SITEBUILD#*'] } },
    });
    expect(statements.filter((s) => JSON.stringify(s.Action).includes('codebuild:'))).toEqual([
      { Action: 'codebuild:StartBuild', Effect: 'Allow', Resource: { 'Fn::GetAtt': [projectId, 'Arn'] } },
    ]);
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:(PutItem|UpdateItem|GetItem|Query)"/);

    // The project: the sources as an S3 asset, an ARM standard image, its own key and log group.
    const props = project.Properties as {
      Source: { Type: string; Location: unknown; BuildSpec: string };
      Environment: {
        Type: string;
        Image: string;
        ComputeType: string;
        PrivilegedMode: boolean;
        EnvironmentVariables: { Name: string; Value: unknown }[];
      };
      EncryptionKey: unknown;
      LogsConfig: { CloudWatchLogs: { Status: string; GroupName: unknown } };
      ServiceRole: { 'Fn::GetAtt': [string, string] };
    };
    expect(props.Source.Type).toBe('S3');
    expect(props.Environment).toMatchObject({
      Type: 'ARM_CONTAINER',
      Image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0',
      ComputeType: 'BUILD_GENERAL1_SMALL',
      PrivilegedMode: false,
    });
    expect(props.Environment.EnvironmentVariables.map((v) => v.Name).sort()).toEqual([
      'API_BASE_URL',
      'ASTRO_TELEMETRY_DISABLED',
      'DISTRIBUTION_ID',
      'PUBLIC_OIDC_CLIENT_ID',
      'PUBLIC_OIDC_ISSUER',
      'PUBLIC_OIDC_SCOPE',
      'RETENTION_DAYS',
      'SITE_BUCKET',
      'SITE_URL',
    ]);
    const buildSpec = JSON.parse(props.Source.BuildSpec) as { phases: Record<string, { commands: string[] }> };
    expect(buildSpec.phases).toEqual({
      install: { commands: ['npm ci --no-audit --no-fund --ignore-scripts', 'npm rebuild node esbuild'] },
      build: { commands: ['npx astro build --root site', 'npx node scripts/publish-site.ts'] },
    });
    expect(JSON.stringify(props.EncryptionKey)).toMatch(/SiteBuildKey\w+","Arn"/);
    expect(props.LogsConfig.CloudWatchLogs.Status).toBe('ENABLED');
    app.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });

    // The build's role: the one source object, the site bucket, one distribution, its logs and key.
    const roleId = props.ServiceRole['Fn::GetAtt'][0];
    const roleStatements = values(app, 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    expect(roleStatements.map((s) => s.Action)).toEqual([
      ['s3:GetObject', 's3:GetObjectVersion'],
      ['s3:GetBucketAcl', 's3:GetBucketLocation'],
      's3:ListBucket',
      ['s3:PutObject', 's3:DeleteObject'],
      'cloudfront:CreateInvalidation',
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
      ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
    ]);
    expect(JSON.stringify(roleStatements[3]?.Resource)).toMatch(/SiteContent\w+","Arn"\]\},"\/\*"/);
    expect(JSON.stringify(roleStatements[4]?.Resource)).toMatch(/:distribution\/",\{"Ref":"SiteCdn\w+"\}/);
  });

  it('throttles the API by default and public writes harder, with JSON access logs', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    const routeKeys = values(app, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual([
      'ANY /api/events',
      'ANY /api/events/{eventId}/agenda',
      'ANY /api/events/{eventId}/agenda.ics',
      'ANY /api/events/{eventId}/agenda/{proxy+}',
      'ANY /api/events/{eventId}/categories',
      'ANY /api/events/{eventId}/categories/{proxy+}',
      'ANY /api/events/{eventId}/check-in',
      'ANY /api/events/{eventId}/check-in/{proxy+}',
      'ANY /api/events/{eventId}/payments/{proxy+}',
      'ANY /api/events/{eventId}/registrations',
      'ANY /api/events/{eventId}/registrations.csv',
      'ANY /api/events/{eventId}/registrations/{proxy+}',
      'ANY /api/events/{eventId}/rooms',
      'ANY /api/events/{eventId}/rooms/{proxy+}',
      'ANY /api/events/{eventId}/schedule.json',
      'ANY /api/events/{eventId}/schedule.xml',
      'ANY /api/events/{eventId}/sessions',
      'ANY /api/events/{eventId}/sessions/{proxy+}',
      'ANY /api/events/{eventId}/speakers',
      'ANY /api/events/{eventId}/speakers/{proxy+}',
      'ANY /api/events/{eventId}/sponsor-tiers',
      'ANY /api/events/{eventId}/sponsors',
      'ANY /api/events/{eventId}/sponsors/{proxy+}',
      'ANY /api/events/{eventId}/tracks',
      'ANY /api/events/{eventId}/tracks/{proxy+}',
      'ANY /api/events/{proxy+}',
      'ANY /api/health',
      'ANY /api/me',
      'ANY /api/openapi.json',
      'ANY /api/reference',
      'ANY /api/registrations/{proxy+}',
      'ANY /api/sponsors/{proxy+}',
      'ANY /api/{proxy+}',
      'POST /api/events/{eventId}/registrations',
      'POST /api/events/{eventId}/registrations/resend-link',
    ]);
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        'POST /api/events/{eventId}/registrations': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
        'POST /api/events/{eventId}/registrations/resend-link': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      },
    });
  });

  it('serves the site from a private bucket through CloudFront with OAC, security headers and the web ACL', () => {
    // The site bucket and the logos bucket (/media/*).
    app.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    for (const bucket of values(app, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    app.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: Match.anyValue(),
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/media/*', ViewerProtocolPolicy: 'redirect-to-https' }),
          Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' }),
        ],
        Logging: Match.objectLike({ Prefix: 'cdn/' }),
      }),
    });
    const headers = values(app, 'AWS::CloudFront::ResponseHeadersPolicy')[0]?.Properties
      .ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    const security = headers.SecurityHeadersConfig;
    // The policy names the logos bucket's endpoint (uploads), so CloudFormation joins it.
    const csp = JSON.stringify(security.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/SiteLogos\w+","RegionalDomainName"/);
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Preload: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ReferrerPolicy).toEqual({ Override: true, ReferrerPolicy: 'strict-origin-when-cross-origin' });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
  });

  it('lets the API be reached only through CloudFront: a generated, rotated secret header every context can read', () => {
    const secrets = app.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(1);
    const secretId = Object.keys(secrets)[0]!;
    app.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ ExcludePunctuation: true, PasswordLength: 48 }),
    });
    // The /api/* origin sends the secret as it is in Secrets Manager (a dynamic reference).
    const config = values(app, 'AWS::CloudFront::Distribution')[0]?.Properties.DistributionConfig as {
      Origins: { Id: string; CustomOriginConfig?: unknown; OriginCustomHeaders?: unknown[] }[];
    };
    const apiOrigins = config.Origins.filter((o) => o.CustomOriginConfig);
    expect(apiOrigins).toHaveLength(1);
    expect(apiOrigins[0]?.OriginCustomHeaders).toEqual([
      {
        HeaderName: 'X-Origin-Verify',
        HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] },
      },
    ]);
    // Rotated on a schedule by a function that also updates the distribution's header.
    app.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      SecretId: { Ref: secretId },
      RotationLambdaARN: Match.anyValue(),
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    const rotator = statementsOfFunction('Rotates the origin secret and the header CloudFront sends');
    expect(rotator).toContainEqual(
      expect.objectContaining({
        Action: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        Effect: 'Allow',
      }),
    );
    // Every context reads it: its name in the environment and GetSecretValue on it.
    for (const name of ['docs', 'events', 'identity', 'registrations', 'sponsors']) {
      const description = `The ${name} context`;
      // Through the Parameters and Secrets extension (no SDK client bundled), its cache off.
      app.hasResourceProperties('AWS::Lambda::Function', {
        Description: description,
        Environment: {
          Variables: Match.objectLike({
            ORIGIN_SECRET_ARN: { Ref: secretId },
            PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'false',
          }),
        },
        Layers: [Match.anyValue()],
      });
      const reads = statementsOfFunction(description).filter(
        (s) => JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue') && s.Effect === 'Allow',
      );
      expect([name, reads.map((s) => s.Resource)]).toEqual([name, [{ Ref: secretId }]]);
    }
  });

  it('gives the API the viewer address CloudFront saw, and has the functions count that address', () => {
    const policies = app.findResources('AWS::CloudFront::OriginRequestPolicy');
    expect(Object.keys(policies)).toHaveLength(1);
    const [policyId, policy] = Object.entries(policies)[0]!;
    const config = (policy as Resource).Properties.OriginRequestPolicyConfig as {
      HeadersConfig: { HeaderBehavior: string; Headers: string[] };
    };
    // Named headers only: the Host stays the API's, and CloudFront writes the viewer address itself.
    expect(config.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(config.HeadersConfig.Headers).toContain('CloudFront-Viewer-Address');
    expect(config.HeadersConfig.Headers).not.toContain('Host');
    app.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/media/*' }),
          Match.objectLike({ PathPattern: '/api/*', OriginRequestPolicyId: { Ref: policyId } }),
        ],
      }),
    });
    for (const name of ['docs', 'events', 'identity', 'registrations', 'sponsors']) {
      app.hasResourceProperties('AWS::Lambda::Function', {
        Description: `The ${name} context`,
        Environment: { Variables: Match.objectLike({ CLIENT_ADDRESS_SOURCE: 'cloudfront-viewer-address' }) },
      });
    }
  });

  it('caches public API GETs only as long as the API says, keyed by Authorization', () => {
    app.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: 300,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'none' },
        }),
      }),
    });
  });

  it('puts AWS managed rule groups and a per-IP rate rule in the CloudFront web ACL', () => {
    const acl = values(edge, 'AWS::WAFv2::WebACL')[0]?.Properties as {
      Scope: string;
      Rules: { Name: string; Statement: Record<string, unknown> }[];
    };
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.Rules.map((r) => r.Name)).toEqual([
      'RateLimitPerIp',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesAmazonIpReputationList',
    ]);
    expect(acl.Rules[0]?.Statement).toEqual({
      RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 },
    });
  });

  it('takes a custom domain and certificate by configuration, with TLS 1.2 or later', () => {
    const custom = synth({
      stages: {
        test: {
          domainName: 'itconf.example.org',
          certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc',
        },
      },
    });
    Template.fromStack(custom.stateless).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['itconf.example.org'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
    expect(() => synth({ stages: { test: { domainName: 'itconf.example.org' } } })).toThrow(
      /domainName and certificateArn go together/,
    );
  });

  it('signs people in with a Cognito pool: MFA, role groups, a PKCE client, a managed-login domain, email in access tokens', () => {
    app.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V2_0' } },
    });
    app.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    expect(values(app, 'AWS::Cognito::UserPoolGroup').map((g) => g.Properties.GroupName)).toEqual([
      'organisers',
      'staff',
    ]);
    app.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    app.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'customs-itc-test', ManagedLoginVersion: 2 });
  });

  it('sends mail from an SES identity with a configuration set', () => {
    app.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      ConfigurationSetAttributes: Match.anyValue(),
    });
    app.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('alarms on API 5xx, function errors and throttles, dead letters and table throttles, with a dashboard', () => {
    const descriptions = values(app, 'AWS::CloudWatch::Alarm').map((a) => a.Properties.AlarmDescription);
    const perFunction = [
      'agenda',
      'docs',
      'events',
      'holdSweeper',
      'identity',
      'mail',
      'originSecretRotation',
      'preToken',
      'registrations',
      'siteRebuild',
      'sponsors',
    ].flatMap((name) => [
      `The ${name} function failed 3 or more times in 5 minutes`,
      `The ${name} function was throttled`,
    ]);
    expect(descriptions.sort()).toEqual(
      [
        'DynamoDB throttled reads or writes',
        'Mail the worker could not send is waiting in the dead-letter queue',
        'Site-rebuild requests that could not start a build are waiting in the dead-letter queue',
        'A site build failed: the public pages may be out of date',
        'The API answered 5 or more 5xx in 5 minutes',
        ...perFunction,
      ].sort(),
    );
    for (const alarm of values(app, 'AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    app.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'conference-test' });
  });

  it("sweeps lapsed registration holds every five minutes with the registrations context's table access", () => {
    const rules = values(app, 'AWS::Events::Rule');
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toEqual(['rate(5 minutes)']);
    const [target] = (rules[0]?.Properties.Targets ?? []) as { Arn: unknown }[];
    const sweeper = Object.entries(app.findResources('AWS::Lambda::Function')).find(
      ([, f]) => f.Properties.Description === 'Lets unverified registrations lapse when their hold is due',
    );
    expect(sweeper).toBeDefined();
    expect(target?.Arn).toEqual({ 'Fn::GetAtt': [sweeper?.[0], 'Arn'] });
    expect(sweeper?.[1].Properties.Environment.Variables.TABLE_NAME).toBeDefined();
  });

  it('gives the functions the default limits', () => {
    const limitsOf = (name: string) =>
      values(app, 'AWS::Lambda::Function')
        .filter((f) => f.Properties.Description === `The ${name} context`)
        .map((f) => {
          const variables = (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
          return Object.fromEntries(Object.entries(variables).filter(([key]) => /LIMIT|PER_HOUR/.test(key)));
        });
    expect(limitsOf('registrations')).toEqual([{ SIGNUP_LIMIT_PER_CLIENT: '20', SIGNUP_LIMIT_PER_EMAIL: '5' }]);
    expect(limitsOf('sponsors')).toEqual([{ INVITATIONS_PER_HOUR: '30' }]);
    expect(limitsOf('events')).toEqual([{}]);
  });

  it('reads stage settings from context', () => {
    const prod = synth({
      stage: 'prod',
      stages: {
        prod: {
          logRetentionDays: 90,
          apiRateLimit: 500,
          alarmEmail: 'ops@example.org',
          signupLimitPerClient: 200,
          signupLimitPerEmail: 3,
          invitationsPerHour: 12,
        },
      },
    });
    const template = Template.fromStack(prod.stateless);
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 90 }, 13);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 400 },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'The registrations context',
      Environment: {
        Variables: Match.objectLike({ SIGNUP_LIMIT_PER_CLIENT: '200', SIGNUP_LIMIT_PER_EMAIL: '3' }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'The sponsors context',
      Environment: { Variables: Match.objectLike({ INVITATIONS_PER_HOUR: '12' }) },
    });
    expect(() => synth({ stages: { test: { logRetentionDays: 3 } } })).toThrow(/logRetentionDays must be one of/);
    for (const value of [0, -1, 2.5, '20']) {
      expect(() => synth({ stages: { test: { signupLimitPerClient: value } } })).toThrow(
        /signupLimitPerClient must be a whole number of at least 1/,
      );
    }
  });

  it('gives the sponsors function the logos bucket and objects under media/logos/ only', () => {
    const sponsors = values(app, 'AWS::Lambda::Function').find(
      (f) => f.Properties.Description === 'The sponsors context',
    );
    expect(sponsors).toBeDefined();
    const variables = (sponsors!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(['LOGOS_BUCKET', 'RETENTION_DAYS']));
    const s3Statements = statementsOfFunction('The sponsors context').filter((s) =>
      JSON.stringify(s.Action).includes('s3:'),
    );
    expect(s3Statements.map((s) => [s.Action, JSON.stringify(s.Resource)])).toEqual([
      [['s3:PutObject', 's3:GetObject'], expect.stringMatching(/SiteLogos.*\/media\/logos\/\*/)],
    ]);
    const logos = values(app, 'AWS::S3::Bucket').filter((b) =>
      JSON.stringify(b.Properties.CorsConfiguration ?? '').includes('POST'),
    );
    expect(logos.length).toBe(1);
  });

  it('passes cdk-nag AwsSolutions with at most eight acknowledgements, each with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(built.app);
    expect(
      report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`),
    ).toEqual([]);
    const acknowledged = built.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions'));
    expect(acknowledged.map(([id]) => id.replace(/^Annotation::/, '')).sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR4',
      'AwsSolutions-IAM5[Resource::*]',
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<SiteContent\w+\.Arn>\/\*\]$/),
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<SiteLogos\w+\.Arn>\/media\/logos\/\*\]$/),
      'AwsSolutions-SQS3',
      'AwsSolutions-SQS3',
    ]);
    for (const [, reason] of acknowledged) expect(reason.length).toBeGreaterThan(40);
  });
});
