import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { siteRebuildStarter, TEST_TABLE } from '../support/apps.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const codeBuild = mockClient(CodeBuildClient);

const record = (pk: string, sequence: string, eventName: DynamoDBRecord['eventName'] = 'INSERT'): DynamoDBRecord => ({
  eventName,
  dynamodb: { Keys: { PK: { S: pk }, SK: { S: 'REQUEST' } }, SequenceNumber: sequence },
});
const batch = (...records: DynamoDBRecord[]) => ({ Records: records }) as DynamoDBStreamEvent;
const starter = () => siteRebuildStarter({ projectName: 'conference-site-build' });
const deleted = () => ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key?.PK);

beforeEach(() => {
  ddb.reset();
  codeBuild.reset();
  ddb.on(DeleteCommand).resolves({});
  codeBuild.on(StartBuildCommand).resolves({ build: { id: 'conference-site-build:1' } });
});

describe('site-rebuild starter', () => {
  it('starts one build for a batch of requests and deletes each request, only if it still exists', async () => {
    const result = await starter()(
      batch(record('SITEBUILD#a', '1'), record('OUTBOX#m1', '2'), record('SITEBUILD#b', '3')),
    );

    expect(result).toEqual({ batchItemFailures: [] });
    expect(codeBuild.commandCalls(StartBuildCommand).map((c) => c.args[0].input)).toEqual([
      { projectName: 'conference-site-build' },
    ]);
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input)).toEqual(
      ['a', 'b'].map((id) => ({
        TableName: TEST_TABLE,
        Key: { PK: `SITEBUILD#${id}`, SK: 'REQUEST' },
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': 'PK' },
      })),
    );
  });

  it('ignores other keys and the removal of requests: no build, nothing deleted', async () => {
    const result = await starter()(
      batch(record('OUTBOX#m1', '1'), record('EVENT#e1', '2'), record('SITEBUILD#gone', '3', 'REMOVE')),
    );

    expect(result).toEqual({ batchItemFailures: [] });
    expect(codeBuild.commandCalls(StartBuildCommand)).toHaveLength(0);
    expect(deleted()).toEqual([]);
  });

  it('reports a failed StartBuild on the first request and keeps every request', async () => {
    codeBuild
      .on(StartBuildCommand)
      .rejects(Object.assign(new Error('limit'), { name: 'AccountLimitExceededException' }));

    const result = await starter()(
      batch(record('OUTBOX#m1', '1'), record('SITEBUILD#a', '2'), record('SITEBUILD#b', '3')),
    );

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(deleted()).toEqual([]);
  });

  it('counts a request already deleted as handled, and reports one it could not delete', async () => {
    ddb
      .on(DeleteCommand, { Key: { PK: 'SITEBUILD#a', SK: 'REQUEST' } })
      .rejects(new ConditionalCheckFailedException({ message: 'gone', $metadata: {} }))
      .on(DeleteCommand, { Key: { PK: 'SITEBUILD#b', SK: 'REQUEST' } })
      .rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));

    const result = await starter()(
      batch(record('SITEBUILD#a', '1'), record('SITEBUILD#b', '2'), record('SITEBUILD#c', '3')),
    );

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(codeBuild.commandCalls(StartBuildCommand)).toHaveLength(1);
    expect(deleted()).toEqual(['SITEBUILD#a', 'SITEBUILD#b']);
  });
});
