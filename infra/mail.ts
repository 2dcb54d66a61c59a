/** Outbound mail: the SES identity and configuration set, and the outbox worker fed by the table stream. */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOX_PK_PREFIX } from '../functions/mail/outbox.ts';
import { ContextFunction } from './context-function.ts';

export class Mail extends Construct {
  readonly worker: ContextFunction;
  readonly deadLetters: sqs.Queue;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(
    scope: Construct,
    id: string,
    props: { table: ITableV2; mailFromDomain: string; logRetention: logs.RetentionDays },
  ) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.mailFromDomain),
      configurationSet: this.configurationSet,
    });

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.worker = new ContextFunction(this, 'Worker', {
      entry: 'functions/mail/handler.ts',
      description: 'Sends outbox mail from the table stream',
      logRetention: props.logRetention,
      environment: {
        MAIL_FROM: `Customs IT Conference <no-reply@${props.mailFromDomain}>`,
        SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      },
    });
    this.worker.useTable(props.table, { readWrite: [OUTBOX_PK_PREFIX] });
    this.worker.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          identity.emailIdentityArn,
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
    this.worker.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { PK: { S: FilterRule.beginsWith(OUTBOX_PK_PREFIX) } } },
          }),
        ],
      }),
    );
  }
}
