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

/** The window a rule counts in at `nowMs`, and when that window resets (epoch seconds). */
function windowAt(rule: RateRule, nowMs: number) {
  const nowSeconds = nowMs / 1000;
  const window = Math.floor(nowSeconds / rule.windowSeconds);
  return { nowSeconds, window, resetAt: (window + 1) * rule.windowSeconds };
}

/**
 * The update that counts one use of `key` under `rule` at `nowMs`: refused (its condition
 * fails) once the window is full. Sent alone by the limiter below, or as one part of a
 * transaction that should count only when it writes (a sign-up and its limits).
 */
export function rateLimitUpdate(tableName: string, rule: RateRule, key: string, nowMs: number) {
  const { window, resetAt } = windowAt(rule, nowMs);
  return {
    TableName: tableName,
    Key: rateWindowKey(rule.scope, key, window),
    UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
    ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
    ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
    ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':expiresAt': resetAt + 3600 },
  };
}

/** The answer once a rule's window is full: 429 with the seconds until it resets. */
export function rateLimited(rule: RateRule, nowMs: number): RateLimitedError {
  const { nowSeconds, resetAt } = windowAt(rule, nowMs);
  return new RateLimitedError(
    `At most ${rule.limit} per ${rule.windowSeconds} seconds; try again later.`,
    Math.max(1, Math.ceil(resetAt - nowSeconds)),
  );
}

export function createRateLimiter(doc: DocumentClient, tableName: string, clock: () => number = Date.now) {
  /** Counts one use of `key` under `rule`; throws RateLimitedError once the window is full. */
  return async function consume(rule: RateRule, key: string): Promise<void> {
    const nowMs = clock();
    try {
      await doc.send(new UpdateCommand(rateLimitUpdate(tableName, rule, key, nowMs)));
    } catch (error) {
      if (isConditionFailure(error)) throw rateLimited(rule, nowMs);
      throw error;
    }
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
