/**
 * Booth staff: a sponsor names people within its tier's staff passes; each becomes a
 * confirmed registration in the event's exhibitor-staff category (registrations/public.ts).
 * The pass counter and the category's seat counter move in the same transaction as the
 * registration, each guarded by its bound, so the count is exact under any concurrency.
 */
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { cancellationReasons, isContention } from '../core/transaction.ts';
import type { StaffRegistrar } from '../registrations/public.ts';
import { requireSponsor } from './profile.ts';
import type { StaffInput, StaffMember } from './schemas.ts';
import type { StaffStore } from './staff-store.ts';
import type { SponsorsStore } from './store.ts';

export type StaffDeps = { store: SponsorsStore; staff: StaffStore; registrar: StaffRegistrar; now: () => Date };

const ATTEMPTS = 12;
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));

/** Retries a write cancelled by contention (another transaction on the same counter), not by a condition. */
async function retryOnContention<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons || !isContention(reasons) || attempt >= ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

/** The tier's staff passes and how many are used. */
export async function passesOf(
  deps: Pick<StaffDeps, 'store' | 'staff'>,
  sponsorId: string,
  tier: string,
  eventId: string,
) {
  const [tiers, used] = await Promise.all([deps.store.getTiers(eventId), deps.staff.passesUsed(sponsorId)]);
  return { staffPasses: tiers.items.find((t) => t.id === tier)?.staffPasses ?? 0, staffUsed: used };
}

const toMember = (s: {
  registrationId: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle?: string;
  addedAt: string;
}): StaffMember => ({
  staffId: s.registrationId,
  firstName: s.firstName,
  lastName: s.lastName,
  email: s.email,
  ...(s.jobTitle ? { jobTitle: s.jobTitle } : {}),
  addedAt: s.addedAt,
});

export async function listStaff(deps: StaffDeps, sponsorId: string) {
  const sponsor = await requireSponsor(deps.store, sponsorId);
  const [items, passes] = await Promise.all([
    deps.staff.listStaff(sponsorId),
    passesOf(deps, sponsorId, sponsor.tier, sponsor.eventId),
  ]);
  return { items: items.map(toMember), passes: passes.staffPasses, used: passes.staffUsed };
}

export async function addStaff(deps: StaffDeps, sponsorId: string, input: StaffInput): Promise<StaffMember> {
  const sponsor = await requireSponsor(deps.store, sponsorId);
  const { staffPasses } = await passesOf(deps, sponsorId, sponsor.tier, sponsor.eventId);
  if (staffPasses === 0) throw new ConflictError('Your sponsorship tier includes no staff passes.');
  const addedAt = deps.now().toISOString();
  const email = input.email.toLowerCase();
  let added: StaffMember | undefined;
  const outcome = await retryOnContention(() =>
    deps.registrar.register(
      sponsor.eventId,
      { ...input, sponsorId, email, organisation: sponsor.name },
      (registrationId) => {
        const stored = { sponsorId, registrationId, ...input, email, addedAt };
        added = toMember(stored);
        return { passes: deps.staff.takePass(sponsorId, staffPasses), staff: deps.staff.putStaff(stored) };
      },
    ),
  );
  if (outcome.ok && added) return added;
  if (outcome.ok) throw new Error('Staff registered without a staff item');
  const detail = {
    guard: `All ${staffPasses} staff passes of your tier are used.`,
    'duplicate-email': 'This person is already registered for the event.',
    'category-full': 'The exhibitor-staff category is full; please contact the organisers.',
    'no-category': 'The organisers have not opened registration for exhibitor staff yet.',
    'no-event': `No event ${sponsor.eventId}.`,
  }[outcome.reason];
  if (outcome.reason === 'no-event') throw new NotFoundError(detail);
  throw new ConflictError(detail);
}

/** Removes a member of the staff: the registration is cancelled and the pass is free again. */
export async function removeStaff(deps: StaffDeps, sponsorId: string, staffId: string) {
  await requireSponsor(deps.store, sponsorId);
  const ok = await retryOnContention(() =>
    deps.registrar.cancel(staffId, {
      staff: deps.staff.removeStaff(sponsorId, staffId),
      passes: deps.staff.givePassBack(sponsorId),
    }),
  );
  if (!ok) throw new NotFoundError(`No staff member ${staffId} of ${sponsorId}.`);
}
