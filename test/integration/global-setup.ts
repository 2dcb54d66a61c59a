import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    loadDynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run, each test file on its own table; and one for
 * the load test (registration-capacity), whose 2,000 concurrent sign-ups would otherwise
 * hold every other file's requests in the emulator's queue (measured: the authorization
 * matrix took 67 s beside it, 28 s alone).
 */
export default async function setup(project: TestProject) {
  const [dynamo, loadDynamo] = await Promise.all([startDynamoDbLocal(), startDynamoDbLocal()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('loadDynamoEndpoint', loadDynamo.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), loadDynamo.stop()]);
  };
}
