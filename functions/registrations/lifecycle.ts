/**
 * State changes after sign-up: cancel, reject, approve, and promotions from the waiting
 * list. Each one vetoes, writes (with its mail, in one transaction) and answers. Every mail
 * that reports a new status carries a fresh manage link (links.ts).
 */
import { ConflictError, NotFoundError, UnavailableError } from '../core/errors.ts';
import type { TransactItem } from '../core/transaction.ts';
import type { StaffReleaser } from '../sponsors/public.ts';
import { backoff, type CategoryReader, type Clock, type EventReader } from './deps.ts';
import { holdsSeat, type OutboxItem, type StoredCategory, type StoredRegistration } from './keys.ts';
import { mintLink } from './links.ts';
import { attendeeMailItem, type MailContext, type MailKind } from './mails.ts';
import { startPaymentClock, withClock } from './payments.ts';
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
    options?: { tokenHash?: string; paymentDue?: boolean; also?: Record<string, TransactItem> },
  ): Promise<boolean>;
  promoteIntoFreeSeat(promote: Promotion, now: string, mail: OutboxItem): Promise<'promoted' | 'no-seat' | 'moved'>;
  update(
    id: string,
    from: RegistrationStatus,
    sets: Record<string, unknown>,
    mail?: OutboxItem,
    tokenHash?: string,
  ): Promise<boolean>;
}

export type EndStatus = 'cancelled' | 'rejected' | 'expired';

export type LifecycleDeps = {
  store: LifecycleStore;
  categories: CategoryReader;
  events: EventReader;
  siteUrl: string;
  now: Clock;
  /**
   * Booth staff's entry and pass at their sponsor (sponsors/public.ts), released in the same
   * transaction as the registration ends; absent where no booth staff ends (the sweepers).
   */
  staffRelease?: StaffReleaser;
};

const MAX_ATTEMPTS = 16;

/** The status a verified person takes with a seat: a category that needs approval keeps them pending. */
export const seatedStatus = (category: { requiresApproval: boolean } | undefined) =>
  category?.requiresApproval ? ('pending' as const) : ('confirmed' as const);

/**
 * Who moves up from the waiting list: an unverified person keeps to verify, with a seat now;
 * a confirmed one starts the payment clock. The mail carries a fresh link.
 */
function promotionOf(
  deps: LifecycleDeps,
  waiter: StoredRegistration,
  ctx: MailContext & { category: StoredCategory | undefined },
  now: Date,
): { promote: Promotion; mail: OutboxItem } {
  const status = waiter.status === 'unverified' ? 'unverified' : seatedStatus(ctx.category);
  const extra = status === 'confirmed' ? startPaymentClock(waiter, ctx.category, now) : {};
  const link = mintLink(deps.siteUrl, waiter);
  const mail = attendeeMailItem(now, { ...withClock(waiter, extra), status }, 'promoted', ctx, {
    manageUrl: link.url,
    status,
  });
  return { promote: { reg: waiter, status, extra, tokenHash: link.hash }, mail };
}

/** The event and category a mail speaks of. */
export async function mailContext(
  deps: Pick<LifecycleDeps, 'events' | 'categories'>,
  eventId: string,
  categoryId: string,
): Promise<MailContext & { category: StoredCategory | undefined }> {
  const [event, category] = await Promise.all([
    deps.events.getEvent(eventId),
    deps.categories.getCategory(eventId, categoryId),
  ]);
  return { event: event ?? { id: eventId, name: { en: eventId } }, category };
}

async function getOrNotFound(store: LifecycleStore, id: string) {
  const reg = await store.get(id);
  if (!reg) throw new NotFoundError(`No registration ${id}.`);
  return reg;
}

/**
 * Cancels, rejects or lets lapse; a held seat goes to the first person waiting, who is told
 * by mail. `paymentDue` cancels only while the fee is still unpaid (the payment sweep).
 */
export async function endRegistration(
  deps: LifecycleDeps,
  id: string,
  to: EndStatus,
  allowedFrom: RegistrationStatus[],
  options: { mail?: MailKind; paymentDue?: boolean } = {},
): Promise<Registration> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const reg = await getOrNotFound(deps.store, id);
    if (reg.status === to) return view(reg);
    // Paid meanwhile: nothing to cancel for want of payment.
    if (options.paymentDue && reg.payment?.status !== 'due') return view(reg);
    if (!allowedFrom.includes(reg.status)) throw new ConflictError(`A ${reg.status} registration cannot become ${to}.`);
    const ctx = await mailContext(deps, reg.eventId, reg.categoryId);
    const waiter = holdsSeat(reg) ? await deps.store.firstWaiting(reg.eventId, reg.categoryId) : undefined;
    const now = deps.now();
    const promotion = waiter ? promotionOf(deps, waiter, ctx, now) : undefined;
    const link = mintLink(deps.siteUrl, reg);
    const mails = [attendeeMailItem(now, { ...reg, status: to }, options.mail ?? to, ctx, { manageUrl: link.url })];
    if (promotion) mails.push(promotion.mail);
    const at = now.toISOString();
    const also = reg.sponsorId ? await deps.staffRelease?.partsFor(reg) : undefined;
    const written = await deps.store.release(reg, to, at, promotion?.promote, mails, {
      tokenHash: link.hash,
      paymentDue: options.paymentDue,
      also,
    });
    if (written) return view({ ...reg, status: to, updatedAt: at });
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
  const ctx = await mailContext(deps, reg.eventId, reg.categoryId);
  const at = now.toISOString();
  const clock = startPaymentClock(reg, ctx.category, now);
  const approved = { ...withClock(reg, clock), status: 'approved' as const, updatedAt: at };
  const link = mintLink(deps.siteUrl, reg);
  const mail = attendeeMailItem(now, approved, 'approved', ctx, { manageUrl: link.url });
  if (!(await deps.store.update(id, 'pending', { status: 'approved', updatedAt: at, ...clock }, mail, link.hash))) {
    throw new ConflictError('The registration changed meanwhile; reload it.');
  }
  return view(approved);
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
    const ctx = await mailContext(deps, eventId, categoryId);
    const { promote, mail } = promotionOf(deps, waiter, ctx, now);
    const outcome = await deps.store.promoteIntoFreeSeat(promote, now.toISOString(), mail);
    if (outcome === 'no-seat') return promoted;
    if (outcome === 'promoted') promoted += 1;
  }
  return promoted;
}
