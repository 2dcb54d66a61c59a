/**
 * The starred sessions of "My agenda". They live in localStorage on this device; when the
 * attendee has opened their manage link here, the registration's own copy (the API) is merged
 * in and kept up to date, so stars follow them to another device.
 */

export const STARS = 'conference:agenda-stars';
/** The manage link's credential (`<registrationId>.<secret>`), kept by the manage page on this device. */
export const MANAGE_TOKEN = 'conference:agenda-token';

export type StarState = {
  /** The starred session ids on this device. */
  ids: string[];
  /** The ids the registration held after the last sync; undefined before the first. */
  synced?: string[];
};

export function readStars(storage: Pick<Storage, 'getItem'>): StarState {
  try {
    const value = JSON.parse(storage.getItem(STARS) ?? '{}') as Partial<StarState>;
    return {
      ids: Array.isArray(value.ids) ? value.ids.filter((id) => typeof id === 'string') : [],
      ...(Array.isArray(value.synced) ? { synced: value.synced } : {}),
    };
  } catch {
    return { ids: [] };
  }
}

export function writeStars(storage: Pick<Storage, 'setItem'>, state: StarState): void {
  storage.setItem(STARS, JSON.stringify(state));
}

export function toggle(state: StarState, id: string): StarState {
  const ids = state.ids.includes(id) ? state.ids.filter((x) => x !== id) : [...state.ids, id];
  return { ...state, ids };
}

/**
 * Three-way merge of this device's stars with the registration's: what this device added or
 * removed since the last sync wins, everything else comes from the server (another device's
 * additions and removals). On the first sync nothing was removed here, so it is a union.
 */
export function merge(local: StarState, remote: readonly string[]): string[] {
  const base = new Set(local.synced ?? []);
  const here = new Set(local.ids);
  const added = local.ids.filter((id) => !base.has(id));
  const removed = new Set([...base].filter((id) => !here.has(id)));
  const result = [...remote.filter((id) => !removed.has(id))];
  for (const id of added) if (!result.includes(id)) result.push(id);
  return result;
}

export function manageToken(storage: Pick<Storage, 'getItem'>): { id: string; secret: string } | undefined {
  const [id, secret] = (storage.getItem(MANAGE_TOKEN) ?? '').split('.');
  return id && secret ? { id, secret } : undefined;
}

/**
 * Brings this device and the registration in line: reads the registration's stars, merges, and
 * writes back when they differ. Without a manage token it leaves the local stars as they are.
 */
export async function sync(storage: Storage, fetcher: typeof fetch = fetch): Promise<StarState> {
  const local = readStars(storage);
  const token = manageToken(storage);
  if (!token) return local;
  const url = `/api/registrations/${encodeURIComponent(token.id)}/agenda`;
  const headers = { authorization: `Bearer ${token.secret}` };
  const answer = await fetcher(url, { headers });
  if (!answer.ok) return local;
  const remote = ((await answer.json()) as { sessionIds: string[] }).sessionIds;
  const ids = merge(local, remote);
  const same = ids.length === remote.length && ids.every((id) => remote.includes(id));
  if (!same) {
    const put = await fetcher(url, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionIds: ids }),
    });
    if (!put.ok) {
      const state = { ...local, ids };
      writeStars(storage, state);
      return state;
    }
  }
  const state = { ids, synced: ids };
  writeStars(storage, state);
  return state;
}
