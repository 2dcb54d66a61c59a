/**
 * Transactions built from named parts. A store names each item it writes (`counter`,
 * `registration`, `emailLock`, …); when DynamoDB cancels the transaction, the reasons come
 * back by position and are mapped here, once, to those names, so no caller depends on the
 * order of the items.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './dynamo.ts';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export type TransactionOutcome<Name extends string> = { ok: true } | { ok: false; failed: Set<Name> };

type CancellationReason = { Code?: string };

/** The cancellation reasons of a failed transaction, or undefined for any other error. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/** Cancelled by contention (another transaction or throttling), not by one of our conditions. */
export const isContention = (reasons: CancellationReason[]) =>
  reasons.some(
    (r) =>
      r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded',
  );

/**
 * Writes all parts or none. When our own conditions cancel it, answers the names of the
 * parts whose condition failed; contention and every other error are thrown for the
 * caller's retry policy (they become 503 with Retry-After at the edge).
 */
export async function transact<Name extends string>(
  doc: DocumentClient,
  parts: Partial<Record<Name, TransactItem>> | [Name, TransactItem][],
): Promise<TransactionOutcome<Name>> {
  const entries = (Array.isArray(parts) ? parts : (Object.entries(parts) as [Name, TransactItem | undefined][])).filter(
    (entry): entry is [Name, TransactItem] => entry[1] !== undefined,
  );
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: entries.map(([, item]) => item) }));
    return { ok: true };
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons || isContention(reasons)) throw error;
    const failed = new Set(
      entries.flatMap(([name], i) => (reasons[i]?.Code === 'ConditionalCheckFailed' ? [name] : [])),
    );
    if (failed.size === 0) throw error;
    return { ok: false, failed };
  }
}
