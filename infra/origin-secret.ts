/**
 * The secret CloudFront sends to the API in X-Origin-Verify, so a call straight to the API
 * Gateway URL (which skips the WAF) gets 403. Generated at deploy in Secrets Manager, read
 * by each context function (`functions/core/origin-secret.ts`), rotated every 30 days by a
 * function that also updates the header the distribution sends (`functions/edge/rotation.ts`).
 * `aws secretsmanager rotate-secret --secret-id <OriginSecretArn>` rotates it at once.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../functions/core/origin-secret.ts';
import { ContextFunction } from './context-function.ts';

export const ROTATION_DAYS = 30;

export class OriginSecret extends Construct {
  readonly secret: secretsmanager.Secret;
  readonly headerName = ORIGIN_HEADER;
  rotation?: ContextFunction;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: `Value CloudFront sends to the API in ${ORIGIN_HEADER}; the API refuses requests without it`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
  }

  /**
   * The value as CloudFormation resolves it at deploy (a dynamic reference: it is never in
   * the template). The rotation function sets the distribution's header between deploys.
   */
  get headerValue(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }

  /** Lets a context function check the header: the secret's ARN in ORIGIN_SECRET_ARN, and read access. */
  grantCheck(fn: ContextFunction) {
    fn.fn.addEnvironment('ORIGIN_SECRET_ARN', this.secret.secretArn);
    this.secret.grantRead(fn.role);
  }

  /** Rotates the secret every ROTATION_DAYS days, together with the header `distribution` sends. */
  rotateWith(distribution: cloudfront.IDistribution, logRetention: RetentionDays): ContextFunction {
    const rotation = new ContextFunction(this, 'Rotation', {
      entry: 'functions/edge/handler.ts',
      description: 'Rotates the origin secret and the header CloudFront sends',
      logRetention,
      environment: { DISTRIBUTION_ID: distribution.distributionId },
    });
    // What a rotation function does with its secret, on this secret only.
    rotation.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        resources: [this.secret.secretArn],
      }),
    );
    rotation.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        resources: [distribution.distributionArn],
      }),
    );
    // Only Secrets Manager may invoke it, and only for this secret.
    rotation.fn.addPermission('InvokedBySecretsManager', {
      principal: new iam.ServicePrincipal('secretsmanager.amazonaws.com'),
      sourceArn: this.secret.secretArn,
      sourceAccount: Stack.of(this).account,
    });
    // The L1 schedule, not Secret.addRotationSchedule: that would also grant
    // secretsmanager:GetRandomPassword on "*", which this function does not use.
    const schedule = new secretsmanager.CfnRotationSchedule(this, 'Schedule', {
      secretId: this.secret.secretArn,
      rotationLambdaArn: rotation.fn.functionArn,
      rotationRules: { scheduleExpression: `rate(${Duration.days(ROTATION_DAYS).toDays()} days)` },
      // The first rotation comes on schedule, not in the middle of the deploy that created the distribution.
      rotateImmediatelyOnUpdate: false,
    });
    // Invocable, with its policy in place, before Secrets Manager may call it.
    schedule.node.addDependency(rotation);
    this.rotation = rotation;
    return rotation;
  }
}
