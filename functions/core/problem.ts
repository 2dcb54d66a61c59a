import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError } from './errors.ts';
import type { ProblemDetails } from './schemas.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 9457 body of a domain error. */
export function problemBody(error: DomainError): ProblemDetails {
  return {
    type: `/problems/${error.slug}`,
    title: error.title,
    status: error.status,
    ...(error.message ? { detail: error.message } : {}),
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  };
}

/** The one way an error becomes a response. */
export function problem(c: Context, error: DomainError): Response {
  return c.body(JSON.stringify(problemBody(error)), error.status as ContentfulStatusCode, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    ...error.headers,
  });
}
