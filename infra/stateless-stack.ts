/** Everything that can be replaced freely: functions, API, mail, sign-in, site and CDN, monitoring. */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { contexts as allContexts, type ContextDefinition } from '../functions/contexts.ts';
import type { ClientAddressSource } from '../functions/core/client-address.ts';
import { Auth } from './auth.ts';
import type { StageConfig } from './config.ts';
import { ContextFunction } from './context-function.ts';
import { Mail } from './mail.ts';
import { Monitoring } from './monitoring.ts';
import { OriginSecret } from './origin-secret.ts';
import { SiteBuild } from './site-build.ts';
import { SiteCdn } from './site-cdn.ts';

export type StatelessStackProps = StackProps & {
  config: StageConfig;
  table: ITableV2;
  webAclArn: string;
  /** The API's contexts; tests may pass their own. */
  contexts?: ContextDefinition[];
};

const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    bytes: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

export class StatelessStack extends Stack {
  readonly functions: Record<string, ContextFunction> = {};
  readonly api: HttpApi;
  readonly site: SiteCdn;
  readonly originSecret: OriginSecret;
  readonly auth: Auth;
  readonly mail: Mail;
  readonly siteBuild: SiteBuild;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const contexts = props.contexts ?? allContexts;

    this.api = new HttpApi(this, 'Api', { createDefaultStage: false, description: 'Conference platform API' });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: config.logRetention });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });

    const authDomain = `https://${config.authDomainPrefix}.auth.${this.region}.amazoncognito.com`;
    const cognitoIdp = `https://cognito-idp.${this.region}.amazonaws.com`;
    this.originSecret = new OriginSecret(this, 'OriginSecret');
    this.site = new SiteCdn(this, 'Site', {
      api: this.api,
      originHeader: { name: this.originSecret.headerName, value: this.originSecret.headerValue },
      webAclArn: props.webAclArn,
      authOrigins: [authDomain, cognitoIdp],
      domainName: config.domainName,
      certificateArn: config.certificateArn,
    });
    const siteUrl = config.domainName
      ? `https://${config.domainName}`
      : `https://${this.site.distribution.distributionDomainName}`;
    this.auth = new Auth(this, 'Auth', {
      siteUrl,
      domainPrefix: config.authDomainPrefix,
      logRetention: config.logRetention,
    });
    this.functions.preToken = this.auth.preToken;
    this.functions.originSecretRotation = this.originSecret.rotateWith(this.site.distribution, config.logRetention);

    for (const context of contexts) {
      const fn = new ContextFunction(this, `${context.name}Function`, {
        entry: context.entry,
        description: `The ${context.name} context`,
        // The origin secret (grantCheck below), read through the extension.
        readsSecrets: true,
        logRetention: config.logRetention,
        environment: {
          SITE_ORIGIN: siteUrl,
          SITE_URL: siteUrl,
          // Trusted only on requests with the origin secret, which CloudFront alone sends.
          CLIENT_ADDRESS_SOURCE: 'cloudfront-viewer-address' satisfies ClientAddressSource,
          ...(context.holdsPersonalData ? { RETENTION_DAYS: String(config.retentionDays) } : {}),
          ...(context.authenticates
            ? { OIDC_ISSUER: this.auth.issuer, OIDC_CLIENT_IDS: this.auth.siteClient.userPoolClientId }
            : {}),
          ...(context.managesUsers ? { USER_POOL_ID: this.auth.userPool.userPoolId } : {}),
          ...Object.fromEntries((context.limits ?? []).map((name) => [name, String(config.limits[name])])),
        },
      });
      this.originSecret.grantCheck(fn);
      if (context.table) fn.useTable(table, context.table);
      if (context.logos) {
        // Signs uploads (a presigned POST needs PutObject) and checks them (HEAD needs GetObject), under media/logos/ only.
        fn.fn.addEnvironment('LOGOS_BUCKET', this.site.logos.bucketName);
        fn.role.addToPolicy(
          new iam.PolicyStatement({
            actions: ['s3:PutObject', 's3:GetObject'],
            resources: [this.site.logos.arnForObjects('media/logos/*')],
          }),
        );
      }
      if (context.managesUsers) {
        fn.role.addToPolicy(
          new iam.PolicyStatement({
            actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:ListUsers'],
            resources: [this.auth.userPool.userPoolArn],
          }),
        );
      }
      const integration = new HttpLambdaIntegration(`${context.name}Integration`, fn.fn);
      for (const path of context.paths) this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration });
      for (const routeKey of context.publicWrites ?? []) {
        const [method, path] = routeKey.split(' ') as [string, string];
        this.api.addRoutes({ path, methods: [method as HttpMethod], integration });
      }
      this.functions[context.name] = fn;
    }
    // Unverified registrations lapse when their hold is due: a sweep every five minutes, with
    // the registrations context's own table access.
    const registrations = contexts.find((c) => c.name === 'registrations');
    if (registrations?.table) {
      const holdSweeper = new ContextFunction(this, 'HoldSweeper', {
        entry: 'functions/registrations/sweeper.ts',
        description: 'Lets unverified registrations lapse when their hold is due',
        logRetention: config.logRetention,
        environment: { SITE_URL: siteUrl, RETENTION_DAYS: String(config.retentionDays) },
      });
      holdSweeper.useTable(table, registrations.table);
      new events.Rule(this, 'HoldSweep', {
        description: 'Sweep lapsed registration holds',
        schedule: events.Schedule.rate(Duration.minutes(5)),
        targets: [new eventTargets.LambdaFunction(holdSweeper.fn, { retryAttempts: 2 })],
      });
      this.functions.holdSweeper = holdSweeper;
    }

    const publicWrites = contexts.flatMap((c) => c.publicWrites ?? []);
    if (publicWrites.length > 0) {
      // RouteSettings is a free-form map in CloudFormation, so its keys are written as CloudFormation spells them.
      (stage.node.defaultChild as CfnStage).addPropertyOverride(
        'RouteSettings',
        Object.fromEntries(
          publicWrites.map((routeKey) => [
            routeKey,
            { ThrottlingRateLimit: config.publicWriteRateLimit, ThrottlingBurstLimit: config.publicWriteBurstLimit },
          ]),
        ),
      );
    }

    this.mail = new Mail(this, 'Mail', {
      table,
      mailFromDomain: config.mailFromDomain,
      logRetention: config.logRetention,
    });
    this.functions.mail = this.mail.worker;

    // Site-rebuild requests start the site build job (locally the twin rebuilds instead).
    this.siteBuild = new SiteBuild(this, 'SiteBuild', {
      table,
      bucket: this.site.bucket,
      distributionId: this.site.distribution.distributionId,
      siteUrl,
      oidcIssuer: this.auth.issuer,
      oidcClientId: this.auth.siteClient.userPoolClientId,
      logRetention: config.logRetention,
      retentionDays: config.retentionDays,
    });
    this.functions.siteRebuild = this.siteBuild.starter;

    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      api: this.api,
      functions: this.functions,
      deadLetters: this.mail.deadLetters,
      siteBuild: { deadLetters: this.siteBuild.deadLetters, project: this.siteBuild.project },
      table,
      alarmEmail: config.alarmEmail,
    });

    const output = (name: string, value: string) => new CfnOutput(this, name, { value });
    output('SiteUrl', siteUrl);
    output('SiteBucketName', this.site.bucket.bucketName);
    output('DistributionId', this.site.distribution.distributionId);
    output('ApiEndpoint', this.api.apiEndpoint);
    output('OriginSecretArn', this.originSecret.secret.secretArn);
    output('UserPoolId', this.auth.userPool.userPoolId);
    output('SiteClientId', this.auth.siteClient.userPoolClientId);
    output('AuthDomain', authDomain);
    output('OidcIssuer', this.auth.issuer);
  }
}
