import { createApp, type EdgeOptions } from '../core/app.ts';
import { requirePrincipal, type TokenVerifier } from '../core/auth.ts';
import { PreconditionRequiredError } from '../core/errors.ts';
import { versionFromIfMatch } from '../core/openapi-helpers.ts';
import type { RateLimiter, RateRule } from '../core/rate-limit.ts';
import type { EventReader } from '../events/public.ts';
import type { Directory } from './directory.ts';
import { inviteMember } from './invitations.ts';
import { INVITATIONS_PER_HOUR } from './limits.ts';
import { type LogoStorage, logoChecker, requestLogoUpload } from './logos.ts';
import { registerOrganiserRoutes } from './organiser-app.ts';
import { publicSponsor, publicSponsors } from './organisers.ts';
import { type ProfileDeps, requireSponsor, saveProfile, submitProfile } from './profile.ts';
import {
  getEventSponsorRoute,
  getProfileRoute,
  inviteMemberRoute,
  listEventSponsorsRoute,
  listMembersRoute,
  logoUploadRoute,
  putProfileRoute,
  removeMemberRoute,
  submitProfileRoute,
} from './routes.ts';
import { passesOf } from './staff.ts';
import { registerStaffAndLeadRoutes, type StaffAndLeadDeps } from './staff-app.ts';
import type { SponsorsStore } from './store.ts';
import { toProfile } from './views.ts';

export type SponsorsDeps = {
  store: SponsorsStore;
  directory: Directory;
  events: EventReader;
  logos: LogoStorage;
  verifyToken: TokenVerifier;
  siteUrl: string;
  /** Where logos are served (the site's origin: `<mediaBaseUrl>/media/logos/...`); the site URL unless given. */
  mediaBaseUrl?: string;
  limit: RateLimiter;
  /** Invitations per organiser (read from the environment at start, `limits.ts`); 30 an hour unless given. */
  invitationLimit?: RateRule;
  allowedOrigins?: string[];
  edge?: EdgeOptions;
  now: () => Date;
} & StaffAndLeadDeps;

export function requireVersion(header: string | undefined): number {
  const version = versionFromIfMatch(header);
  if (version === undefined)
    throw new PreconditionRequiredError('Send If-Match with the ETag of the version you edited.');
  return version;
}

export function createSponsorsApp(deps: SponsorsDeps) {
  const { store } = deps;
  const mediaBase = deps.mediaBaseUrl ?? deps.siteUrl;
  const profileDeps: ProfileDeps = {
    store,
    now: deps.now,
    siteUrl: deps.siteUrl,
    mediaUrl: (key) => `${mediaBase}/${key}`,
    checkLogo: logoChecker(deps.logos),
  };
  // Who may call is each route contract's `middleware` (organisers, or members of the sponsor
  // through this lookup), checked before the request is validated.
  const app = createApp({
    ...deps.edge,
    verifyToken: deps.verifyToken,
    sponsorIdsOf: (sub) => store.sponsorIdsOf(sub),
    allowedOrigins: deps.allowedOrigins,
  });
  const passes = (sponsorId: string, tier: string, eventId: string) => passesOf(deps, sponsorId, tier, eventId);

  app.openapi(getProfileRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const sponsor = await requireSponsor(store, sponsorId);
    c.header('ETag', `"${sponsor.version}"`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      toProfile(sponsor, profileDeps.mediaUrl, await passes(sponsorId, sponsor.tier, sponsor.eventId)),
      200,
    );
  });

  app.openapi(putProfileRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const version = requireVersion(c.req.valid('header')['if-match']);
    const sponsor = await saveProfile(profileDeps, sponsorId, c.req.valid('json'), version);
    c.header('ETag', `"${sponsor.version}"`);
    return c.json(toProfile(sponsor, profileDeps.mediaUrl), 200);
  });

  app.openapi(submitProfileRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const version = requireVersion(c.req.valid('header')['if-match']);
    const sponsor = await submitProfile(profileDeps, sponsorId, version);
    c.header('ETag', `"${sponsor.version}"`);
    return c.json(toProfile(sponsor, profileDeps.mediaUrl), 200);
  });

  app.openapi(logoUploadRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const upload = await requestLogoUpload({ store, logos: deps.logos, now: deps.now }, sponsorId, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(upload, 200);
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
    return c.json(await publicSponsors(profileDeps, eventId), 200);
  });

  // Before the public one-sponsor route: `overview` and `review` are reserved ids, matched first.
  registerOrganiserRoutes(app, { ...profileDeps, events: deps.events }, passes);

  app.openapi(getEventSponsorRoute, async (c) => {
    const { eventId, sponsorId } = c.req.valid('param');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(await publicSponsor(profileDeps, eventId, sponsorId), 200);
  });

  registerStaffAndLeadRoutes(app, deps);
  return app;
}

export type SponsorsApp = ReturnType<typeof createSponsorsApp>;
