/** What an AWS SDK error means for us: our own condition failed, or "try again shortly". */
import { cancellationReasons, isContention } from './transaction.ts';

/** Whether a write failed on its own condition (not on throttling or a conflict). */
export function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  const reasons = cancellationReasons(error);
  return !!reasons && !isContention(reasons) && reasons.some((r) => r.Code === 'ConditionalCheckFailed');
}

/** AWS SDK error names that mean "try again shortly", not "you sent something wrong". */
const transientAwsErrors = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
]);

export function isTransientDependencyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (transientAwsErrors.has(error.name)) return true;
  const reasons = cancellationReasons(error);
  if (reasons) return isContention(reasons);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}
