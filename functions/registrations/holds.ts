/**
 * Unverified registrations hold a seat or a waiting place for a while (per category,
 * 24 hours by default). A sweep, run on a schedule, lets the due ones lapse: each is ended
 * as `expired` exactly as a cancellation would end it, handing its seat on.
 */
import type { StoredRegistration } from './keys.ts';
import { endRegistration, type LifecycleDeps } from './lifecycle.ts';

type Hold = { registrationId: string; heldUntil: string };

export interface HoldsStore {
  get(id: string): Promise<StoredRegistration | undefined>;
  dueHolds(now: string, limit?: number): Promise<Hold[]>;
  dropHold(hold: Hold): Promise<void>;
}

/** Ends the holds due by now, until none is left or `stopAt` (epoch ms) passes; returns how many lapsed. */
export async function expireHolds(deps: LifecycleDeps & { store: HoldsStore }, stopAt = Number.POSITIVE_INFINITY) {
  let expired = 0;
  while (Date.now() < stopAt) {
    const due = await deps.store.dueHolds(deps.now().toISOString());
    if (due.length === 0) return expired;
    for (const hold of due) {
      const reg = await deps.store.get(hold.registrationId);
      if (reg?.status === 'unverified' && reg.heldUntil === hold.heldUntil) {
        // Ending it removes the hold in the same transaction.
        await endRegistration(deps, reg.id, 'expired', ['unverified']);
        expired += 1;
      } else {
        // Verified, ended or erased since: nothing holds a place any more.
        await deps.store.dropHold(hold);
      }
    }
  }
  return expired;
}
