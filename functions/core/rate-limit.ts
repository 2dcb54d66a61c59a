/**
 * Fixed-window rate limits kept in the table, so every Lambda instance (and the local twin)
 * shares one count. Keys are hashed: an email used as a key is not stored in clear.
 *   PK=RATE#<scope>#<sha256(key)>  SK=W#<window number>  expiresAt=end of window + 1 h
 */

import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './aws-errors.ts';
import type { DocumentClient } from './dynamo.ts';
import { RateLimitedError } from './errors.ts';

export type RateRule = { scope: string; limit: number; windowSeconds: number };

/** The counter of one key in one window of a rule's scope. */
export const rateWindowKey = (scope: string, key: string, window: number) => ({
  PK: `RATE#${scope}#${createHash('sha256').update(key).digest('hex')}`,
  SK: `W#${window}`,
});

export function createRateLimiter(doc: DocumentClient, tableName: string, clock: () => number = Date.now) {
  /** Counts one use of `key` under `rule`; throws RateLimitedError once the window is full. */
  return async function consume(rule: RateRule, key: string): Promise<void> {
    const nowSeconds = clock() / 1000;
    const window = Math.floor(nowSeconds / rule.windowSeconds);
    const resetAt = (window + 1) * rule.windowSeconds;
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: rateWindowKey(rule.scope, key, window),
          UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':expiresAt': resetAt + 3600 },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new RateLimitedError(
          `At most ${rule.limit} per ${rule.windowSeconds} seconds; try again later.`,
          Math.max(1, Math.ceil(resetAt - nowSeconds)),
        );
      }
      throw error;
    }
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
