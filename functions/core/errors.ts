/**
 * Every failure the domain knows, each carrying its HTTP status, problem type and title.
 * Use cases, stores and core helpers throw these; the app's one error handler turns any of
 * them into problem+json, so no other code decides a status or a title.
 */
export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  readonly status: number;
  /** The last segment of the problem type, `/problems/<slug>`. */
  readonly slug: string;
  readonly title: string;
  readonly errors: FieldError[];
  /** Response headers the problem needs (Retry-After, Allow, WWW-Authenticate). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    errors: FieldError[] = [],
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = new.target.name;
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }
}

/** A domain error of fixed status, type and title, carrying its detail and field errors. */
const withStatus = (status: number, slug: string, title: string) =>
  class extends DomainError {
    constructor(detail: string, errors: FieldError[] = []) {
      super(status, slug, title, detail, errors);
    }
  };

export class BadRequestError extends withStatus(400, 'bad-request', 'Bad Request') {}

export class UnauthenticatedError extends DomainError {
  constructor(detail: string) {
    super(401, 'unauthenticated', 'Unauthorized', detail, [], { 'WWW-Authenticate': 'Bearer realm="conference"' });
  }
}

export class ForbiddenError extends withStatus(403, 'forbidden', 'Forbidden') {}

export class NotFoundError extends withStatus(404, 'not-found', 'Not Found') {}

export class MethodNotAllowedError extends DomainError {
  constructor(methods: string[]) {
    super(405, 'method-not-allowed', 'Method Not Allowed', `Use ${methods.join(', ')} on this resource.`, [], {
      Allow: methods.join(', '),
    });
  }
}

export class ConflictError extends withStatus(409, 'conflict', 'Conflict') {}

/** An `If-Match` naming a version that is no longer current. */
export class StaleVersionError extends withStatus(412, 'stale', 'Precondition Failed') {}

export class ContentTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super(413, 'too-large', 'Content Too Large', `Request bodies are limited to ${maxBytes} bytes.`);
  }
}

/** A body in a media type the route does not read. */
export class UnsupportedMediaTypeError extends withStatus(415, 'unsupported-media-type', 'Unsupported Media Type') {}

export class UnprocessableError extends withStatus(422, 'validation', 'Unprocessable Content') {}

/** A guarded update sent without `If-Match`. */
export class PreconditionRequiredError extends withStatus(428, 'precondition-required', 'Precondition Required') {}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, 'rate-limited', 'Too Many Requests', detail, [], { 'Retry-After': String(retryAfterSeconds) });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class InternalError extends DomainError {
  constructor() {
    super(500, 'internal', 'Internal Server Error', 'Something went wrong on our side. It has been logged.');
  }
}

export class UnavailableError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(detail: string, retryAfterSeconds = 1) {
    super(503, 'unavailable', 'Service Unavailable', detail, [], { 'Retry-After': String(retryAfterSeconds) });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
