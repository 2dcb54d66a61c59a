import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from './errors.ts';
import type { ProblemDetails } from './schemas.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const slugs: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'stale',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'validation',
  428: 'precondition-required',
  429: 'rate-limited',
  500: 'internal',
  503: 'unavailable',
};

export function problemBody(status: number, detail?: string, errors?: FieldError[], slug?: string): ProblemDetails {
  return {
    type: `/problems/${slug ?? slugs[status] ?? 'error'}`,
    title: titles[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail?: string,
  options: { errors?: FieldError[]; slug?: string; headers?: Record<string, string> } = {},
): Response {
  return c.body(JSON.stringify(problemBody(status, detail, options.errors, options.slug)), status, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    ...options.headers,
  });
}
