/** The organisers' handlers: tiers, sponsors, review. */
import type { App } from '../core/app.ts';
import { versionFromIfMatch } from '../core/openapi-helpers.ts';
import { requireVersion } from './app.ts';
import {
  approveRoute,
  createSponsorRoute,
  getTiersRoute,
  overviewRoute,
  patchSponsorRoute,
  putTiersRoute,
  returnRoute,
  reviewPairRoute,
  reviewQueueRoute,
  unpublishRoute,
} from './organiser-routes.ts';
import {
  createSponsor,
  type OrganiserDeps,
  overview,
  patchSponsor,
  putTiers,
  reviewPair,
  reviewQueue,
} from './organisers.ts';
import { approveProfile, returnProfile, unpublishProfile } from './profile.ts';
import { toProfile } from './views.ts';

type Passes = (sponsorId: string, tier: string, eventId: string) => Promise<{ staffPasses: number; staffUsed: number }>;

export function registerOrganiserRoutes(app: App, deps: OrganiserDeps, passes: Passes) {
  const { store } = deps;
  const noStore = (c: { header(name: string, value: string): void }) => c.header('Cache-Control', 'private, no-store');

  app.openapi(getTiersRoute, async (c) => {
    const tiers = await store.getTiers(c.req.valid('param').eventId);
    c.header('ETag', `"${tiers.version}"`);
    noStore(c);
    return c.json(tiers, 200);
  });

  app.openapi(putTiersRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const version = requireVersion(c.req.valid('header')['if-match']);
    const tiers = await putTiers(deps, eventId, c.req.valid('json').tiers, version);
    c.header('ETag', `"${tiers.version}"`);
    return c.json(tiers, 200);
  });

  app.openapi(createSponsorRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const sponsor = await createSponsor(deps, eventId, c.req.valid('json'));
    c.header('Location', `/api/sponsors/${sponsor.id}/profile`);
    c.header('ETag', `"${sponsor.version}"`);
    return c.json(toProfile(sponsor, deps.mediaUrl), 201);
  });

  app.openapi(overviewRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    noStore(c);
    const used = async (id: string) => (await passes(id, '', eventId)).staffUsed;
    return c.json({ items: await overview(deps, eventId, used) }, 200);
  });

  app.openapi(reviewQueueRoute, async (c) => {
    noStore(c);
    return c.json({ items: await reviewQueue(deps, c.req.valid('param').eventId) }, 200);
  });

  app.openapi(reviewPairRoute, async (c) => {
    const { eventId, sponsorId } = c.req.valid('param');
    const pair = await reviewPair(deps, eventId, sponsorId);
    c.header('ETag', `"${pair.sponsor.version}"`);
    noStore(c);
    return c.json(pair, 200);
  });

  app.openapi(patchSponsorRoute, async (c) => {
    const { eventId, sponsorId } = c.req.valid('param');
    const sponsor = await patchSponsor(deps, eventId, sponsorId, c.req.valid('json'));
    return c.json(toProfile(sponsor, deps.mediaUrl), 200);
  });

  app.openapi(approveRoute, async (c) => {
    const { eventId, sponsorId } = c.req.valid('param');
    const reviewed = versionFromIfMatch(c.req.valid('header')['if-match']);
    const sponsor = await approveProfile(deps, eventId, sponsorId, reviewed);
    c.header('ETag', `"${sponsor.version}"`);
    return c.json(toProfile(sponsor, deps.mediaUrl), 200);
  });

  app.openapi(returnRoute, async (c) => {
    const { eventId, sponsorId } = c.req.valid('param');
    const sponsor = await returnProfile(deps, eventId, sponsorId, c.req.valid('json').comment);
    c.header('ETag', `"${sponsor.version}"`);
    return c.json(toProfile(sponsor, deps.mediaUrl), 200);
  });

  app.openapi(unpublishRoute, async (c) => {
    const { eventId, sponsorId } = c.req.valid('param');
    const sponsor = await unpublishProfile(deps, eventId, sponsorId);
    c.header('ETag', `"${sponsor.version}"`);
    return c.json(toProfile(sponsor, deps.mediaUrl), 200);
  });
}
