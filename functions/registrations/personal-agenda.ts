/**
 * The attendee's personal agenda: the sessions they starred, kept with their registration so
 * the stars follow them to another device. It is personal data: it expires with the
 * registration, the export includes it and the erasure removes it.
 */
import type { PersonalAgenda } from '../agenda/schemas.ts';
import type { Clock } from './deps.ts';
import type { StoredRegistration } from './keys.ts';

export interface StarredStore {
  getStarred(id: string): Promise<{ sessionIds: string[]; updatedAt: string } | undefined>;
  putStarred(id: string, starred: { sessionIds: string[]; updatedAt: string; expiresAt: number }): Promise<void>;
}

export async function personalAgenda(store: StarredStore, reg: StoredRegistration): Promise<PersonalAgenda> {
  const starred = await store.getStarred(reg.id);
  return { sessionIds: starred?.sessionIds ?? [], updatedAt: starred?.updatedAt ?? null };
}

export async function savePersonalAgenda(
  deps: { store: StarredStore; now: Clock },
  reg: StoredRegistration,
  sessionIds: string[],
): Promise<PersonalAgenda> {
  const updatedAt = deps.now().toISOString();
  await deps.store.putStarred(reg.id, { sessionIds, updatedAt, expiresAt: reg.expiresAt });
  return { sessionIds, updatedAt };
}
