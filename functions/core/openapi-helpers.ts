/** Pieces every context's route contracts share. */
import * as z from 'zod/mini';
import { ProblemDetails } from './schemas.ts';
import { meta } from './zod.ts';

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemDetails } },
});

/** A JSON response of `schema`. */
export const jsonResponse = <T extends z.core.$ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const bearerAuth = [{ bearerAuth: [] }];

export const authProblems = {
  401: problemResponse('No valid bearer access token'),
  403: problemResponse('Signed in, but not allowed'),
};

export const IfMatch = z.object({
  'if-match': meta(
    z.optional(z.string().check(z.regex(/^"\d{1,15}"$/, 'Use the ETag of the version you edited, such as "3"'))),
    {
      description: 'The version being edited, as returned in ETag',
    },
  ),
});

/**
 * The version an If-Match header names, or a 428 when the header is missing. IfMatch allows
 * at most 15 digits, so the number is exact (a larger one could not be sent to DynamoDB).
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  return header ? Number(header.slice(1, -1)) : undefined;
}
