/** The agenda editor's calls to the agenda API: versioned writes, problems, the draft. */
import type { AgendaDraft, AgendaWarning } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';

export type Kind = 'sessions' | 'rooms' | 'tracks' | 'speakers';
export type Problem = {
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
};

export type WriteResult<T> =
  | { ok: true; entity: T; warnings: AgendaWarning[] }
  | { ok: false; stale: true }
  | { ok: false; stale: false; problem: Problem };

export function agendaApi(eventId: string) {
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const json = { 'content-type': 'application/json' };
  const problem = async (r: Response): Promise<Problem> => ({
    status: r.status,
    ...((await r.json().catch(() => ({}))) as Omit<Problem, 'status'>),
  });

  async function write<T>(
    kind: Kind,
    id: string | undefined,
    body: unknown,
    version?: number,
  ): Promise<WriteResult<T>> {
    const response = await api(id ? `${base}/${kind}/${encodeURIComponent(id)}` : `${base}/${kind}`, {
      method: id ? 'PUT' : 'POST',
      body: JSON.stringify(body),
      headers: id ? { ...json, 'if-match': `"${version}"` } : json,
    });
    if (response.status === 412) return { ok: false, stale: true };
    if (!response.ok) return { ok: false, stale: false, problem: await problem(response) };
    const answer = (await response.json()) as Record<string, unknown>;
    // Session writes answer { session, warnings }; other writes the entity, or { <entity>, warnings }.
    const key = kind.slice(0, -1);
    const entity = (key in answer ? answer[key] : answer) as T;
    return { ok: true, entity, warnings: (answer.warnings as AgendaWarning[] | undefined) ?? [] };
  }

  return {
    draft: async (): Promise<AgendaDraft> => {
      const response = await api(`${base}/agenda/draft`);
      if (!response.ok) throw new Error(`draft ${response.status}`);
      return (await response.json()) as AgendaDraft;
    },
    write,
    remove: async (kind: Kind, id: string, version: number): Promise<Problem | undefined> => {
      const response = await api(`${base}/${kind}/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: { 'if-match': `"${version}"` },
      });
      return response.ok ? undefined : problem(response);
    },
    publish: async () => {
      const response = await api(`${base}/agenda/publish`, { method: 'POST' });
      if (response.ok)
        return {
          ok: true as const,
          version: ((await response.json()) as { version: { version: number } }).version.version,
        };
      return { ok: false as const, problem: await problem(response) };
    },
  };
}

export type AgendaApi = ReturnType<typeof agendaApi>;
