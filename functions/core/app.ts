/**
 * The one way every context builds its Hono app: problem+json for every error, the body
 * limit, 405 with Allow, security headers and validation failures mapped to 400/422.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { type AuthEnv, authentication, type TokenVerifier } from './auth.ts';
import { DomainError, isTransientDependencyError, UnavailableError, UnprocessableError } from './errors.ts';
import { problem } from './problem.ts';
import { RateLimitedError } from './rate-limit.ts';

/** Largest request body any route accepts (documented in the README). */
export const MAX_BODY_BYTES = 64 * 1024;

export function fieldErrors(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export type Logger = (entry: Record<string, unknown>) => void;
const jsonLogger: Logger = (entry) => console.error(JSON.stringify(entry));

function handleError(error: Error, c: Context, log: Logger): Response {
  if (error instanceof UnprocessableError) return problem(c, 422, error.message, { errors: error.errors });
  if (error instanceof RateLimitedError) {
    return problem(c, 429, error.message, { headers: { 'Retry-After': String(error.retryAfterSeconds) } });
  }
  if (error instanceof UnavailableError) {
    return problem(c, 503, error.message, { headers: { 'Retry-After': String(error.retryAfterSeconds) } });
  }
  if (error instanceof DomainError) {
    return problem(c, error.status as ContentfulStatusCode, error.message, { slug: error.slug });
  }
  if (error instanceof HTTPException) {
    const headers: Record<string, string> =
      error.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="conference"' } : {};
    return problem(c, error.status as ContentfulStatusCode, error.message || undefined, { headers });
  }
  if (isTransientDependencyError(error)) {
    log({ level: 'warn', message: 'dependency unavailable', error: error.name, path: c.req.path });
    return problem(c, 503, 'A service we depend on is busy; please retry shortly.', {
      headers: { 'Retry-After': '1' },
    });
  }
  log({ level: 'error', message: error.message, error: error.name, stack: error.stack, path: c.req.path });
  return problem(c, 500, 'Something went wrong on our side. It has been logged.');
}

export type AppOptions = {
  log?: Logger;
  verifyToken?: TokenVerifier;
  /** Browser origins allowed to call the API cross-origin (the site's own); none by default. */
  allowedOrigins?: string[];
};

/** Origins from SITE_ORIGIN (comma-separated), for the Lambda entries. */
export const allowedOriginsFromEnv = () => (process.env.SITE_ORIGIN ?? '').split(',').filter(Boolean);

export function createApp(options: AppOptions = {}) {
  const log = options.log ?? jsonLogger;
  const app = new OpenAPIHono<AuthEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      // Path and query problems mean the request itself is malformed; a well-formed JSON
      // body that breaks the rules is unprocessable.
      const status = result.target === 'json' || result.target === 'form' ? 422 : 400;
      return problem(c, status, `The request ${result.target} is not valid.`, { errors: fieldErrors(result.error) });
    },
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problem(c, 405, `Use ${methods.join(', ')} on this resource.`, { headers: { Allow: methods.join(', ') } }),
    }),
  );
  const allowed = new Set(options.allowedOrigins ?? []);
  app.use(
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
      exposeHeaders: ['ETag', 'Retry-After', 'Location'],
      maxAge: 600,
    }),
  );
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-site' }));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problem(c, 413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`),
    }),
  );
  if (options.verifyToken) app.use(authentication(options.verifyToken));
  app.notFound((c) => problem(c, 404, `No resource at ${c.req.path}.`));
  app.onError((error, c) => handleError(error, c, log));
  return app;
}

export type App = ReturnType<typeof createApp>;
