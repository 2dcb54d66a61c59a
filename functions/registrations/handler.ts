import { handle } from 'hono/aws-lambda';
import { allowedOriginsFromEnv, edgeFromEnv } from '../core/app.ts';
import { tokenVerifierFromEnv } from '../core/auth.ts';
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { createRateLimiter } from '../core/rate-limit.ts';
import { createLeadEraser, createStaffReleaser } from '../sponsors/public.ts';
import { createRegistrationsApp, READ_CACHE_MS } from './app.ts';
import { registrationLimitsFromEnv } from './limits.ts';
import { registrationStores } from './wiring.ts';

const doc = createDocumentClient();
const tableName = requireEnv('TABLE_NAME');
// Read once at cold start: a bad value fails here, with a message naming the variable.
const limits = registrationLimitsFromEnv();

export const handler = handle(
  createRegistrationsApp({
    ...registrationStores(doc, tableName),
    limit: createRateLimiter(doc, tableName),
    limits,
    verifyToken: tokenVerifierFromEnv(),
    siteUrl: requireEnv('SITE_URL'),
    retentionDays: Number(process.env.RETENTION_DAYS ?? 90),
    now: () => new Date(),
    readCacheMs: READ_CACHE_MS,
    allowedOrigins: allowedOriginsFromEnv(),
    edge: edgeFromEnv(),
    withdrawLeads: createLeadEraser(doc, tableName),
    staffRelease: createStaffReleaser(doc, tableName),
  }),
);
