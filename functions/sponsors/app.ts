import { createApp, type EdgeOptions } from '../core/app.ts';
import { requirePrincipal, type TokenVerifier } from '../core/auth.ts';
import { PreconditionRequiredError } from '../core/errors.ts';
import { versionFromIfMatch } from '../core/openapi-helpers.ts';
import type { RateLimiter, RateRule } from '../core/rate-limit.ts';
import type { Directory } from './directory.ts';
import { INVITATIONS_PER_HOUR } from './limits.ts';
import {
  getProfileRoute,
  inviteMemberRoute,
  listEventSponsorsRoute,
  listMembersRoute,
  putProfileRoute,
  removeMemberRoute,
  submitProfileRoute,
} from './routes.ts';
import type { SponsorsStore } from './store.ts';
import { getProfile, inviteMember, saveProfile, toProfile } from './use-cases.ts';

export type SponsorsDeps = {
  store: SponsorsStore;
  directory: Directory;
  verifyToken: TokenVerifier;
  siteUrl: string;
  limit: RateLimiter;
  /** Invitations per organiser (read from the environment at start, `limits.ts`); 30 an hour unless given. */
  invitationLimit?: RateRule;
  allowedOrigins?: string[];
  edge?: EdgeOptions;
  now: () => Date;
};

function requireVersion(header: string | undefined): number {
  const version = versionFromIfMatch(header);
  if (version === undefined)
    throw new PreconditionRequiredError('Send If-Match with the ETag of the version you edited.');
  return version;
}

export function createSponsorsApp(deps: SponsorsDeps) {
  const { store } = deps;
  // Who may call is each route contract's `middleware` (organisers, or members of the sponsor
  // through this lookup), checked before the request is validated.
  const app = createApp({
    ...deps.edge,
    verifyToken: deps.verifyToken,
    sponsorIdsOf: (sub) => store.sponsorIdsOf(sub),
    allowedOrigins: deps.allowedOrigins,
  });

  app.openapi(getProfileRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const profile = await getProfile(store, sponsorId);
    c.header('ETag', `"${profile.version}"`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(profile, 200);
  });

  app.openapi(putProfileRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const version = requireVersion(c.req.valid('header')['if-match']);
    const profile = await saveProfile(store, sponsorId, c.req.valid('json'), version);
    c.header('ETag', `"${profile.version}"`);
    return c.json(profile, 200);
  });

  app.openapi(submitProfileRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const version = requireVersion(c.req.valid('header')['if-match']);
    const profile = toProfile(await store.submitProfile(sponsorId, version));
    c.header('ETag', `"${profile.version}"`);
    return c.json(profile, 200);
  });

  app.openapi(listMembersRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: await store.listMembers(sponsorId) }, 200);
  });

  app.openapi(inviteMemberRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const organiser = await requirePrincipal(c);
    await deps.limit(deps.invitationLimit ?? INVITATIONS_PER_HOUR, organiser.sub);
    const member = await inviteMember(
      { store, directory: deps.directory, siteUrl: deps.siteUrl, now: deps.now },
      sponsorId,
      c.req.valid('json').email,
    );
    return c.json(member, 201);
  });

  app.openapi(removeMemberRoute, async (c) => {
    const { sponsorId, memberId } = c.req.valid('param');
    await store.removeMember(sponsorId, memberId);
    return c.body(null, 204);
  });

  app.openapi(listEventSponsorsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ items: (await store.listPublished(eventId)).map(toProfile) }, 200);
  });

  return app;
}
