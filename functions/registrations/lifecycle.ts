/**
 * State changes after sign-up: cancel, reject, approve, check in, and promotions from the
 * waiting list. Each one vetoes, writes (with its mail, in one transaction) and answers.
 */
import { ConflictError, NotFoundError, UnavailableError } from '../core/errors.ts';
import { backoff, type CategoryReader, type Clock, type EventReader } from './deps.ts';
import { holdsSeat, type OutboxItem, type StoredRegistration } from './keys.ts';
import { attendeeMailItem } from './mails.ts';
import type { Registration, RegistrationStatus } from './schemas.ts';
import { view } from './views.ts';

/** What the state changes need of storage. */
export interface LifecycleStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  firstWaiting(eventId: string, categoryId: string): Promise<StoredRegistration | undefined>;
  release(
    reg: StoredRegistration,
    to: 'cancelled' | 'rejected',
    now: string,
    promote: { reg: StoredRegistration; status: 'confirmed' | 'pending' } | undefined,
    mails: OutboxItem[],
  ): Promise<boolean>;
  promoteIntoFreeSeat(
    waiter: StoredRegistration,
    status: 'confirmed' | 'pending',
    now: string,
    mail: OutboxItem,
  ): Promise<'promoted' | 'no-seat' | 'moved'>;
  update(id: string, from: RegistrationStatus, sets: Record<string, unknown>, mail?: OutboxItem): Promise<boolean>;
}

export type LifecycleDeps = { store: LifecycleStore; categories: CategoryReader; events: EventReader; now: Clock };

const MAX_ATTEMPTS = 16;

/** The status a promoted person gets: a category that needs approval keeps them pending. */
const seatedStatus = (category: { requiresApproval: boolean } | undefined) =>
  category?.requiresApproval ? ('pending' as const) : ('confirmed' as const);

async function eventName(deps: LifecycleDeps, eventId: string) {
  return (await deps.events.getEvent(eventId))?.name ?? { en: eventId };
}

async function getOrNotFound(store: LifecycleStore, id: string) {
  const reg = await store.get(id);
  if (!reg) throw new NotFoundError(`No registration ${id}.`);
  return reg;
}

/** Cancels or rejects; a held seat goes to the first person waiting, who is told by mail. */
export async function endRegistration(
  deps: LifecycleDeps,
  id: string,
  to: 'cancelled' | 'rejected',
  allowedFrom: RegistrationStatus[],
): Promise<Registration> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const reg = await getOrNotFound(deps.store, id);
    if (reg.status === to) return view(reg);
    if (!allowedFrom.includes(reg.status)) throw new ConflictError(`A ${reg.status} registration cannot become ${to}.`);
    const [name, category] = await Promise.all([
      eventName(deps, reg.eventId),
      deps.categories.getCategory(reg.eventId, reg.categoryId),
    ]);
    const waiter = holdsSeat(reg.status) ? await deps.store.firstWaiting(reg.eventId, reg.categoryId) : undefined;
    const promote = waiter ? { reg: waiter, status: seatedStatus(category) } : undefined;
    const now = deps.now();
    const mails = [attendeeMailItem(now, reg, to, name)];
    if (promote) {
      const code = promote.status === 'confirmed' ? { checkInCode: promote.reg.id } : {};
      mails.push(attendeeMailItem(now, promote.reg, 'promoted', name, code));
    }
    const at = now.toISOString();
    if (await deps.store.release(reg, to, at, promote, mails)) return view({ ...reg, status: to, updatedAt: at });
    // The waiting list or the status moved (or the index lags behind a new waiter): read again.
    await backoff(attempt, 20);
  }
  throw new UnavailableError('The registration is changing right now; please retry.', 1);
}

export async function approve(deps: LifecycleDeps, id: string): Promise<Registration> {
  const reg = await getOrNotFound(deps.store, id);
  if (reg.status === 'approved') return view(reg);
  if (reg.status !== 'pending') {
    throw new ConflictError(`Only a pending registration can be approved; this one is ${reg.status}.`);
  }
  const now = deps.now();
  const mail = attendeeMailItem(now, reg, 'approved', await eventName(deps, reg.eventId), { checkInCode: reg.id });
  const at = now.toISOString();
  if (!(await deps.store.update(id, 'pending', { status: 'approved', updatedAt: at }, mail))) {
    throw new ConflictError('The registration changed meanwhile; reload it.');
  }
  return view({ ...reg, status: 'approved', updatedAt: at });
}

/** Marks arrival at the venue (organisers and staff); idempotent for the same person. */
export async function checkIn(deps: LifecycleDeps, id: string): Promise<Registration> {
  const reg = await getOrNotFound(deps.store, id);
  if (reg.checkedInAt) return view(reg);
  if (reg.status !== 'confirmed' && reg.status !== 'approved') {
    throw new ConflictError(`A ${reg.status} registration cannot be checked in.`);
  }
  const at = deps.now().toISOString();
  if (!(await deps.store.update(id, reg.status, { checkedInAt: at, updatedAt: at }))) {
    throw new ConflictError('The registration changed meanwhile; try again.');
  }
  return view({ ...reg, checkedInAt: at, updatedAt: at });
}

/** After a category grows: the first people waiting take the new seats, in order. */
export async function fillFreeSeats(deps: LifecycleDeps, eventId: string, categoryId: string): Promise<number> {
  let promoted = 0;
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const category = await deps.categories.getCategory(eventId, categoryId);
    if (!category || category.taken >= category.capacity || !category.waiting) return promoted;
    const waiter = await deps.store.firstWaiting(eventId, categoryId);
    if (!waiter) {
      // The index has not caught up with a new waiter yet.
      await backoff(0, 50);
      continue;
    }
    const now = deps.now();
    const mail = attendeeMailItem(now, waiter, 'promoted', await eventName(deps, eventId));
    const outcome = await deps.store.promoteIntoFreeSeat(waiter, seatedStatus(category), now.toISOString(), mail);
    if (outcome === 'no-seat') return promoted;
    if (outcome === 'promoted') promoted += 1;
  }
  return promoted;
}
