/**
 * One Lambda per bounded context, with the defaults every context shares: Node 24 on arm64,
 * minified ESM bundles with source maps, the AWS SDK bundled (pinned by our lock, not the
 * runtime's copy), JSON logs with the request id, a log group with retention, X-Ray tracing,
 * and a role that holds only what the function is granted.
 */

import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TableGrant } from '../functions/contexts.ts';
import { tableDefinition } from '../functions/core/table.ts';

export const projectRoot = join(import.meta.dirname, '..');

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
// ConditionCheckItem only checks, but only transactions that also write use it.
const writeActions = [
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

export class ContextFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;

  readonly logGroup: logs.LogGroup;

  constructor(
    scope: Construct,
    id: string,
    props: {
      entry: string;
      description: string;
      logRetention: logs.RetentionDays;
      environment?: Record<string, string>;
    },
  ) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup = logGroup;
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    // A log group's ARN ends in ":*", which covers the streams Lambda creates in it.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(projectRoot, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      projectRoot,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node24',
        externalModules: [],
        // ESM bundles of CommonJS packages (the AWS SDK) still call require().
        banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
        mainFields: ['module', 'main'],
      },
    });
  }

  /**
   * Sets TABLE_NAME and grants the table by partition-key prefix (`dynamodb:LeadingKeys`):
   * reads of the table and its indexes on `read` and `readWrite` prefixes, writes of the
   * table (indexes take none) on `readWrite` prefixes only.
   */
  useTable(table: ITableV2, grant: TableGrant) {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    const readWrite = grant.readWrite ?? [];
    const readable = [...(grant.read ?? []), ...readWrite];
    const leadingKeys = (prefixes: string[]) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((p) => `${p}*`) },
    });
    const indexes = tableDefinition.globalIndexes.map((index) =>
      Stack.of(this).formatArn({
        service: 'dynamodb',
        resource: 'table',
        resourceName: `${table.tableName}/index/${index.indexName}`,
      }),
    );
    if (readable.length > 0) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          actions: readActions,
          resources: [table.tableArn, ...indexes],
          conditions: leadingKeys(readable),
        }),
      );
    }
    if (readWrite.length > 0) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          actions: writeActions,
          resources: [table.tableArn],
          conditions: leadingKeys(readWrite),
        }),
      );
    }
  }
}
