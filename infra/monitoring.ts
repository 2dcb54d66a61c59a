/** Alarms (to an SNS topic, optionally mailed) and one dashboard for the stage. */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as codebuild from 'aws-cdk-lib/aws-codebuild';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ContextFunction } from './context-function.ts';

export type MonitoringProps = {
  stage: string;
  api: HttpApi;
  functions: Record<string, ContextFunction>;
  deadLetters: sqs.IQueue;
  /** The site build job and the dead letters of the function that starts it. */
  siteBuild?: { deadLetters: sqs.IQueue; project: codebuild.IProject };
  table: ITableV2;
  alarmEmail?: string;
};

const period = Duration.minutes(5);

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', {
      displayName: `Conference ${props.stage} alarms`,
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(created);
      return created;
    };

    alarm(
      'Api5xx',
      props.api.metricServerError({ period, statistic: 'Sum' }),
      5,
      'The API answered 5 or more 5xx in 5 minutes',
    );
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `${name}Errors`,
        fn.fn.metricErrors({ period, statistic: 'Sum' }),
        3,
        `The ${name} function failed 3 or more times in 5 minutes`,
      );
      alarm(
        `${name}Throttles`,
        fn.fn.metricThrottles({ period, statistic: 'Sum' }),
        1,
        `The ${name} function was throttled`,
      );
    }
    alarm(
      'MailDeadLetters',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      1,
      'Mail the worker could not send is waiting in the dead-letter queue',
    );
    if (props.siteBuild) {
      alarm(
        'SiteRebuildDeadLetters',
        props.siteBuild.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        1,
        'Site-rebuild requests that could not start a build are waiting in the dead-letter queue',
      );
      alarm(
        'SiteBuildFailed',
        props.siteBuild.project.metricFailedBuilds({ period, statistic: 'Sum' }),
        1,
        'A site build failed: the public pages may be out of date',
      );
    }
    const tableThrottles = new cloudwatch.MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: tableMetric(props.table, 'ReadThrottleEvents'),
        writes: tableMetric(props.table, 'WriteThrottleEvents'),
      },
      period,
    });
    alarm('TableThrottles', tableThrottles, 1, 'DynamoDB throttled reads or writes');

    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `conference-${props.stage}`,
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and errors',
            left: [
              props.api.metricCount({ period }),
              props.api.metricClientError({ period }),
              props.api.metricServerError({ period }),
            ],
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency p99 (ms)',
            left: [props.api.metricLatency({ period, statistic: 'p99' })],
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Function errors',
            left: Object.values(props.functions).map((f) => f.fn.metricErrors({ period })),
          }),
          new cloudwatch.GraphWidget({
            title: 'Function duration p99 (ms)',
            left: Object.values(props.functions).map((f) => f.fn.metricDuration({ period, statistic: 'p99' })),
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Mail dead letters',
            left: [props.deadLetters.metricApproximateNumberOfMessagesVisible({ period })],
          }),
          new cloudwatch.GraphWidget({ title: 'DynamoDB throttles', left: [tableThrottles] }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms }),
        ],
      ],
    });
  }
}

function tableMetric(table: ITableV2, metricName: string) {
  return new cloudwatch.Metric({
    namespace: 'AWS/DynamoDB',
    metricName,
    dimensionsMap: { TableName: table.tableName },
    statistic: 'Sum',
    period,
  });
}
