import { stream } from 'hono/streaming';
import { createApp, type EdgeOptions } from '../core/app.ts';
import type { TokenVerifier } from '../core/auth.ts';
import { clientAddress } from '../core/client-address.ts';
import { NotFoundError } from '../core/errors.ts';
import type { RateLimiter } from '../core/rate-limit.ts';
import type { StaffReleaser } from '../sponsors/public.ts';
import { changeRegistration, erase, exportData, manageView, openWithToken } from './attendee.ts';
import { createCategory, updateCategory } from './categories.ts';
import { createCategoryRoute, updateCategoryRoute } from './category-routes.ts';
import type { Clock } from './deps.ts';
import { checkIn, checkInByCode, deskSearch, deskStats } from './desk.ts';
import { checkInRoute, deskCheckInRoute, deskSearchRoute, deskStatsRoute } from './desk-routes.ts';
import { invoicePdf } from './invoices.ts';
import { approve, endRegistration } from './lifecycle.ts';
import { DEFAULT_LIMITS, RESEND_LIMITS, type RegistrationLimits } from './limits.ts';
import { importStatement, readStatement } from './payment-import.ts';
import { importPaymentsRoute, invoiceRoute, markPaymentRoute, resendLinkRoute } from './payment-routes.ts';
import { settleInEvent } from './payments.ts';
import { personalAgenda, savePersonalAgenda } from './personal-agenda.ts';
import { getPersonalAgendaRoute, putPersonalAgendaRoute } from './personal-agenda-routes.ts';
import { createReadCache } from './read-cache.ts';
import { register } from './register.ts';
import { RESEND_ANSWER, resendLink } from './resend-link.ts';
import {
  approveRoute,
  cancelRegistrationRoute,
  changeRegistrationRoute,
  eraseRegistrationRoute,
  exportCsvRoute,
  exportRegistrationRoute,
  getRegistrationRoute,
  listRegistrationsRoute,
  type ManageTokenEnv,
  organiserCancelRoute,
  registerRoute,
  rejectRoute,
  statsRoute,
  verifyRoute,
} from './routes.ts';
import type { RegistrationStatus } from './schemas.ts';
import { registrationStats } from './stats.ts';
import { verify } from './verify.ts';
import { view } from './views.ts';
import type { RegistrationStores } from './wiring.ts';

/** Every status a registration can be cancelled from. */
const CANCELLABLE: RegistrationStatus[] = ['unverified', 'confirmed', 'pending', 'approved', 'waitlisted'];

/** How long the Lambda and the local twin let sign-ups reuse an event and its categories (read-cache.ts). */
export const READ_CACHE_MS = 5_000;

export type RegistrationsAppDeps = RegistrationStores & {
  siteUrl: string;
  now: Clock;
  /** Days after the event's end that personal data is kept. */
  retentionDays: number;
  verifyToken: TokenVerifier;
  limit: RateLimiter;
  /** Sign-up limits (read from the environment at start, `limits.ts`); the defaults unless given. */
  limits?: RegistrationLimits;
  /**
   * How long a sign-up may reuse the event and category it read, in milliseconds (`read-cache.ts`).
   * 0, the default, reads them at every sign-up; the Lambda and the local twin keep them READ_CACHE_MS.
   */
  readCacheMs?: number;
  allowedOrigins?: string[];
  edge?: EdgeOptions;
  /** Removes an attendee's leads at every sponsor (sponsors/public.ts); consent withdrawn or data erased. */
  withdrawLeads?: (registrationId: string) => Promise<void>;
  /** Booth staff's entry and pass at their sponsor, released when their registration ends (lifecycle.ts). */
  staffRelease?: StaffReleaser;
};

