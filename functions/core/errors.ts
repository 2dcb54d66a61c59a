/** Domain errors: use cases throw these; the app's one error handler maps them to problem+json. */
export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  constructor(status: number, slug: string, title: string, detail: string) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }
}

export class NotFoundError extends DomainError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not Found', detail);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string) {
    super(409, 'conflict', 'Conflict', detail);
  }
}

export class UnprocessableError extends DomainError {
  readonly errors: FieldError[];
  constructor(detail: string, errors: FieldError[] = []) {
    super(422, 'validation', 'Unprocessable Content', detail);
    this.errors = errors;
  }
}

export class UnavailableError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(detail: string, retryAfterSeconds = 1) {
    super(503, 'unavailable', 'Service Unavailable', detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }
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
  if (error.name === 'TransactionCanceledException') {
    // Cancelled by a conflict or throttling, not by one of our conditions: worth a retry.
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some(
      (r) =>
        r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded',
    );
  }
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}
