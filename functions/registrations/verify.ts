/** The mailed link was opened: proof that the address is the registrant's own. */
import { ConflictError, UnavailableError } from '../core/errors.ts';
import type { CategoryReader, Clock, EventReader } from './deps.ts';
import type { OutboxItem, StoredRegistration } from './keys.ts';
import { seatedStatus } from './lifecycle.ts';
import { attendeeMailItem } from './mails.ts';
import type { Registration, RegistrationStatus } from './schemas.ts';
import { view } from './views.ts';

export interface VerifyStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number>;
  verify(reg: StoredRegistration, to: RegistrationStatus, now: string, mail: OutboxItem): Promise<boolean>;
}

export type VerifyDeps = { store: VerifyStore; categories: CategoryReader; events: EventReader; now: Clock };

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
    const [event, category] = await Promise.all([
      deps.events.getEvent(reg.eventId),
      deps.categories.getCategory(reg.eventId, reg.categoryId),
    ]);
    const waiting = reg.hold === 'waitlist';
    const to: RegistrationStatus = waiting ? 'waitlisted' : seatedStatus(category);
    const position = waiting ? (await deps.store.waitingAhead(reg.eventId, reg.categoryId, reg.waitSeq ?? 0)) + 1 : 0;
    const now = deps.now();
    const name = event?.name ?? { en: reg.eventId };
    const mail =
      to === 'confirmed'
        ? attendeeMailItem(now, reg, 'confirmed', name, { checkInCode: reg.checkInCode })
        : attendeeMailItem(now, reg, to, name, { position });
    const at = now.toISOString();
    if (await deps.store.verify(reg, to, at, mail)) {
      const { hold: _h, heldUntil: _u, ...verified } = reg;
      return view({ ...verified, status: to, updatedAt: at }, position || undefined);
    }
    // Promoted, expired or verified in another tab meanwhile: read again.
  }
  throw new UnavailableError('The registration is changing right now; please retry.', 1);
}