export function createRegistrationsApp(deps: RegistrationsAppDeps) {
  const { store } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const app = createApp({
    ...deps.edge,
    verifyToken: deps.verifyToken,
    allowedOrigins: deps.allowedOrigins,
    // A month of bank statement is larger than any JSON body.
    largeBodies: [/^\/api\/events\/[^/]+\/payments\/import$/],
  });
  const resend = { ...RESEND_LIMITS, ...limits };
  // Who may call is each route contract's `middleware`, checked before the request is validated.
  // The attendee's routes find the manage token on the context.
  const open = async (c: { var: ManageTokenEnv['Variables'] }, id: string) =>
    openWithToken(store, id, c.var.manageToken);
  // Sign-ups only: every other use case reads the event and categories afresh.
  const reads = createReadCache(deps, deps.readCacheMs ?? 0);
  // register() counts the client in the sign-up's transaction, and a notice to an owner
  // against the address's limit.
  const useCases = { ...deps, events: reads.events, categories: reads.categories, limits };

  app.openapi(registerRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const input = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    // register() counts the client's limit (inside the sign-up's transaction); a replay is
    // answered even when the limit is reached (a retry is never refused).
    const result = await register(useCases, eventId, key, input, clientAddress(c, deps.edge?.clientAddress));
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('Location', `/api/registrations/${result.body.id}`);
    return c.json(result.body, 201);
  });

  app.openapi(getRegistrationRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await manageView(deps, reg), 200);
  });

  app.openapi(verifyRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await verify(deps, reg), 200);
  });

  app.openapi(cancelRegistrationRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    return c.json(await endRegistration(deps, reg.id, 'cancelled', CANCELLABLE), 200);
  });

  app.openapi(changeRegistrationRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    return c.json(await changeRegistration(deps, reg, c.req.valid('json')), 200);
  });

  app.openapi(eraseRegistrationRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    await erase(deps, reg);
    return c.body(null, 204);
  });

  app.openapi(exportRegistrationRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    c.header('Cache-Control', 'private, no-store');
    c.header('Content-Disposition', `attachment; filename="registration-${reg.id}.json"`);
    return c.json(await exportData(deps, reg), 200);
  });

  app.openapi(getPersonalAgendaRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await personalAgenda(store, reg), 200);
  });

  app.openapi(putPersonalAgendaRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    return c.json(await savePersonalAgenda(deps, reg, c.req.valid('json').sessionIds), 200);
  });

  app.openapi(resendLinkRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    await deps.limit(resend.resendPerClient, clientAddress(c, deps.edge?.clientAddress));
    await resendLink({ ...deps, perEmail: resend.resendPerEmail }, eventId, c.req.valid('json').email);
    c.header('Cache-Control', 'no-store');
    return c.json(RESEND_ANSWER, 202);
  });

  app.openapi(invoiceRoute, async (c) => {
    const reg = await open(c, c.req.valid('param').registrationId);
    const [event, category] = await Promise.all([
      deps.events.getEvent(reg.eventId),
      deps.categories.getCategory(reg.eventId, reg.categoryId),
    ]);
    if (!event || !reg.payment) throw new NotFoundError('This registration has no invoice.');
    const pdf = await invoicePdf({ reg, event, category, issuedOn: deps.now().toISOString().slice(0, 10) });
    const name = reg.payment.status === 'paid' ? reg.payment.invoiceNumber : `pro-forma-${reg.payment.reference}`;
    c.header('Cache-Control', 'private, no-store');
    c.header('Content-Disposition', `inline; filename="invoice-${name}.pdf"`);
    return c.body(pdf.slice().buffer, 200, { 'Content-Type': 'application/pdf' }) as never;
  });

  app.openapi(markPaymentRoute, async (c) => {
    const { eventId, registrationId } = c.req.valid('param');
    const { status, paidAt } = c.req.valid('json');
    return c.json(await settleInEvent(deps, eventId, registrationId, status, paidAt), 200);
  });

  app.openapi(importPaymentsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const statement = await readStatement(c.req.header('content-type'), await c.req.text());
    c.header('Cache-Control', 'private, no-store');
    return c.json(await importStatement(deps, eventId, statement), 200);
  });

  const inEvent = async (eventId: string, registrationId: string) => {
    const reg = await store.get(registrationId);
    if (!reg || reg.eventId !== eventId) throw new NotFoundError(`No registration ${registrationId} in ${eventId}.`);
  };

  app.openapi(createCategoryRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    if (!(await deps.events.getEvent(eventId))) throw new NotFoundError(`No event ${eventId}.`);
    const category = await createCategory(deps, eventId, c.req.valid('json'));
    return c.json(category, 201);
  });

  app.openapi(updateCategoryRoute, async (c) => {
    const { eventId, categoryId } = c.req.valid('param');
    try {
      return c.json(await updateCategory(deps, eventId, categoryId, c.req.valid('json')), 200);
    } finally {
      // This instance's next sign-up sees the change at once (other instances within READ_CACHE_MS).
      reads.forget(eventId);
    }
  });

  app.openapi(statsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    c.header('Cache-Control', 'private, no-store');
    return c.json(await registrationStats(store, eventId), 200);
  });

  app.openapi(listRegistrationsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const { limit, cursor, ...query } = c.req.valid('query');
    const filter = { ...query, q: c.req.valid('header')['x-search'] ?? query.q };
    const page = await store.list(eventId, filter, { limit, cursor });
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: page.items.map((r) => view(r)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(exportCsvRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const query = c.req.valid('query');
    const filter = { ...query, q: c.req.valid('header')['x-search'] ?? query.q };
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="registrations-${eventId}.csv"`);
    c.header('Cache-Control', 'private, no-store');
    // csv-stringify is loaded on first use: only this route needs it.
    const { csvHeader, csvRows } = await import('./csv.ts');
    // Page by page, so an export of any size never sits in memory whole.
    return stream(c, async (out) => {
      await out.write(csvHeader());
      let cursor: string | undefined;
      do {
        const page = await store.list(eventId, filter, { limit: 200, cursor });
        await out.write(csvRows(page.items.map((r) => view(r))));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }) as never;
  });

  app.openapi(checkInRoute, async (c) => {
    const { eventId, registrationId } = c.req.valid('param');
    return c.json(await checkIn(deps, eventId, registrationId), 200);
  });

  app.openapi(deskCheckInRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    return c.json(await checkInByCode(deps, eventId, c.req.valid('json').code), 200);
  });

  app.openapi(deskSearchRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    c.header('Cache-Control', 'private, no-store');
    return c.json(await deskSearch(deps, eventId, c.req.valid('header')['x-search'] ?? c.req.valid('query').q), 200);
  });

  app.openapi(deskStatsRoute, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await deskStats(deps, c.req.valid('param').eventId), 200);
  });

  app.openapi(organiserCancelRoute, async (c) => {
    const { eventId, registrationId } = c.req.valid('param');
    await inEvent(eventId, registrationId);
    return c.json(await endRegistration(deps, registrationId, 'cancelled', CANCELLABLE), 200);
  });

  app.openapi(approveRoute, async (c) => {
    const { eventId, registrationId } = c.req.valid('param');
    await inEvent(eventId, registrationId);
    return c.json(await approve(deps, registrationId), 200);
  });

  app.openapi(rejectRoute, async (c) => {
    const { eventId, registrationId } = c.req.valid('param');
    await inEvent(eventId, registrationId);
    return c.json(await endRegistration(deps, registrationId, 'rejected', ['pending']), 200);
  });

  return app;
}
