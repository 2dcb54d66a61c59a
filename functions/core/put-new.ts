import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './aws-errors.ts';
import type { DocumentClient } from './dynamo.ts';
import { ConflictError } from './errors.ts';

/** Writes an item that must not exist yet: an existing key is a 409, never an overwrite. */
export async function putNew(doc: DocumentClient, tableName: string, item: Record<string, unknown>, what: string) {
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': 'PK' },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new ConflictError(`${what} already exists.`);
    }
    throw error;
  }
}
