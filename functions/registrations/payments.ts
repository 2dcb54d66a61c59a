/**
 * Paid categories, by bank transfer. A registration in a category with a price owes it from
 * sign-up (status `due`, a unique creditor reference). Its clock starts when the seat is
 * surely theirs (confirmed, or approved): the due date is `cancelAfterDays` later, a
 * reminder goes out after `reminderAfterDays`, and a registration still unpaid after the due
 * date is cancelled by the sweep, its seat handed on like any cancellation. Organisers mark
 * payments paid or waived one by one or by importing a statement (payment-import.ts).
 */
import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { CategoryReader, Clock, EventReader } from './deps.ts';
import { type OutboxItem, paymentDueIndex, type StoredCategory, type StoredRegistration } from './keys.ts';
import { mintLink } from './links.ts';
import { attendeeMailItem } from './mails.ts';
import { newPaymentReference } from './reference.ts';
import type { PaymentTerms, Registration, RegistrationPayment, RegistrationStatus } from './schemas.ts';
import { view } from './views.ts';

export const DEFAULT_PAYMENT_TERMS: PaymentTerms = { reminderAfterDays: 7, cancelAfterDays: 14 };
const DAY_MS = 86_400_000;

const termsOf = (category: Pick<StoredCategory, 'payment'> | undefined) => category?.payment ?? DEFAULT_PAYMENT_TERMS;
const dateAfter = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The payment a new registration in a paid category owes; none in a free one. */
export function newPayment(
  category: Pick<StoredCategory, 'price' | 'payment'>,
  now: Date,
): RegistrationPayment | undefined {
  if (!category.price) return undefined;
  return {
    status: 'due',
    amount: category.price.amount,
    currency: category.price.currency,
    reference: newPaymentReference(),
    dueDate: dateAfter(now, termsOf(category).cancelAfterDays),
  };
}

/** The end of the due date (UTC): unpaid after this, the registration is cancelled. */
export const cancelAt = (dueDate: string) => `${dueDate}T23:59:59.999Z`;

/**
 * What a registration's change sets when its seat becomes surely theirs: the due date counts
 * from now and the registration joins the payments due (GSI2) for its reminder. Nothing for
 * a free or settled registration.
 */
export function startPaymentClock(
  reg: Pick<StoredRegistration, 'id' | 'payment'>,
  category: Pick<StoredCategory, 'payment'> | undefined,
  now: Date,
): Record<string, unknown> {
  if (reg.payment?.status !== 'due') return {};
  const terms = termsOf(category);
  const remindAt = new Date(now.getTime() + terms.reminderAfterDays * DAY_MS).toISOString();
  return { 'payment.dueDate': dateAfter(now, terms.cancelAfterDays), ...paymentDueIndex(reg.id, remindAt) };
}

/** The registration as it reads once the clock has started (for the mail of the same change). */
export function withClock(reg: StoredRegistration, sets: Record<string, unknown>): StoredRegistration {
  const dueDate = sets['payment.dueDate'];
  return reg.payment && typeof dueDate === 'string' ? { ...reg, payment: { ...reg.payment, dueDate } } : reg;
}

export interface PaymentStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  nextInvoiceNumber(eventId: string): Promise<number>;
  /** Settles a due payment (guarded: still due, status unchanged), with its mail and link hash. */
  settlePayment(
    reg: StoredRegistration,
    sets: Record<string, unknown>,
    leavePaymentsDue: boolean,
    mail: OutboxItem,
    tokenHash: string,
  ): Promise<boolean>;
}

export type PaymentDeps = {
  store: PaymentStore;
  categories: CategoryReader;
  events: EventReader;
  siteUrl: string;
  now: Clock;
};

/** Registrations whose seat is surely theirs, or held pending a decision: off the waiting list. */
const SEATED: RegistrationStatus[] = ['confirmed', 'approved', 'pending'];

/** The final invoice's number: the event's id and a sequence, "CITCE-2027-00042". */
export const invoiceNumber = (eventId: string, seq: number) =>
  `${eventId.toUpperCase()}-${String(seq).padStart(5, '0')}`;

/**
 * Marks a due payment paid (numbering the final invoice) or waived, and mails the attendee.
 * Settling again is harmless: the registration is answered as it is.
 */
export async function settlePayment(
  deps: PaymentDeps,
  reg: StoredRegistration,
  to: 'paid' | 'waived',
  paidOn?: string,
): Promise<{ registration: Registration; changed: boolean }> {
  const payment = reg.payment;
  if (!payment) throw new ConflictError('This registration has nothing to pay.');
  if (payment.status === to) return { registration: view(reg), changed: false };
  if (payment.status !== 'due') throw new ConflictError(`This payment is already ${payment.status}.`);
  if (reg.status === 'cancelled' || reg.status === 'rejected' || reg.status === 'expired') {
    throw new ConflictError(`A ${reg.status} registration cannot be settled; refund or re-register instead.`);
  }
  const now = deps.now();
  const at = now.toISOString();
  const sets: Record<string, unknown> = { 'payment.status': to, updatedAt: at };
  if (to === 'paid') {
    sets['payment.paidAt'] = paidOn ?? at.slice(0, 10);
    sets['payment.invoiceNumber'] = invoiceNumber(reg.eventId, await deps.store.nextInvoiceNumber(reg.eventId));
  }
  const [event, category] = await Promise.all([
    deps.events.getEvent(reg.eventId),
    deps.categories.getCategory(reg.eventId, reg.categoryId),
  ]);
  const settled: StoredRegistration = {
    ...reg,
    updatedAt: at,
    payment: {
      ...payment,
      status: to,
      ...(to === 'paid'
        ? { paidAt: String(sets['payment.paidAt']), invoiceNumber: String(sets['payment.invoiceNumber']) }
        : {}),
    },
  };
  const link = mintLink(deps.siteUrl, reg);
  const mail = attendeeMailItem(
    now,
    settled,
    to === 'paid' ? 'payment-received' : 'payment-waived',
    { event: event ?? { id: reg.eventId, name: { en: reg.eventId } }, category },
    { manageUrl: link.url },
  );
  if (!(await deps.store.settlePayment(reg, sets, SEATED.includes(reg.status), mail, link.hash))) {
    const again = await deps.store.get(reg.id);
    if (again?.payment?.status === to) return { registration: view(again), changed: false };
    throw new ConflictError('The registration changed meanwhile; reload it.');
  }
  return { registration: view(settled), changed: true };
}

/** The organisers' one-by-one route: the registration must belong to the event. */
export async function settleInEvent(
  deps: PaymentDeps,
  eventId: string,
  registrationId: string,
  to: 'paid' | 'waived',
  paidOn?: string,
) {
  const reg = await deps.store.get(registrationId);
  if (!reg || reg.eventId !== eventId) throw new NotFoundError(`No registration ${registrationId} in ${eventId}.`);
  return (await settlePayment(deps, reg, to, paidOn)).registration;
}
