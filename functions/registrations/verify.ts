/** The mailed link was opened: proof that the address is the registrant's own. */
import { ConflictError, UnavailableError } from '../core/errors.ts';
import type { CategoryReader, Clock, EventReader } from './deps.ts';
import type { OutboxItem, StoredRegistration } from './keys.ts';
import { mailContext, seatedStatus } from './lifecycle.ts';
import { mintLink } from './links.ts';
import { attendeeMailItem } from './mails.ts';
import { startPaymentClock, withClock } from './payments.ts';
import type { Registration, RegistrationStatus } from './schemas.ts';
import { view } from './views.ts';

export interface VerifyStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number>;
  verify(
    reg: StoredRegistration,
    to: RegistrationStatus,
    now: string,
    mail: OutboxItem,
    more?: { sets?: Record<string, unknown>; tokenHash?: string },
  ): Promise<boolean>;
}

export type VerifyDeps = {
  store: VerifyStore;
  categories: CategoryReader;
  events: EventReader;
  siteUrl: string;
  now: Clock;
};

/**
 * An unverified registration takes the status its hold stands for: with a seat, confirmed
 * (or pending where organisers approve); on the waiting list, waitlisted at its number.
 * Opening the link again changes nothing.
 */
export async function verify(deps: VerifyDeps, opened: StoredRegistration): Promise<Registration> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const reg = attempt === 0 ? opened : await deps.store.get(opened.id);
    if (!reg) break;
    if (reg.status === 'expired') {
      throw new ConflictError('This registration was not confirmed in time and has lapsed; please register again.');
    }
    if (reg.status !== 'unverified') return view(reg);
    const ctx = await mailContext(deps, reg.eventId, reg.categoryId);
    const waiting = reg.hold === 'waitlist';
    const to: RegistrationStatus = waiting ? 'waitlisted' : seatedStatus(ctx.category);
    const position = waiting ? (await deps.store.waitingAhead(reg.eventId, reg.categoryId, reg.waitSeq ?? 0)) + 1 : 0;
    const now = deps.now();
    // A confirmed seat in a paid category: the payment clock starts now.
    const clock = to === 'confirmed' ? startPaymentClock(reg, ctx.category, now) : {};
    const { hold: _h, heldUntil: _u, ...rest } = withClock(reg, clock);
    const at = now.toISOString();
    const verified = { ...rest, status: to, updatedAt: at };
    const link = mintLink(deps.siteUrl, reg);
    const mail = attendeeMailItem(now, verified, to, ctx, { manageUrl: link.url, position });
    if (await deps.store.verify(reg, to, at, mail, { sets: clock, tokenHash: link.hash })) {
      return view(verified, position || undefined);
    }
    // Promoted, expired or verified in another tab meanwhile: read again.
  }
  throw new UnavailableError('The registration is changing right now; please retry.', 1);
}
