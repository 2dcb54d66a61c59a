/** The attendee's credential: the manage token from the mailed link, sent as a bearer. */
import type { MiddlewareHandler } from 'hono';
import { UnauthenticatedError } from '../core/errors.ts';

/** The manage token from the confirmation mail: 32 random bytes, base64url, as a bearer. */
export const MANAGE_TOKEN = /^Bearer ([A-Za-z0-9_-]{43})$/;
export type ManageTokenEnv = { Variables: { manageToken: string } };

/**
 * Route middleware of the attendee's routes: a missing or garbled manage token is a 401
 * before the request is read; the handler finds the token on the context.
 */
export const requireManageTokenFirst: MiddlewareHandler<ManageTokenEnv> = async (c, next) => {
  const token = c.req.header('authorization')?.match(MANAGE_TOKEN)?.[1];
  if (!token) throw new UnauthenticatedError('Open this from the link in your confirmation mail.');
  c.set('manageToken', token);
  await next();
};
