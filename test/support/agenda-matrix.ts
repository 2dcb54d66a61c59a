/**
 * The authorization matrix's agenda rows: expected statuses, and the data each allowed call
 * needs (a fresh entity to delete, the current version for If-Match, a session that
 * overlaps nothing so a publish goes through).
 */
type Row = [number, number, number, number, number, number];
type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

const everyone200: Row = [200, 200, 200, 200, 200, 200];
const organiserOnly = (ok: number): Row => [401, 401, 403, 403, 403, ok];
const attendeeOnly: Row = [401, 200, 401, 401, 401, 401];

const KINDS = ['rooms', 'tracks', 'speakers', 'sessions'] as const;
const SEEDED: Record<(typeof KINDS)[number], string> = {
  rooms: 'auditorium',
  tracks: 'data-analytics',
  speakers: 'amara-diallo',
  sessions: 'opening-keynote',
};

export const agendaRows: Record<string, Row> = {
  ...Object.fromEntries(
    KINDS.flatMap((kind) => [
      [`GET /api/events/{eventId}/${kind}`, organiserOnly(200)],
      [`POST /api/events/{eventId}/${kind}`, organiserOnly(201)],
      [`GET /api/events/{eventId}/${kind}/{id}`, organiserOnly(200)],
      [`PUT /api/events/{eventId}/${kind}/{id}`, organiserOnly(200)],
      [`DELETE /api/events/{eventId}/${kind}/{id}`, organiserOnly(204)],
    ]),
  ),
  'GET /api/events/{eventId}/agenda/draft': organiserOnly(200),
  'POST /api/events/{eventId}/agenda/publish': organiserOnly(201),
  'GET /api/events/{eventId}/agenda/versions': organiserOnly(200),
  'GET /api/events/{eventId}/agenda': everyone200,
  'GET /api/events/{eventId}/agenda.ics': everyone200,
  'GET /api/events/{eventId}/sessions/{sessionId}/calendar.ics': everyone200,
  'GET /api/events/{eventId}/speakers/{speakerId}/calendar.ics': everyone200,
  'GET /api/events/{eventId}/schedule.xml': everyone200,
  'GET /api/events/{eventId}/schedule.json': everyone200,
  'GET /api/registrations/{registrationId}/agenda': attendeeOnly,
  'PUT /api/registrations/{registrationId}/agenda': attendeeOnly,
};

let made = 0;
const json = { 'content-type': 'application/json' };

/** A new entity of a kind, in a room of its own, so nothing it adds overlaps. */
async function create(request: Request, organiser: Record<string, string>, kind: (typeof KINDS)[number]) {
  made += 1;
  const id = `matrix-${kind}-${made}`;
  const post = (path: string, body: object) =>
    request(`/api/events/citce-2027/${path}`, {
      method: 'POST',
      headers: { ...organiser, ...json },
      body: JSON.stringify(body),
    });
  const named = { id, name: { en: `Matrix ${made}` } };
  if (kind === 'speakers') await post(kind, { id, name: 'Matrix Person' });
  else if (kind !== 'sessions') await post(kind, named);
  else {
    await post('rooms', { ...named, id: `${id}-room` });
    await post(kind, {
      id,
      title: { en: 'Matrix session' },
      type: 'talk',
      start: '2027-06-09T16:00:00+01:00',
      end: '2027-06-09T17:00:00+01:00',
      roomId: `${id}-room`,
    });
  }
  return id;
}

/** What an agenda row's call needs, or undefined for a route that is not the agenda's. */
export async function prepareAgenda(
  request: Request,
  organiser: Record<string, string>,
  route: string,
  path: Record<string, string>,
): Promise<{ path: Record<string, string>; init: RequestInit } | undefined> {
  const [method, template] = route.split(' ') as [string, string];
  if (template === '/api/registrations/{registrationId}/agenda') {
    return method === 'PUT'
      ? { path, init: { body: JSON.stringify({ sessionIds: ['opening-keynote'] }), headers: json } }
      : { path, init: {} };
  }
  const kind = KINDS.find((k) => template.startsWith(`/api/events/{eventId}/${k}`));
  if (!kind || template.endsWith('calendar.ics')) {
    return route in agendaRows
      ? { path: { ...path, sessionId: 'risk-engines', speakerId: 'omar-haddad' }, init: {} }
      : undefined;
  }
  if (method === 'POST') {
    made += 1;
    const id = `matrix-new-${made}`;
    const bodies = {
      rooms: { id, name: { en: 'New room' } },
      tracks: { id, name: { en: 'New track' } },
      speakers: { id, name: 'New Person' },
      sessions: {
        id,
        title: { en: 'New session' },
        type: 'talk',
        start: '2027-06-10T17:00:00+01:00',
        end: '2027-06-10T18:00:00+01:00',
        roomId: await create(request, organiser, 'rooms'),
      },
    };
    return { path, init: { body: JSON.stringify(bodies[kind]), headers: json } };
  }
  if (method === 'DELETE') {
    const id = await create(request, organiser, kind);
    return { path: { ...path, id }, init: { headers: { 'if-match': '"1"' } } };
  }
  const id = SEEDED[kind];
  if (method === 'PUT') {
    const current = await request(`/api/events/citce-2027/${kind}/${id}`, { headers: organiser });
    const { id: _id, version: _version, ...fields } = (await current.json()) as Record<string, unknown>;
    return {
      path: { ...path, id },
      init: { body: JSON.stringify(fields), headers: { ...json, 'if-match': current.headers.get('etag') ?? '' } },
    };
  }
  return { path: { ...path, id }, init: {} };
}
