/**
 * The one way every context builds its Hono app: the origin secret (when configured),
 * problem+json for every error, the body limit, 405 with Allow, security headers and
 * validation failures mapped to 400/422.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type * as z from 'zod/mini';
import { type AuthEnv, authentication, type MembershipLookup, type TokenVerifier } from './auth.ts';
import { isTransientDependencyError } from './aws-errors.ts';
import { type ClientAddressSource, clientAddressSourceFromEnv } from './client-address.ts';
import { ContractApp } from './contract.ts';
import {
  BadRequestError,
  ContentTooLargeError,
  DomainError,
  InternalError,
  MethodNotAllowedError,
  NotFoundError,
  UnauthenticatedError,
  UnavailableError,
  UnprocessableError,
} from './errors.ts';
import { API_REQUEST_HEADERS } from './headers.ts';
import { type OriginSecret, originSecretFromEnv, requireOriginSecret } from './origin-secret.ts';
import { problem } from './problem.ts';

/** Largest request body any route accepts (documented in the README). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Largest body of the few routes that take files (a month of bank statement), see `AppOptions.largeBodies`. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function fieldErrors(error: z.core.$ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export type Logger = (entry: Record<string, unknown>) => void;
const jsonLogger: Logger = (entry) => console.error(JSON.stringify(entry));

/** Every error becomes one domain error, and every domain error one problem+json response. */
function toDomainError(error: Error, c: Context, log: Logger): DomainError {
  if (error instanceof DomainError) return error;
  // Hono's own validators throw these for bodies they cannot parse, and 401 for bad auth headers.
  if (error instanceof HTTPException) {
    return error.status === 401
      ? new UnauthenticatedError(error.message)
      : new BadRequestError(error.message || 'The request is malformed.');
  }
  if (isTransientDependencyError(error)) {
    log({ level: 'warn', message: 'dependency unavailable', error: error.name, path: c.req.path });
    return new UnavailableError('A service we depend on is busy; please retry shortly.', 1);
  }
  log({ level: 'error', message: error.message, error: error.name, stack: error.stack, path: c.req.path });
  return new InternalError();
}

/** What the app needs to know about what sits in front of it (CloudFront in AWS, nothing locally). */
export type EdgeOptions = {
  /** When set, a request without an accepted `X-Origin-Verify` header gets 403: it did not come through CloudFront. */
  originSecret?: OriginSecret;
  /**
   * Where the client's address for per-client limits comes from (`core/client-address.ts`);
   * unset, every client counts as one.
   */
  clientAddress?: ClientAddressSource;
};

export type AppOptions = EdgeOptions & {
  log?: Logger;
  verifyToken?: TokenVerifier;
  /** Which sponsors a person may edit, for routes that use `requireSponsorAccessFirst`. */
  sponsorIdsOf?: MembershipLookup;
  /** Browser origins allowed to call the API cross-origin (the site's own); none by default. */
  allowedOrigins?: string[];
  /** Paths whose body may reach MAX_FILE_BYTES instead of MAX_BODY_BYTES (file uploads). */
  largeBodies?: RegExp[];
};

/** Origins from SITE_ORIGIN (comma-separated), for the Lambda entries. */
export const allowedOriginsFromEnv = () => (process.env.SITE_ORIGIN ?? '').split(',').filter(Boolean);

/** The edge settings from the environment (ORIGIN_SECRET_ARN, CLIENT_ADDRESS_SOURCE), for the Lambda entries. */
export const edgeFromEnv = (env: Record<string, string | undefined> = process.env): EdgeOptions => ({
  originSecret: originSecretFromEnv(env),
  clientAddress: clientAddressSourceFromEnv(env),
});

export function createApp(options: AppOptions = {}) {
  const log = options.log ?? jsonLogger;
  const app = new ContractApp<AuthEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      // Path and query problems mean the request itself is malformed; a well-formed JSON
      // body that breaks the rules is unprocessable.
      const detail = `The request ${result.target} is not valid.`;
      const errors = fieldErrors(result.error);
      const body = result.target === 'json' || result.target === 'form';
      return problem(c, body ? new UnprocessableError(detail, errors) : new BadRequestError(detail, errors));
    },
  });
  // First, so a request that did not come through CloudFront reaches nothing else.
  if (options.originSecret) app.use(requireOriginSecret(options.originSecret));
  app.use(
    methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => problem(c, new MethodNotAllowedError(methods)) }),
  );
  const allowed = new Set(options.allowedOrigins ?? []);
  app.use(
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: API_REQUEST_HEADERS,
      exposeHeaders: ['ETag', 'Retry-After', 'Location'],
      maxAge: 600,
    }),
  );
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-site' }));
  const limitOf = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => problem(c, new ContentTooLargeError(maxSize)) });
  const [small, large] = [limitOf(MAX_BODY_BYTES), limitOf(MAX_FILE_BYTES)];
  const largeBodies = options.largeBodies ?? [];
  app.use((c, next) => (largeBodies.some((path) => path.test(c.req.path)) ? large : small)(c, next));
  if (options.verifyToken) app.use(authentication(options.verifyToken, options.sponsorIdsOf));
  app.notFound((c) => problem(c, new NotFoundError(`No resource at ${c.req.path}.`)));
  app.onError((error, c) => problem(c, toDomainError(error, c, log)));
  return app;
}

export type App = ReturnType<typeof createApp>;
