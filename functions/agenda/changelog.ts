/**
 * What a publish changes against the previous published version, per session: added,
 * moved (start, end or room changed), changed (any other field) and cancelled (gone). A
 * session both moved and otherwise changed is listed in both. Entries are in start order.
 */
import type { ChangeEntry, Changelog, PublicSession } from './schemas.ts';

const SLOT_FIELDS = ['start', 'end', 'roomId'] as const;
const OTHER_FIELDS = ['title', 'abstract', 'type', 'trackId', 'speakerIds', 'language'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);
const slot = (s: PublicSession) => ({ start: s.start, end: s.end, roomId: s.roomId });
const byStart = (a: ChangeEntry & { at: string }, b: ChangeEntry & { at: string }) =>
  Date.parse(a.at) - Date.parse(b.at) || a.sessionId.localeCompare(b.sessionId);
const strip = (entries: (ChangeEntry & { at: string })[]): ChangeEntry[] =>
  entries.sort(byStart).map(({ at: _at, ...entry }) => entry);

export const emptyChangelog = (): Changelog => ({ added: [], moved: [], changed: [], cancelled: [] });

export function computeChangelog(previous: PublicSession[], next: PublicSession[]): Changelog {
  const before = new Map(previous.map((s) => [s.id, s]));
  const after = new Map(next.map((s) => [s.id, s]));
  const added = [];
  const moved = [];
  const changed = [];
  for (const session of next) {
    const old = before.get(session.id);
    const entry = { sessionId: session.id, title: session.title, at: session.start };
    if (!old) {
      added.push(entry);
      continue;
    }
    const slotMoved = SLOT_FIELDS.some((f) =>
      f === 'roomId' ? old.roomId !== session.roomId : !sameInstant(old[f], session[f]),
    );
    if (slotMoved) moved.push({ ...entry, from: slot(old), to: slot(session) });
    const fields = OTHER_FIELDS.filter((f) => !same(old[f], session[f]));
    if (fields.length > 0) changed.push({ ...entry, fields: [...fields] });
  }
  const cancelled = previous
    .filter((s) => !after.has(s.id))
    .map((s) => ({ sessionId: s.id, title: s.title, at: s.start }));
  return { added: strip(added), moved: strip(moved), changed: strip(changed), cancelled: strip(cancelled) };
}

export const changeCount = (log: Changelog) =>
  log.added.length + log.moved.length + log.changed.length + log.cancelled.length;
