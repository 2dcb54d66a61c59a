/** The handlers for booth staff and leads. */
import type { App } from '../core/app.ts';
import type { LeadSource, StaffRegistrar } from '../registrations/public.ts';
import { captureLead, leadPage, leadsCsv, updateLead } from './leads.ts';
import { addStaff, listStaff, removeStaff } from './staff.ts';
import {
  addStaffRoute,
  captureLeadRoute,
  leadsCsvRoute,
  listLeadsRoute,
  listStaffRoute,
  patchLeadRoute,
  removeStaffRoute,
} from './staff-routes.ts';
import type { StaffStore } from './staff-store.ts';
import type { SponsorsStore } from './store.ts';

export type StaffAndLeadDeps = {
  staff: StaffStore;
  /** Registers booth staff in the exhibitor-staff category (registrations/public.ts). */
  registrar: StaffRegistrar;
  /** Finds consenting attendees by check-in code (registrations/public.ts). */
  leads: LeadSource;
};

export function registerStaffAndLeadRoutes(
  app: App,
  deps: StaffAndLeadDeps & { store: SponsorsStore; now: () => Date },
) {
  const noStore = (c: { header(name: string, value: string): void }) => c.header('Cache-Control', 'private, no-store');

  app.openapi(listStaffRoute, async (c) => {
    noStore(c);
    return c.json(await listStaff(deps, c.req.valid('param').sponsorId), 200);
  });

  app.openapi(addStaffRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    return c.json(await addStaff(deps, sponsorId, c.req.valid('json')), 201);
  });

  app.openapi(removeStaffRoute, async (c) => {
    const { sponsorId, staffId } = c.req.valid('param');
    await removeStaff(deps, sponsorId, staffId);
    return c.body(null, 204);
  });

  app.openapi(captureLeadRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const { lead, created } = await captureLead(deps, sponsorId, c.req.valid('json'));
    noStore(c);
    return created ? c.json(lead, 201) : c.json(lead, 200);
  });

  app.openapi(listLeadsRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const { cursor, limit } = c.req.valid('query');
    noStore(c);
    return c.json(await leadPage(deps, sponsorId, cursor, limit), 200);
  });

  app.openapi(leadsCsvRoute, async (c) => {
    const { sponsorId } = c.req.valid('param');
    const csv = await leadsCsv(deps, sponsorId);
    noStore(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="leads-${sponsorId}.csv"`);
    return c.body(csv, 200);
  });

  app.openapi(patchLeadRoute, async (c) => {
    const { sponsorId, leadId } = c.req.valid('param');
    noStore(c);
    return c.json(await updateLead(deps, sponsorId, leadId, c.req.valid('json')), 200);
  });
}
