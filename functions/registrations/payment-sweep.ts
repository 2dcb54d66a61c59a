/**
 * The payment sweep (run with the hold sweep, every five minutes in AWS, 30 s locally): finds
 * the payments due whose next step has come, by the time-ordered index (no Scan). First the
 * reminder, mailed once; after the due date, the cancellation, which hands the seat on like
 * any cancellation. A payment settled meanwhile only leaves the index.
 */
import type { Clock } from './deps.ts';
import type { OutboxItem, StoredRegistration } from './keys.ts';
import { endRegistration, type LifecycleDeps, mailContext } from './lifecycle.ts';
import { mintLink } from './links.ts';
import { attendeeMailItem } from './mails.ts';
import { cancelAt } from './payments.ts';

export interface PaymentSweepStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  duePayments(now: string, limit?: number): Promise<{ registrationId: string; at: string }[]>;
  markReminded(
    reg: StoredRegistration,
    at: string,
    nextAt: string,
    mail: OutboxItem,
    tokenHash: string,
  ): Promise<boolean>;
  reschedulePayment(reg: StoredRegistration, nextAt: string): Promise<void>;
  clearPaymentDue(registrationId: string): Promise<void>;
}

/** A reminder sent late (the sweep was down) still leaves a day before the cancellation. */
const GRACE_MS = 86_400_000;

export type PaymentSweepDeps = Omit<LifecycleDeps, 'store'> & {
  store: LifecycleDeps['store'] & PaymentSweepStore;
  now: Clock;
};

export async function sweepPayments(deps: PaymentSweepDeps, stopAt = Number.POSITIVE_INFINITY) {
  const done = { reminded: 0, cancelled: 0 };
  const seen = new Set<string>();
  while (Date.now() < stopAt) {
    const now = deps.now();
    const due = (await deps.store.duePayments(now.toISOString())).filter((d) => !seen.has(d.registrationId));
    if (due.length === 0) return done;
    for (const { registrationId } of due) {
      // Each registration once per sweep: a reminder moves it later, a failure waits for the next run.
      seen.add(registrationId);
      const reg = await deps.store.get(registrationId);
      const payment = reg?.payment;
      if (!reg || payment?.status !== 'due' || (reg.status !== 'confirmed' && reg.status !== 'approved')) {
        await deps.store.clearPaymentDue(registrationId);
        continue;
      }
      const cancelTime = cancelAt(payment.dueDate);
      if (!payment.remindedAt) {
        const ctx = await mailContext(deps, reg.eventId, reg.categoryId);
        const link = mintLink(deps.siteUrl, reg);
        const mail = attendeeMailItem(now, reg, 'payment-reminder', ctx, { manageUrl: link.url });
        const nextAt = new Date(Math.max(Date.parse(cancelTime), now.getTime() + GRACE_MS)).toISOString();
        if (await deps.store.markReminded(reg, now.toISOString(), nextAt, mail, link.hash)) done.reminded += 1;
      } else if (now.toISOString() >= cancelTime) {
        // Still unpaid after the due date: cancelled only if the fee is still due at the moment of writing.
        await endRegistration(deps, reg.id, 'cancelled', [reg.status], { mail: 'unpaid-cancelled', paymentDue: true });
        done.cancelled += 1;
      } else {
        await deps.store.reschedulePayment(reg, cancelTime);
      }
    }
  }
  return done;
}
