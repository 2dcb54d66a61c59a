/**
 * The life of a profile, one function per state change. The live version changes only on
 * approve (replaced) and unpublish (hidden); a sponsor's save touches the draft alone, and a
 * save that changes nothing writes nothing.
 *   draft ──submit──▶ submitted ──approve──▶ live
 *     ▲                   │return
 *     └──── save ── changes-requested
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, StaleVersionError, UnprocessableError } from '../core/errors.ts';
import { siteRebuildItem } from '../core/site-rebuild.ts';
import type { RenderedContent } from './keys.ts';
import { type ProfileMail, profileMails } from './profile-mails.ts';
import type { ProfileState, SponsorProfileInput } from './schemas.ts';
import type { SponsorsStore, StoredSponsor } from './store.ts';
import { contentOf, type MediaUrl, sameContent } from './views.ts';

/** What checks an uploaded logo: the object exists under the sponsor's prefix, with a right type and size. */
export type LogoChecker = (sponsorId: string, key: string) => Promise<boolean>;

export type ProfileDeps = {
  store: SponsorsStore;
  now: () => Date;
  siteUrl: string;
  mediaUrl: MediaUrl;
  checkLogo: LogoChecker;
};

const WEEK_SECONDS = 7 * 24 * 3600;

export async function requireSponsor(store: SponsorsStore, sponsorId: string, eventId?: string) {
  const sponsor = await store.getSponsor(sponsorId);
  if (!sponsor || (eventId !== undefined && sponsor.eventId !== eventId)) {
    throw new NotFoundError(`No sponsor ${sponsorId}${eventId ? ` in ${eventId}` : ''}.`);
  }
  return sponsor;
}

function requireVersion(sponsor: StoredSponsor, expected: number | undefined) {
  if (expected !== undefined && sponsor.version !== expected) {
    throw new StaleVersionError(`Sponsor ${sponsor.id} changed since version ${expected}; reload it.`);
  }
}

/** Saves the draft. Unchanged content writes nothing; content equal to the live version reads as live again. */
export async function saveProfile(
  deps: ProfileDeps,
  sponsorId: string,
  input: SponsorProfileInput,
  expectedVersion: number,
): Promise<StoredSponsor> {
  const sponsor = await requireSponsor(deps.store, sponsorId);
  requireVersion(sponsor, expectedVersion);
  const content = contentOf(input);
  if (content.logoKey && content.logoKey !== sponsor.draft.logoKey) {
    const ours = content.logoKey.startsWith(`media/logos/${sponsorId}/`);
    if (!ours || !(await deps.checkLogo(sponsorId, content.logoKey))) {
      throw new UnprocessableError('Upload the logo first (PNG, JPEG or WebP, at most 1 MB).', [
        { path: 'logoKey', message: 'No uploaded logo of this sponsor under this key' },
      ]);
    }
  }
  if (sameContent(content, sponsor.draft)) return sponsor;
  const state: ProfileState = sponsor.live && sameContent(content, sponsor.live) ? 'live' : 'draft';
  const updatedAt = deps.now().toISOString();
  await deps.store.changeSponsor(
    sponsor,
    { version: expectedVersion },
    { sets: { draft: content, state, updatedAt }, removes: ['submittedAt'] },
  );
  return { ...sponsor, draft: content, state, updatedAt, submittedAt: undefined, version: sponsor.version + 1 };
}

/** Puts the draft under review. */
export async function submitProfile(deps: ProfileDeps, sponsorId: string, expectedVersion: number) {
  const sponsor = await requireSponsor(deps.store, sponsorId);
  requireVersion(sponsor, expectedVersion);
  if (sponsor.state === 'submitted') throw new ConflictError('This draft is already under review.');
  if (sponsor.state === 'live') throw new ConflictError('Nothing to submit: the draft is the live version.');
  const submittedAt = deps.now().toISOString();
  await deps.store.changeSponsor(
    sponsor,
    { version: expectedVersion, states: [sponsor.state] },
    { sets: { state: 'submitted', submittedAt, updatedAt: submittedAt }, removes: ['comment'] },
  );
  const { comment: _c, ...rest } = sponsor;
  return { ...rest, state: 'submitted' as const, submittedAt, updatedAt: submittedAt, version: sponsor.version + 1 };
}

