/**
 * State changes after sign-up: cancel, reject, approve, check in, and promotions from the
 * waiting list. Each one vetoes, writes (with its mail, in one transaction) and answers.
 */
import { ConflictError, NotFoundError, UnavailableError } from '../core/errors.ts';
import { backoff, type CategoryReader, type Clock, type EventReader } from './deps.ts';
import { holdsSeat, type OutboxItem, type StoredRegistration } from './keys.ts';
import { attendeeMailItem } from './mails.ts';
import type { Registration, RegistrationStatus } from './schemas.ts';
import type { Promotion } from './store.ts';
import { view } from './views.ts';

/** What the state changes need of storage. */
export interface LifecycleStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  firstWaiting(eventId: string, categoryId: string): Promise<StoredRegistration | undefined>;
  release(
    reg: StoredRegistration,
    to: EndStatus,
    now: string,
    promote: Promotion | undefined,
    mails: OutboxItem[],
  ): Promise<boolean>;
  promoteIntoFreeSeat(promote: Promotion, now: string, mail: OutboxItem): Promise<'promoted' | 'no-seat' | 'moved'>;
  update(id: string, from: RegistrationStatus, sets: Record<string, unknown>, mail?: OutboxItem): Promise<boolean>;
}

export type EndStatus = 'cancelled' | 'rejected' | 'expired';

export type LifecycleDeps = { store: LifecycleStore; categories: CategoryReader; events: EventReader; now: Clock };

const MAX_ATTEMPTS = 16;

/** The status a verified person takes with a seat: a category that needs approval keeps them pending. */
export const seatedStatus = (category: { requiresApproval: boolean } | undefined) =>
  category?.requiresApproval ? ('pending' as const) : ('confirmed' as const);

/** Who moves up from the waiting list: an unverified person keeps to verify, with a seat now. */
const promotionOf = (waiter: StoredRegistration, category: { requiresApproval: boolean } | undefined): Promotion => ({
  reg: waiter,
  status: waiter.status === 'unverified' ? 'unverified' : seatedStatus(category),
});

function promotionMail(now: Date, promote: Promotion, name: { en: string; fr?: string }) {
  const code = promote.status === 'confirmed' ? { checkInCode: promote.reg.checkInCode } : {};
  return attendeeMailItem(now, promote.reg, 'promoted', name, code);
}

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
  to: EndStatus,
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
    const waiter = holdsSeat(reg) ? await deps.store.firstWaiting(reg.eventId, reg.categoryId) : undefined;
    const promote = waiter ? promotionOf(waiter, category) : undefined;
    const now = deps.now();
    const mails = [attendeeMailItem(now, reg, to, name)];
    if (promote) mails.push(promotionMail(now, promote, name));
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
  const mail = attendeeMailItem(now, reg, 'approved', await eventName(deps, reg.eventId), {
    checkInCode: reg.checkInCode,
  });
  const at = now.toISOString();
  if (!(await deps.store.update(id, 'pending', { status: 'approved', updatedAt: at }, mail))) {
    throw new ConflictError('The registration changed meanwhile; reload it.');
  }
  return view({ ...reg, status: 'approved', updatedAt: at });
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
    const promote = promotionOf(waiter, category);
    const mail = promotionMail(now, promote, await eventName(deps, eventId));
    const outcome = await deps.store.promoteIntoFreeSeat(promote, now.toISOString(), mail);
    if (outcome === 'no-seat') return promoted;
    if (outcome === 'promoted') promoted += 1;
  }
  return promoted;
}
