/**
 * The check-in desk: find a person by the short code (or by id from the organisers' list),
 * mark arrival once, and answer only what the desk needs to see.
 */

import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { Bilingual } from '../core/schemas.ts';
import { normaliseCheckInCode } from './check-in-code.ts';
import type { CategoryReader, Clock } from './deps.ts';
import type { StoredRegistration } from './keys.ts';
import type { RegistrationStatus } from './schemas.ts';

export interface DeskStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  registrationIdByCode(eventId: string, code: string): Promise<string | undefined>;
  update(id: string, from: RegistrationStatus, sets: Record<string, unknown>): Promise<boolean>;
}

export type DeskDeps = { store: DeskStore; categories: CategoryReader; now: Clock };

export type DeskAnswer = {
  registrationId: string;
  name: string;
  organisation: string;
  category: Bilingual;
  status: RegistrationStatus;
  checkedInAt: string;
  alreadyCheckedIn: boolean;
};

/** Marks arrival; a second time answers when the person first came instead of succeeding again. */
export async function checkIn(deps: DeskDeps, eventId: string, registrationId: string): Promise<DeskAnswer> {
  const reg = await deps.store.get(registrationId);
  if (!reg || reg.eventId !== eventId) throw new NotFoundError(`No registration ${registrationId} in ${eventId}.`);
  const category = await deps.categories.getCategory(eventId, reg.categoryId);
  const answer = (checkedInAt: string, alreadyCheckedIn: boolean): DeskAnswer => ({
    registrationId: reg.id,
    name: `${reg.firstName} ${reg.lastName}`,
    organisation: reg.organisation,
    category: category?.name ?? { en: reg.categoryId },
    status: reg.status,
    checkedInAt,
    alreadyCheckedIn,
  });
  if (reg.checkedInAt) return answer(reg.checkedInAt, true);
  if (reg.status !== 'confirmed' && reg.status !== 'approved') {
    throw new ConflictError(`A ${reg.status} registration cannot be checked in.`);
  }
  const at = deps.now().toISOString();
  if (!(await deps.store.update(reg.id, reg.status, { checkedInAt: at, updatedAt: at }))) {
    // Someone checked the same person in a moment ago, or the status moved: read again.
    const again = await deps.store.get(reg.id);
    if (again?.checkedInAt) return answer(again.checkedInAt, true);
    throw new ConflictError('The registration changed meanwhile; try again.');
  }
  return answer(at, false);
}

/** Check-in by the code from the mail or the manage page, typed in any case. */
export async function checkInByCode(deps: DeskDeps, eventId: string, code: string): Promise<DeskAnswer> {
  const id = await deps.store.registrationIdByCode(eventId, normaliseCheckInCode(code));
  if (!id) throw new NotFoundError('No registration with this code.');
  return checkIn(deps, eventId, id);
}
