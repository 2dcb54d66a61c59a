import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The document client every store uses. Endpoint and region come from the standard AWS
 * environment (AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB), so production code never knows
 * whether it talks to AWS or to DynamoDB Local.
 */
export function createDocumentClient(client: DynamoDBClient = new DynamoDBClient({})) {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export type DocumentClient = ReturnType<typeof createDocumentClient>;

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}
