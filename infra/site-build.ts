/**
 * The site build job in AWS: when a use case writes a site-rebuild request
 * (functions/core/site-rebuild.ts), a small function on the table stream starts a CodeBuild
 * project that builds the static site from the repository's sources (an S3 asset) against
 * the live API, uploads it to the site bucket with the deploy's cache headers
 * (scripts/publish-site.ts → scripts/upload-site.ts) and invalidates the CDN.
 * The build's role holds only that: the one source object, the site bucket, one
 * distribution's invalidations, its log group and its key.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SITE_REBUILD_PK_PREFIX } from '../functions/core/site-rebuild.ts';
import { ContextFunction, projectRoot } from './context-function.ts';

/**
 * What the build does not need: dependencies (npm ci installs them), local data, outputs,
 * tests, and everything git ignores (test/infra/site-sources.test.ts). The local twin's
 * build directories matter most: a synth fingerprinting them while the twin swaps a fresh
 * build in would read files that are being moved.
 */
export const siteSourceExcludes = [
  'node_modules',
  '**/node_modules',
  '.git',
  '.data',
  '.ci',
  'cdk.out',
  'site/dist',
  'site/.astro',
  'site/.dist-next',
  'site/.dist-old',
  'test',
  'bench/results.md',
  '*.log',
  '.DS_Store',
];

export type SiteBuildProps = {
  table: ITableV2;
  bucket: s3.IBucket;
  distributionId: string;
  siteUrl: string;
  oidcIssuer: string;
  oidcClientId: string;
  logRetention: logs.RetentionDays;
  /** Days after the event that personal data is kept: the privacy notice says it. */
  retentionDays: number;
};

export class SiteBuild extends Construct {
  readonly project: codebuild.Project;
  readonly starter: ContextFunction;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: SiteBuildProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const sources = new Asset(this, 'Sources', { path: projectRoot, exclude: siteSourceExcludes });
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the site build job',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // The project would grant itself wider defaults (the asset bucket's objects, every
    // /aws/codebuild log group, report groups); it gets an immutable view of the role and the
    // role gets exactly the statements below.
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [sources.bucket.arnForObjects(sources.s3ObjectKey)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetBucketAcl', 's3:GetBucketLocation'],
        resources: [sources.bucket.bucketArn],
      }),
    );
    // Upload, then delete what the new build no longer has (scripts/upload-site.ts).
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [props.bucket.arnForObjects('*')],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['cloudfront:CreateInvalidation'],
        resources: [
          stack.formatArn({
            service: 'cloudfront',
            region: '',
            resource: 'distribution',
            resourceName: props.distributionId,
          }),
        ],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
      }),
    );

    this.project = new codebuild.Project(this, 'Project', {
      description: 'Builds the static site against the live API and publishes it',
      role: role.withoutPolicyUpdates(),
      source: codebuild.Source.s3({ bucket: sources.bucket, path: sources.s3ObjectKey }),
      encryptionKey: key,
      grantReportGroupPermissions: false,
      timeout: Duration.minutes(20),
      logging: { cloudWatch: { logGroup } },
      environment: {
        buildImage: codebuild.LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0,
        computeType: codebuild.ComputeType.SMALL,
        privileged: false,
      },
      environmentVariables: Object.fromEntries(
        Object.entries({
          API_BASE_URL: props.siteUrl,
          SITE_URL: props.siteUrl,
          PUBLIC_OIDC_ISSUER: props.oidcIssuer,
          PUBLIC_OIDC_CLIENT_ID: props.oidcClientId,
          PUBLIC_OIDC_SCOPE: 'openid email profile',
          RETENTION_DAYS: String(props.retentionDays),
          ASTRO_TELEMETRY_DISABLED: '1',
          SITE_BUCKET: props.bucket.bucketName,
          DISTRIBUTION_ID: props.distributionId,
        }).map(([name, value]) => [name, { value }]),
      ),
      // npm ci brings the pinned Node 24 (the `node` devDependency); npx runs the tools with it.
      // Install scripts run only for the packages package.json `allowScripts` names (node,
      // esbuild), whatever the image's npm version makes of that field.
      buildSpec: codebuild.BuildSpec.fromObject({
        version: '0.2',
        phases: {
          install: { commands: ['npm ci --no-audit --no-fund --ignore-scripts', 'npm rebuild node esbuild'] },
          build: { commands: ['npx astro build --root site', 'npx node scripts/publish-site.ts'] },
        },
      }),
    });

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.starter = new ContextFunction(this, 'Starter', {
      entry: 'functions/publishing/site-rebuild-handler.ts',
      description: 'Starts the site build for site-rebuild requests from the table stream',
      logRetention: props.logRetention,
      environment: { TABLE_NAME: props.table.tableName, SITE_BUILD_PROJECT: this.project.projectName },
    });
    // It deletes handled requests and reads nothing of the table but the stream.
    this.starter.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DeleteItem'],
        resources: [props.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${SITE_REBUILD_PK_PREFIX}*`] },
        },
      }),
    );
    this.starter.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['codebuild:StartBuild'], resources: [this.project.projectArn] }),
    );
    this.starter.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        // Requests in a row (a burst of approvals) make one build.
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(10),
        retryAttempts: 8,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { PK: { S: FilterRule.beginsWith(SITE_REBUILD_PK_PREFIX) } } },
          }),
        ],
      }),
    );
  }
}
