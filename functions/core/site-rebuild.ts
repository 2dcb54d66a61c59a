/**
 * A request to rebuild the static site, written by a use case in the same transaction as
 * the change the public pages show (an agenda published, a sponsor profile approved, a
 * category created or changed). A stream-driven consumer rebuilds the site: locally the
 * twin's builder, in AWS a build job. Like the mail outbox, no request is lost when the
 * build fails, and several requests in a row make one build.
 *   PK=SITEBUILD#<id>  SK=REQUEST  entity=site-rebuild
 */
import * as z from 'zod/mini';

export const SiteRebuildReason = z.enum(['agenda-published', 'sponsor-changed', 'categories-changed', 'event-changed']);
export type SiteRebuildReason = z.infer<typeof SiteRebuildReason>;

export const SiteRebuildRequest = z.object({
  id: z.string().check(z.minLength(1)),
  eventId: z.string().check(z.minLength(1)),
  reason: SiteRebuildReason,
  requestedAt: z.string(),
});
export type SiteRebuildRequest = z.infer<typeof SiteRebuildRequest>;

export const SITE_REBUILD_PK_PREFIX = 'SITEBUILD#';
export const SITE_REBUILD_ENTITY = 'site-rebuild';
export const siteRebuildKey = (id: string) => ({ PK: `${SITE_REBUILD_PK_PREFIX}${id}`, SK: 'REQUEST' });
/** The request id in a partition key, or undefined when the key is not a rebuild request's. */
export const siteRebuildIdOf = (pk: string | undefined) =>
  pk?.startsWith(SITE_REBUILD_PK_PREFIX) ? pk.slice(SITE_REBUILD_PK_PREFIX.length) : undefined;

/** The item to put inside the caller's transaction; `expiresAt` (epoch seconds) bounds how long it lingers. */
export function siteRebuildItem(request: SiteRebuildRequest, expiresAtEpochSeconds: number) {
  return { ...siteRebuildKey(request.id), entity: SITE_REBUILD_ENTITY, ...request, expiresAt: expiresAtEpochSeconds };
}
