/** Organisers edit the agenda on DynamoDB Local: versions, conflicts, publishing and the public read. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoConference } from '../../local/seed.ts';
import { agendaApp } from '../support/apps.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const base = '/api/events/citce-2027';
const at = (time: string) => `2027-06-09T${time}:00+01:00`;

describe('agenda editing and publishing', () => {
  let app: ReturnType<typeof agendaApp>;
  let organiser: Record<string, string>;
  let staff: Record<string, string>;
  let table: Awaited<ReturnType<typeof freshTable>>;

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(`${base}${path}`, {
      method,
      headers: { ...organiser, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  const talk = (id: string, start: string, end: string, roomId: string, speakerIds: string[] = []) => ({
    id,
    title: { en: `Talk ${id}`, fr: `Exposé ${id}` },
    type: 'talk',
    start: at(start),
    end: at(end),
    roomId,
    speakerIds,
  });

  /** The body of a PUT: every field but the id. */
  const fields = ({ id: _id, ...rest }: ReturnType<typeof talk>) => rest;

  beforeAll(async () => {
    table = await freshTable('agenda');
    await seedDemoConference(table.doc, table.tableName);
    const issuer = await testIssuer();
    app = agendaApp({ doc: table.doc, tableName: table.tableName, verifyToken: issuer.verifyToken });
    organiser = {
      authorization: `Bearer ${await issuer.sign({ sub: 'o1', email: 'o@example.org', groups: ['organisers'] })}`,
    };
    staff = { authorization: `Bearer ${await issuer.sign({ sub: 's1', groups: ['staff'] })}` };
  });

  it('creates, reads and replaces a room under If-Match, answering 428 without it and 412 when stale', async () => {
    const created = await send('POST', '/rooms', { id: 'side-room', name: { en: 'Side room', fr: 'Salle annexe' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(await created.json()).toEqual({
      id: 'side-room',
      name: { en: 'Side room', fr: 'Salle annexe' },
      version: 1,
    });

    const missing = await send('PUT', '/rooms/side-room', { name: { en: 'Side room B' } });
    expect(missing.status).toBe(428);
    const first = await send(
      'PUT',
      '/rooms/side-room',
      { name: { en: 'Side room B' }, capacity: 40 },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ id: 'side-room', name: { en: 'Side room B' }, capacity: 40, version: 2 });
    const second = await send('PUT', '/rooms/side-room', { name: { en: 'Overwrite' } }, { 'if-match': '"1"' });
    expect(second.status).toBe(412);
    expect(((await second.json()) as { detail: string }).detail).toBe(
      'Room side-room changed since version 1: it is at version 2.',
    );
    const read = await send('GET', '/rooms/side-room');
    expect(read.headers.get('etag')).toBe('"2"');
    expect(((await read.json()) as { name: { en: string } }).name.en).toBe('Side room B');
    expect((await send('POST', '/rooms', { id: 'side-room', name: { en: 'Again' } })).status).toBe(409);
  });

  it('refuses staff with 403 before reading the body', async () => {
    const response = await app.request(`${base}/rooms`, { method: 'POST', headers: staff, body: 'not json' });
    expect(response.status).toBe(403);
  });

  it('answers warnings on session writes; touching sessions do not overlap', async () => {
    const a = await send('POST', '/sessions', talk('clash-a', '16:00', '17:00', 'side-room', ['omar-haddad']));
    expect(a.status).toBe(201);
    expect(((await a.json()) as { warnings: unknown[] }).warnings).toEqual([]);
    const touching = await send('POST', '/sessions', talk('clash-touch', '17:00', '18:00', 'side-room'));
    expect(((await touching.json()) as { warnings: unknown[] }).warnings).toEqual([]);
    const b = await send('POST', '/sessions', talk('clash-b', '16:30', '17:30', 'side-room', ['omar-haddad']));
    expect(b.status).toBe(201);
    expect(((await b.json()) as { warnings: unknown[] }).warnings).toEqual([
      { kind: 'room-overlap', sessionIds: ['clash-a', 'clash-b'], roomId: 'side-room' },
      { kind: 'room-overlap', sessionIds: ['clash-b', 'clash-touch'], roomId: 'side-room' },
      { kind: 'speaker-overlap', sessionIds: ['clash-a', 'clash-b'], speakerId: 'omar-haddad' },
    ]);
    const outside = await send('POST', '/sessions', {
      ...talk('late-night', '23:30', '23:45', 'side-room'),
      start: '2027-06-11T23:30:00+01:00',
      end: '2027-06-11T23:45:00+01:00',
    });
    expect(((await outside.json()) as { warnings: unknown[] }).warnings).toEqual([
      { kind: 'outside-event', sessionIds: ['late-night'] },
    ]);
  });

  it('refuses a session naming a room or speaker that is not in the agenda (422)', async () => {
    const response = await send('POST', '/sessions', talk('ghost', '09:00', '10:00', 'no-room', ['nobody']));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      { path: 'roomId', message: 'No room no-room' },
      { path: 'speakerIds', message: 'No speaker nobody' },
    ]);
  });

  it('refuses to delete a room or speaker that sessions use, naming them', async () => {
    const room = await send('DELETE', '/rooms/side-room', undefined, { 'if-match': '"2"' });
    expect(room.status).toBe(409);
    expect(((await room.json()) as { detail: string }).detail).toBe(
      'The room side-room is used by 4 session(s): clash-a, clash-b, clash-touch, late-night. Change them first.',
    );
    const speaker = await send('DELETE', '/speakers/omar-haddad', undefined, { 'if-match': '"1"' });
    expect(speaker.status).toBe(409);
  });

  it('refuses to publish while overlaps remain, listing each, then publishes version 2 with its changelog', async () => {
    const refused = await send('POST', '/agenda/publish');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { errors: unknown[] }).errors).toEqual([
      { path: 'room-overlap', message: 'Sessions clash-a and clash-b overlap in room side-room' },
      { path: 'room-overlap', message: 'Sessions clash-b and clash-touch overlap in room side-room' },
      { path: 'speaker-overlap', message: 'Speaker omar-haddad is in sessions clash-a and clash-b at once' },
    ]);
    const moved = await send(
      'PUT',
      '/sessions/clash-b',
      fields(talk('clash-b', '18:00', '19:00', 'side-room', ['omar-haddad'])),
      {
        'if-match': '"1"',
      },
    );
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { warnings: unknown[] }).warnings).toEqual([]);

    const draft = (await (await send('GET', '/agenda/draft')).json()) as {
      publishedVersion: number;
      changes: { added: { sessionId: string }[] };
      warnings: unknown[];
    };
    expect(draft.publishedVersion).toBe(1);
    expect(draft.changes.added.map((e) => e.sessionId)).toEqual(['clash-a', 'clash-touch', 'clash-b', 'late-night']);
    expect(draft.warnings).toEqual([{ kind: 'outside-event', sessionIds: ['late-night'] }]);

    const published = await send('POST', '/agenda/publish');
    expect(published.status).toBe(201);
    const { version } = (await published.json()) as { version: { version: number; publishedBy: string } };
    expect(version.version).toBe(2);
    expect(version.publishedBy).toBe('o@example.org');
  });

  it('keeps every version with its changelog, and the public agenda serves only the latest', async () => {
    const renamed = {
      ...fields(talk('clash-a', '16:00', '17:00', 'side-room', ['omar-haddad'])),
      title: { en: 'Renamed' },
    };
    expect((await send('PUT', '/sessions/clash-a', renamed, { 'if-match': '"1"' })).status).toBe(200);
    expect((await send('DELETE', '/sessions/late-night', undefined, { 'if-match': '"1"' })).status).toBe(204);
    const before = await app.request(`${base}/agenda`);
    expect(((await before.json()) as { version: number; sessions: { id: string }[] }).version).toBe(2);
    expect((await send('POST', '/agenda/publish')).status).toBe(201);

    const versions = (await (await send('GET', '/agenda/versions')).json()) as {
      items: { version: number; changes: Record<string, { sessionId: string; fields?: string[] }[]> }[];
    };
    expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions.items[0]!.changes).toEqual({
      added: [],
      moved: [],
      changed: [{ sessionId: 'clash-a', title: { en: 'Renamed' }, fields: ['title'] }],
      cancelled: [{ sessionId: 'late-night', title: { en: 'Talk late-night', fr: 'Exposé late-night' } }],
    });
    expect(versions.items[2]!.changes.added).toHaveLength(15);

    const latest = await app.request(`${base}/agenda`);
    expect(latest.status).toBe(200);
    expect(latest.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = latest.headers.get('etag')!;
    expect(etag).toMatch(/^"v3-[A-Za-z0-9_-]{16}"$/);
    const body = (await latest.json()) as { version: number; sessions: { id: string }[]; rooms: unknown[] };
    expect(body.version).toBe(3);
    expect(body.sessions.map((s) => s.id)).toContain('clash-a');
    expect(body.sessions.map((s) => s.id)).not.toContain('late-night');
    expect(body.sessions).toHaveLength(18);

    const again = await app.request(`${base}/agenda`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await app.request(`${base}/agenda`, { headers: { 'if-none-match': '"v2-old"' } });
    expect(stale.status).toBe(200);
  });

  it('answers 404 for an event whose agenda was never published', async () => {
    const response = await app.request('/api/events/unknown-event/agenda');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
