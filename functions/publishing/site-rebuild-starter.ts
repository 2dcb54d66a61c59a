/**
 * Starts the site build job (a CodeBuild project) for the site-rebuild requests
 * (functions/core/site-rebuild.ts) that reach it from the table's stream, then deletes them.
 * One build per batch, whatever the number of requests: the build reads everything from the
 * live API, so a build started after a request was written covers it, and builds are
 * idempotent. A StartBuild that fails is reported on the batch's first request (the stream
 * retries from there, then hands the batch to the dead-letter queue), so no request is lost.
 */
import { type CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { DocumentClient } from '../core/dynamo.ts';
import { siteRebuildIdOf, siteRebuildKey } from '../core/site-rebuild.ts';

export type SiteRebuildStarterDeps = {
  doc: DocumentClient;
  codeBuild: CodeBuildClient;
  tableName: string;
  projectName: string;
  log?: (entry: Record<string, unknown>) => void;
};

const errorName = (error: unknown) => (error instanceof Error ? error.name : String(error));

export function createSiteRebuildStarter(deps: SiteRebuildStarterDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const requests = event.Records.flatMap((record) => {
      const id = siteRebuildIdOf(record.dynamodb?.Keys?.PK?.S);
      return record.eventName === 'INSERT' && id ? [{ id, sequence: record.dynamodb?.SequenceNumber ?? '' }] : [];
    });
    const [first] = requests;
    if (!first) return { batchItemFailures: [] };
    try {
      const { build } = await deps.codeBuild.send(new StartBuildCommand({ projectName: deps.projectName }));
      log({ level: 'info', message: 'site build started', buildId: build?.id, requests: requests.length });
    } catch (error) {
      log({ level: 'error', message: 'site build not started', error: errorName(error) });
      // Stream order: Lambda retries from the first request, so the whole batch comes again.
      return { batchItemFailures: [{ itemIdentifier: first.sequence }] };
    }
    for (const request of requests) {
      try {
        await deps.doc.send(
          new DeleteCommand({
            TableName: deps.tableName,
            Key: siteRebuildKey(request.id),
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'PK' },
          }),
        );
      } catch (error) {
        // Already gone (a retried batch): the request is handled.
        if (errorName(error) === 'ConditionalCheckFailedException') continue;
        log({
          level: 'error',
          message: 'site-rebuild request not deleted',
          requestId: request.id,
          error: errorName(error),
        });
        // A retry from here starts one more build, which is harmless.
        return { batchItemFailures: [{ itemIdentifier: request.sequence }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
