/**
 * Publishing: the draft becomes an immutable, numbered version with a changelog against the
 * previous one, unless a room or speaker overlap remains (409 listing them). The same
 * transaction asks for a site rebuild, so the static programme follows.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, UnavailableError } from '../core/errors.ts';
import type { EventReader } from '../events/public.ts';
import { computeChangelog, emptyChangelog } from './changelog.ts';
import { agendaWarnings, blockingWarnings, describeWarning } from './conflicts.ts';
import { requireEvent } from './editing.ts';
import type { PublishedReader } from './published.ts';
import type { AgendaDraft, AgendaVersion, PublishedAgenda } from './schemas.ts';
import { encodeSnapshot, MAX_CHUNKS, snapshotOf } from './snapshot.ts';
import type { AgendaStore } from './store.ts';

export type PublishStore = Pick<AgendaStore, 'loadDraft' | 'publish' | 'listVersions'>;
export type PublishDeps = { store: PublishStore; events: EventReader; published: PublishedReader; now: () => Date };

/** How long an unhandled rebuild request lingers before TTL removes it. */
const REBUILD_TTL_SECONDS = 24 * 60 * 60;

async function previousSessions(deps: PublishDeps, eventId: string, version: number | undefined) {
  if (version === undefined) return [];
  const previous = await deps.published.version(eventId, version);
  return previous?.agenda.sessions ?? [];
}

/** Everything the console edits, its conflicts and what publishing now would change. */
export async function draftView(deps: PublishDeps, eventId: string): Promise<AgendaDraft> {
  const [event, draft] = await Promise.all([requireEvent(deps.events, eventId), deps.store.loadDraft(eventId)]);
  const version = draft.published?.version;
  const next = snapshotOf(draft, { eventId, version: (version ?? 0) + 1, publishedAt: '', timeZone: event.timeZone });
  const changes = computeChangelog(await previousSessions(deps, eventId, version), next.sessions);
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    eventId,
    timeZone: event.timeZone,
    rooms: byId(draft.rooms),
    tracks: byId(draft.tracks),
    speakers: byId(draft.speakers),
    sessions: [...draft.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id)),
    warnings: agendaWarnings(draft.sessions, event),
    publishedVersion: version ?? null,
    changes,
  };
}

export async function publish(deps: PublishDeps, eventId: string, publishedBy: string | undefined) {
  const [event, draft] = await Promise.all([requireEvent(deps.events, eventId), deps.store.loadDraft(eventId)]);
  const blocking = blockingWarnings(agendaWarnings(draft.sessions, event));
  if (blocking.length > 0) {
    throw new ConflictError(
      `Publishing needs every room and speaker overlap resolved; ${blocking.length} remain.`,
      blocking.map(describeWarning),
    );
  }
  const previousVersion = draft.published?.version;
  const version = (previousVersion ?? 0) + 1;
  const now = deps.now();
  const publishedAt = now.toISOString();
  const agenda: PublishedAgenda = snapshotOf(draft, { eventId, version, publishedAt, timeZone: event.timeZone });
  const changes = previousVersion
    ? computeChangelog(await previousSessions(deps, eventId, previousVersion), agenda.sessions)
    : computeChangelog([], agenda.sessions);
  const chunks = encodeSnapshot(agenda);
  if (chunks.length > MAX_CHUNKS) throw new ConflictError('The agenda is too large to publish in one version.');
  const head: AgendaVersion = {
    version,
    publishedAt,
    ...(publishedBy ? { publishedBy } : {}),
    counts: {
      sessions: agenda.sessions.length,
      speakers: agenda.speakers.length,
      rooms: agenda.rooms.length,
      tracks: agenda.tracks.length,
    },
    changes: changes ?? emptyChangelog(),
  };
  const written = await deps.store.publish({
    eventId,
    previousVersion,
    head: { ...head, chunks: chunks.length },
    chunks,
    rebuild: { id: randomUUID(), eventId, reason: 'agenda-published', requestedAt: publishedAt },
    rebuildExpiresAt: Math.floor(now.getTime() / 1000) + REBUILD_TTL_SECONDS,
  });
  if (!written) throw new UnavailableError('Another publish of this agenda is under way; retry in a moment.', 2);
  return head;
}

/** Every published version with its changelog, newest first. */
export async function listVersions(deps: PublishDeps, eventId: string): Promise<AgendaVersion[]> {
  await requireEvent(deps.events, eventId);
  const heads = await deps.store.listVersions(eventId);
  return heads.reverse().map(({ chunks: _chunks, ...head }) => head);
}