/** The site-rebuild request written beside a change the public pages show. */
export const siteRebuild = (eventId: string, now: Date) =>
  siteRebuildItem(
    { id: randomUUID(), eventId, reason: 'sponsor-changed', requestedAt: now.toISOString() },
    Math.floor(now.getTime() / 1000) + WEEK_SECONDS,
  );

async function mailMembers(deps: ProfileDeps, sponsor: StoredSponsor, kind: ProfileMail, now: Date) {
  const members = await deps.store.listMembers(sponsor.id);
  return profileMails(members, sponsor, kind, deps.siteUrl, now);
}

/**
 * The most rendered HTML stored with a live version. The item holds the draft and the live
 * Markdown too (each under the 64 KB body limit), and DynamoDB refuses items over 400 KB;
 * escaped Markdown renders up to five times longer. Larger HTML is rendered on each read.
 */
export const RENDERED_MAX_BYTES = 100_000;
const fitsBeside = (rendered: RenderedContent) => Buffer.byteLength(JSON.stringify(rendered)) <= RENDERED_MAX_BYTES;

/**
 * Organisers approve a submitted draft: it replaces the live version and is published. A
 * live version that was unpublished is published again the same way. `expectedVersion`,
 * when given, is the version the organiser reviewed.
 */
export async function approveProfile(deps: ProfileDeps, eventId: string, sponsorId: string, expectedVersion?: number) {
  const sponsor = await requireSponsor(deps.store, sponsorId, eventId);
  requireVersion(sponsor, expectedVersion);
  const now = deps.now();
  const at = now.toISOString();
  const republish = sponsor.state === 'live' && sponsor.live && !sponsor.published;
  if (sponsor.state !== 'submitted' && !republish) {
    throw new ConflictError(
      sponsor.published ? 'Nothing to approve: no draft is under review.' : 'Nothing to approve: submit a draft first.',
    );
  }
  // Rendered once here, so public reads serve stored HTML (views.ts renderedOf).
  const rendered = republish ? undefined : (await import('./markdown.ts')).renderContent(sponsor.draft);
  const live = republish
    ? sponsor.live
    : {
        ...sponsor.draft,
        version: sponsor.version,
        approvedAt: at,
        ...(rendered && fitsBeside(rendered) ? { rendered } : {}),
      };
  const side = [siteRebuild(sponsor.eventId, now), ...(await mailMembers(deps, sponsor, 'approved', now))];
  await deps.store.changeSponsor(
    sponsor,
    { version: sponsor.version, states: [sponsor.state] },
    { sets: { live, state: 'live', published: true, updatedAt: at }, removes: ['comment', 'submittedAt'] },
    side,
  );
  const { comment: _c, submittedAt: _s, ...rest } = sponsor;
  return { ...rest, live, state: 'live' as const, published: true, updatedAt: at, version: sponsor.version + 1 };
}

/** Organisers send a submitted draft back with a comment; the live version stays as it is. */
export async function returnProfile(deps: ProfileDeps, eventId: string, sponsorId: string, comment: string) {
  const sponsor = await requireSponsor(deps.store, sponsorId, eventId);
  if (sponsor.state !== 'submitted') throw new ConflictError('Only a draft under review can be sent back.');
  const now = deps.now();
  const at = now.toISOString();
  const next = { ...sponsor, state: 'changes-requested' as const, comment, updatedAt: at };
  const side = await mailMembers(deps, next, 'returned', now);
  await deps.store.changeSponsor(
    sponsor,
    { version: sponsor.version, states: ['submitted'] },
    { sets: { state: next.state, comment, updatedAt: at }, removes: ['submittedAt'] },
    side,
  );
  const { submittedAt: _s, ...rest } = next;
  return { ...rest, version: sponsor.version + 1 };
}

/** Organisers take the live version off the public site (the draft and its state are kept). */
export async function unpublishProfile(deps: ProfileDeps, eventId: string, sponsorId: string) {
  const sponsor = await requireSponsor(deps.store, sponsorId, eventId);
  if (!sponsor.published) throw new ConflictError('This profile is not published.');
  const now = deps.now();
  const at = now.toISOString();
  await deps.store.changeSponsor(sponsor, { version: sponsor.version }, { sets: { published: false, updatedAt: at } }, [
    siteRebuild(sponsor.eventId, now),
  ]);
  return { ...sponsor, published: false, updatedAt: at, version: sponsor.version + 1 };
}
