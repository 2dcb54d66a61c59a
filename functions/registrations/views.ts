/** What an attendee or organiser sees of a stored registration, and derived values. */
import { createHash } from 'node:crypto';
import type { StoredRegistration } from './keys.ts';
import type { Registration } from './schemas.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Lower-case text the organisers' search looks in. */
export const searchText = (r: { firstName: string; lastName: string; email: string; organisation: string }) =>
  `${r.firstName} ${r.lastName} ${r.email} ${r.organisation}`.toLowerCase();

/** The registration as its owner (manage link) and the organisers see it, check-in code included. */
export function view(reg: StoredRegistration, position?: number): Registration {
  const {
    tokenHash: _t,
    tokenHashes: _h,
    expiresAt: _e,
    waitSeq: _w,
    idempotencyKey: _k,
    search: _s,
    hold: _hold,
    // Booth staff's sponsor: a link between stored items, not part of the registration's contract.
    sponsorId: _sponsor,
    ...rest
  } = reg;
  return { ...rest, ...(position ? { waitlistPosition: position } : {}) };
}

/** The answer to a sign-up: whoever sent it may not own the address, so no check-in code. */
export function publicView(reg: StoredRegistration, position?: number): Registration {
  const { checkInCode: _c, ...rest } = view(reg, position);
  return rest;
}
