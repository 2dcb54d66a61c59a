/**
 * Lead capture with consent. A member of a sponsor types or scans an attendee's check-in
 * code; the lead is kept only if the attendee agreed to share their contact with exhibitors
 * (checked again inside the write's transaction), and the refusal reveals nothing else. A
 * sponsor sees only its own leads; withdrawing consent (or erasing the registration) deletes
 * the attendee's leads at every sponsor; leads expire with the registration's retention.
 */
import { createHash } from 'node:crypto';
import { UnprocessableError } from '../core/errors.ts';
import type { LeadSource } from '../registrations/public.ts';
import type { StoredLead } from './keys.ts';
import { requireSponsor } from './profile.ts';
import type { Lead } from './schemas.ts';
import type { StaffStore } from './staff-store.ts';
import type { SponsorsStore } from './store.ts';

export type LeadDeps = { store: SponsorsStore; staff: StaffStore; leads: LeadSource; now: () => Date };

export const NO_CONSENT = 'This attendee has not agreed to share their contact.';

const leadIdOf = (sponsorId: string, registrationId: string) =>
  createHash('sha256').update(`${sponsorId}:${registrationId}`).digest('hex').slice(0, 32);

export function toLead(stored: StoredLead): Lead {
  const { sponsorId: _s, registrationId: _r, expiresAt: _e, ...lead } = stored;
  return lead;
}

/** 201 with a new lead, or 200 with the one already kept for this attendee. */
export async function captureLead(
  deps: LeadDeps,
  sponsorId: string,
  input: { code: string; note?: string; rating?: number },
): Promise<{ lead: Lead; created: boolean }> {
  const sponsor = await requireSponsor(deps.store, sponsorId);
  const refuse = () => new UnprocessableError(NO_CONSENT, [{ path: 'code', message: NO_CONSENT }]);
  const attendee = await deps.leads.consentingAttendee(sponsor.eventId, input.code);
  if (!attendee) throw refuse();
  const at = deps.now().toISOString();
  const { id: registrationId, expiresAt, ...person } = attendee;
  const stored: StoredLead = {
    leadId: leadIdOf(sponsorId, registrationId),
    sponsorId,
    registrationId,
    ...person,
    ...(input.note ? { note: input.note } : {}),
    ...(input.rating ? { rating: input.rating } : {}),
    capturedAt: at,
    updatedAt: at,
    expiresAt,
  };
  const clean = JSON.parse(JSON.stringify(stored)) as StoredLead;
  const outcome = await deps.staff.putLead(clean, deps.leads.consentHolds(registrationId));
  if (outcome === 'no-consent') throw refuse();
  if (outcome === 'exists') {
    const existing = await deps.staff.getLead(sponsorId, clean.leadId);
    if (existing) return { lead: toLead(existing), created: false };
  }
  return { lead: toLead(clean), created: true };
}

export async function updateLead(
  deps: LeadDeps,
  sponsorId: string,
  leadId: string,
  patch: { note?: string | null; rating?: number | null },
) {
  const sets: Record<string, unknown> = { updatedAt: deps.now().toISOString() };
  const removes: string[] = [];
  for (const field of ['note', 'rating'] as const) {
    const value = patch[field];
    if (value === null) removes.push(field);
    else if (value !== undefined) sets[field] = value;
  }
  return toLead(await deps.staff.updateLead(sponsorId, leadId, sets, removes));
}

export async function leadPage(deps: LeadDeps, sponsorId: string, cursor: string | undefined, limit: number) {
  await requireSponsor(deps.store, sponsorId);
  const page = await deps.staff.leadPage(sponsorId, cursor, limit);
  return { items: page.items.map(toLead), nextCursor: page.nextCursor ?? null };
}

const COLUMNS = [
  'firstName',
  'lastName',
  'email',
  'organisation',
  'jobTitle',
  'country',
  'rating',
  'note',
  'capturedAt',
] as const;

/** A cell starting with = + - @ (or a tab or carriage return) would run as a formula: prefixed with '. */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The sponsor's leads as CSV (UTF-8 with BOM, every cell quoted, no formulas). */
export async function leadsCsv(deps: LeadDeps, sponsorId: string): Promise<string> {
  await requireSponsor(deps.store, sponsorId);
  const leads = await deps.staff.allLeads(sponsorId);
  const rows = leads.map((lead) => COLUMNS.map((c) => neutralise(lead[c] === undefined ? '' : String(lead[c]))));
  // Loaded on first use, as the registrations' export does: only this route needs it.
  const { stringify } = await import('csv-stringify/sync');
  return `\uFEFF${stringify([[...COLUMNS], ...rows], { quoted: true, record_delimiter: '\r\n' })}`;
}
