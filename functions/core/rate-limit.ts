/**
 * Fixed-window rate limits kept in the table, so every Lambda instance (and the local twin)
 * shares one count. Keys are hashed: an email used as a key is not stored in clear.
 *   PK=RATE#<scope>#<sha256(key)>  SK=W#<window number>  expiresAt=end of window + 1 h
 * A count is made on its own (`createRateLimiter`) or as one item of a transaction
 * (`rateCountItem`), so a write and the count it costs cannot part.
 */

import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './aws-errors.ts';
import type { DocumentClient } from './dynamo.ts';
import { RateLimitedError } from './errors.ts';
import type { TransactItem } from './transaction.ts';

export type RateRule = { scope: string; limit: number; windowSeconds: number };
/** One use of `key` to count under `rule`. */
export type RateCount = { rule: RateRule; key: string };

/** The counter of one key in one window of a rule's scope. */
export const rateWindowKey = (scope: string, key: string, window: number) => ({
  PK: `RATE#${scope}#${createHash('sha256').update(key).digest('hex')}`,
  SK: `W#${window}`,
});

const windowOf = (rule: RateRule, nowMs: number) => Math.floor(nowMs / 1000 / rule.windowSeconds);

/** The update that counts one use, refused by its condition once the window is full. */
function countUpdate(tableName: string, { rule, key }: RateCount, nowMs: number) {
  const window = windowOf(rule, nowMs);
  return {
    TableName: tableName,
    Key: rateWindowKey(rule.scope, key, window),
    UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
    ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
    ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
    ExpressionAttributeValues: {
      ':one': 1,
      ':limit': rule.limit,
      ':expiresAt': (window + 1) * rule.windowSeconds + 3600,
    },
  };
}

/** The answer to a use past the limit: 429 with the seconds until the window resets. */
export function rateLimited(rule: RateRule, nowMs: number): RateLimitedError {
  const resetAt = (windowOf(rule, nowMs) + 1) * rule.windowSeconds;
  return new RateLimitedError(
    `At most ${rule.limit} per ${rule.windowSeconds} seconds; try again later.`,
    Math.max(1, Math.ceil(resetAt - nowMs / 1000)),
  );
}

/** A count as a transaction item: it is made only if the whole transaction is. */
export const rateCountItem = (tableName: string, count: RateCount, nowMs: number): TransactItem => ({
  Update: countUpdate(tableName, count, nowMs),
});

export function createRateLimiter(doc: DocumentClient, tableName: string, clock: () => number = Date.now) {
  /** Counts one use of `key` under `rule`; throws RateLimitedError once the window is full. */
  return async function consume(rule: RateRule, key: string): Promise<void> {
    const nowMs = clock();
    try {
      await doc.send(new UpdateCommand(countUpdate(tableName, { rule, key }, nowMs)));
    } catch (error) {
      if (isConditionFailure(error)) throw rateLimited(rule, nowMs);
      throw error;
    }
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
