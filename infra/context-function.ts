/**
 * One Lambda per bounded context, with the defaults every context shares: Node 24 on arm64,
 * bundled by infra/bundling.ts (minified ESM with source maps and lazily loaded chunks, the
 * AWS SDK bundled), JSON logs with the request id, a log group with retention, X-Ray
 * tracing, and a role that holds only what the function is granted.
 */

import { AssetHashType, DockerImage, Duration, type ILocalBundling, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsVersions,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TableGrant } from '../functions/contexts.ts';
import { tableDefinition } from '../functions/core/table.ts';
import { bundleFunction, HANDLER, projectRoot } from './bundling.ts';

export { projectRoot };

/**
 * Bundles on this machine at synth (esbuild is a dev dependency; there is no Docker
 * fallback). `entry` is a field, not only a closure: CDK caches staged assets by their
 * bundling options as JSON, so two functions must differ there.
 */
class LocalBundling implements ILocalBundling {
  readonly entry: string;

  constructor(entry: string) {
    this.entry = entry;
  }

  tryBundle(outputDir: string): boolean {
    bundleFunction(this.entry, outputDir);
    return true;
  }
}

/** The function's code: the bundle infra/bundling.ts makes, hashed by its output. */
export function bundledCode(entry: string): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: { image: DockerImage.fromRegistry('unused-local-bundling-only'), local: new LocalBundling(entry) },
  });
}

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
  readonly fn: LambdaFunction;
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
      /**
       * Reads secrets through the Parameters and Secrets extension (a layer), with its cache
       * off: the code keeps its own (functions/core/origin-secret.ts).
       */
      readsSecrets?: boolean;
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
    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: HANDLER,
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      paramsAndSecrets: props.readsSecrets
        ? ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, { cacheEnabled: false })
        : undefined,
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
