/**
 * The check-in desk: find a person by the short code (or by id from the organisers' list, or
 * by name), mark arrival once (counting it), and answer only what the desk needs to see.
 */

import { BadRequestError, ConflictError, NotFoundError } from '../core/errors.ts';
import type { Bilingual } from '../core/schemas.ts';
import { normaliseCheckInCode } from './check-in-code.ts';
import type { CategoryReader, Clock } from './deps.ts';
import type { StoredCategory, StoredRegistration } from './keys.ts';
import type { RegistrationFilter } from './records-store.ts';
import type { PaymentStatus, RegistrationStatus } from './schemas.ts';

export interface DeskStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  registrationIdByCode(eventId: string, code: string): Promise<string | undefined>;
  /** Sets checkedInAt once and counts the arrival on the category, in one transaction; false if either moved. */
  checkIn(reg: StoredRegistration, at: string): Promise<boolean>;
  list(
    eventId: string,
    filter: RegistrationFilter,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: StoredRegistration[]; nextCursor: string | null }>;
}

export type DeskDeps = {
  store: DeskStore;
  categories: CategoryReader & { listCategories(eventId: string): Promise<StoredCategory[]> };
  now: Clock;
};

export type DeskAnswer = {
  registrationId: string;
  name: string;
  organisation: string;
  category: Bilingual;
  status: RegistrationStatus;
  checkedInAt: string;
  alreadyCheckedIn: boolean;
  paymentStatus?: PaymentStatus;
};

/** Only a confirmed or approved registration is admitted at the desk. */
function refuseUnlessAdmitted(status: RegistrationStatus) {
  if (status !== 'confirmed' && status !== 'approved') {
    throw new ConflictError(`A ${status} registration cannot be checked in.`);
  }
}

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
    ...(reg.payment ? { paymentStatus: reg.payment.status } : {}),
  });
  if (reg.checkedInAt) return answer(reg.checkedInAt, true);
  refuseUnlessAdmitted(reg.status);
  const at = deps.now().toISOString();
  if (!(await deps.store.checkIn(reg, at))) {
    // Someone checked the same person in a moment ago, or the status moved: read again, and
    // answer as the desk would have with what it reads now.
    const again = await deps.store.get(reg.id);
    if (again?.checkedInAt) return answer(again.checkedInAt, true);
    if (again) refuseUnlessAdmitted(again.status);
    throw new ConflictError('The registration changed meanwhile; try again.');
  }
  return answer(at, false);
}

/** Check-in by the code from the mail or the manage page: any case, spaces and dashes ignored. */
export async function checkInByCode(deps: DeskDeps, eventId: string, code: string): Promise<DeskAnswer> {
  const id = await deps.store.registrationIdByCode(eventId, normaliseCheckInCode(code));
  if (!id) throw new NotFoundError('No registration with this code.');
  return checkIn(deps, eventId, id);
}

const DESK_RESULTS = 20;

/** People whose name, organisation or address contains the text (a Query of the event's registrations, no Scan). */
export async function deskSearch(deps: DeskDeps, eventId: string, q: string | undefined) {
  const text = q?.trim();
  if (!text || text.length < 2) throw new BadRequestError('Type two characters or more.');
  const [page, categories] = await Promise.all([
    deps.store.list(eventId, { q: text }, { limit: DESK_RESULTS }),
    deps.categories.listCategories(eventId),
  ]);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return {
    items: page.items.map((r) => ({
      registrationId: r.id,
      name: `${r.firstName} ${r.lastName}`,
      organisation: r.organisation,
      category: names.get(r.categoryId) ?? { en: r.categoryId },
      status: r.status,
      ...(r.checkedInAt ? { checkedInAt: r.checkedInAt } : {}),
      ...(r.payment ? { paymentStatus: r.payment.status } : {}),
    })),
  };
}

/** Arrivals and seats taken, from the categories' counters (one Query). */
export async function deskStats(deps: DeskDeps, eventId: string) {
  const categories = await deps.categories.listCategories(eventId);
  return {
    checkedIn: categories.reduce((sum, c) => sum + (c.checkedIn ?? 0), 0),
    expected: categories.reduce((sum, c) => sum + c.taken, 0),
  };
}
