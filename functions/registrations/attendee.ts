/** What attendees do with their manage link: open, view, change, export, erase. */
import { timingSafeEqual } from 'node:crypto';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { OutboxMail } from '../mail/outbox.ts';
import { feeOf } from './category-view.ts';
import { type CategoryReader, type Clock, DAY_SECONDS, type EventReader, eventEndSeconds } from './deps.ts';
import { hasEnded, hasInvoice, isWaiting, type Sensitive, type StoredRegistration } from './keys.ts';
import { endRegistration, type LifecycleDeps } from './lifecycle.ts';
import type { ManageView } from './manage-schemas.ts';
import type { Registration, RegistrationPatch } from './schemas.ts';
import { hashToken, searchText, view } from './views.ts';

/** What the attendee's own actions need of storage. */
export interface AttendeeStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number>;
  getSensitive(id: string): Promise<Omit<Sensitive, 'expiresAt'>>;
  putSensitive(id: string, sensitive: Sensitive): Promise<void>;
  update(id: string, from: Registration['status'], sets: Record<string, unknown>): Promise<boolean>;
  erase(reg: StoredRegistration): Promise<void>;
  firstResponse(reg: StoredRegistration): Promise<unknown>;
  unsentMail(id: string): Promise<OutboxMail[]>;
  getStarred(id: string): Promise<{ sessionIds: string[]; updatedAt: string } | undefined>;
}

export type AttendeeDeps = {
  store: AttendeeStore;
  events: EventReader;
  categories: CategoryReader;
  now: Clock;
  /** Removes the attendee's leads at every sponsor (consent withdrawn, data erased): sponsors/public.ts. */
  withdrawLeads?: (registrationId: string) => Promise<void>;
};

/** Statuses after which nothing can change: the manage page shows no edit form. */
/** The registration a manage token opens, or 404 (also for a wrong token: nothing to learn). */
export async function openWithToken(store: Pick<AttendeeStore, 'get'>, id: string, token: string) {
  const reg = await store.get(id);
  const given = Buffer.from(hashToken(token), 'hex');
  const hashes = reg ? [reg.tokenHash, ...(reg.tokenHashes ?? [])] : [''.padEnd(64, '0')];
  // Compare with every link ever mailed, each in constant time.
  const matches = hashes.map((hash) => timingSafeEqual(Buffer.from(hash, 'hex'), given));
  if (!reg || !matches.includes(true)) throw new NotFoundError('No registration for this link.');
  return reg;
}

export async function viewRegistration(store: Pick<AttendeeStore, 'waitingAhead'>, reg: StoredRegistration) {
  if (!isWaiting(reg)) return view(reg);
  return view(reg, (await store.waitingAhead(reg.eventId, reg.categoryId, reg.waitSeq ?? 0)) + 1);
}

/** The manage page's view: the registration with its category, event, payment and whether it ended. */
export async function manageView(deps: AttendeeDeps, reg: StoredRegistration): Promise<ManageView> {
  const [registration, event, category] = await Promise.all([
    viewRegistration(deps.store, reg),
    deps.events.getEvent(reg.eventId),
    deps.categories.getCategory(reg.eventId, reg.categoryId),
  ]);
  if (!event) throw new NotFoundError('No registration for this link.');
  const fee = category ? feeOf(category) : undefined;
  const ended = hasEnded(reg.status);
  return {
    ...registration,
    category: {
      id: reg.categoryId,
      name: category?.name ?? { en: reg.categoryId },
      ...(fee ? { fee } : {}),
      ...(category?.price ? { price: category.price } : {}),
    },
    event: {
      id: event.id,
      name: event.name,
      startDate: event.startDate,
      endDate: event.endDate,
      timeZone: event.timeZone,
      venue: event.venue,
      ...(event.bankAccount && reg.payment?.status === 'due' && !ended ? { bankAccount: event.bankAccount } : {}),
    },
    ended,
    ...(hasInvoice(reg) ? { invoiceUrl: `/api/registrations/${reg.id}/invoice.pdf` } : {}),
  };
}

/** Everything held about the attendee, every copy included, for the export right. */
export async function exportData(deps: AttendeeDeps, reg: StoredRegistration) {
  const [registration, sensitive, firstResponse, mail, starred] = await Promise.all([
    viewRegistration(deps.store, reg),
    deps.store.getSensitive(reg.id),
    deps.store.firstResponse(reg),
    deps.store.unsentMail(reg.id),
    deps.store.getStarred(reg.id),
  ]);
  const personalAgenda = { sessionIds: starred?.sessionIds ?? [], updatedAt: starred?.updatedAt ?? null };
  return { registration, sensitive, firstResponse, mail, personalAgenda, exportedAt: deps.now().toISOString() };
}

/** Changes what an attendee may change; ended registrations are read-only. */
export async function changeRegistration(
  deps: AttendeeDeps,
  reg: StoredRegistration,
  patch: RegistrationPatch,
): Promise<Registration> {
  if (hasEnded(reg.status)) {
    throw new ConflictError(`A ${reg.status} registration cannot be changed.`);
  }
  const { dietaryNeeds, accessibilityNeeds, consent, ...other } = patch;
  const fields = consent ? { ...other, consent: { ...reg.consent, ...consent } } : other;
  const now = deps.now().toISOString();
  // The organisers' search must find the person under the name they have now.
  const search = searchText({ ...reg, ...fields });
  if (!(await deps.store.update(reg.id, reg.status, { ...fields, search, updatedAt: now }))) {
    throw new ConflictError('The registration changed meanwhile; reload it.');
  }
  // Withdrawn consent: every sponsor's lead of this attendee goes at once.
  if (consent?.shareWithExhibitors === false) await deps.withdrawLeads?.(reg.id);
  if (dietaryNeeds !== undefined || accessibilityNeeds !== undefined) {
    const current = await deps.store.getSensitive(reg.id);
    const event = await deps.events.getEvent(reg.eventId);
    const end = event ? eventEndSeconds(event) : reg.expiresAt;
    await deps.store.putSensitive(reg.id, {
      ...current,
      ...(dietaryNeeds !== undefined ? { dietaryNeeds } : {}),
      ...(accessibilityNeeds !== undefined ? { accessibilityNeeds } : {}),
      expiresAt: end + DAY_SECONDS,
    });
  }
  return viewRegistration(deps.store, { ...reg, ...fields, updatedAt: now });
}

/** The right to erasure: the seat is given up first, then every copy is removed. */
export async function erase(
  deps: LifecycleDeps & Pick<AttendeeDeps, 'store' | 'withdrawLeads'>,
  reg: StoredRegistration,
): Promise<void> {
  if (reg.status !== 'cancelled' && reg.status !== 'rejected' && reg.status !== 'expired') {
    await endRegistration(deps, reg.id, 'cancelled', [reg.status]);
  }
  // The copies elsewhere first: a failure leaves the registration, so trying again finishes.
  // (Ending the registration released booth staff's entry; one that ended before is released here.)
  await deps.withdrawLeads?.(reg.id);
  await deps.staffRelease?.release(reg);
  await deps.store.erase(reg);
}
