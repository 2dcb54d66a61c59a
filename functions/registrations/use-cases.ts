/**
 * Registration rules, free of HTTP and AWS (pretalx style: one function per state change;
 * it vetoes, writes, and queues the mail in the same transaction).
 *
 * A pending registration (approval required) holds its seat until it is approved or
 * rejected: approvals can then never oversell, and a rejection hands the seat on.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../core/errors.ts';
import type { Registration, RegistrationInput, RegistrationPatch, RegistrationStatus } from '../core/schemas.ts';
import type { EventsStore } from '../events/store.ts';
import { isCategoryOpen } from '../events/use-cases.ts';
import { outboxItem } from '../mail/outbox.ts';
import { attendeeMail, type MailKind } from './mails.ts';
import {
  holdsSeat,
  type IdempotentResponse,
  outboxIndex,
  type RegistrationsStore,
  type StoredRegistration,
} from './store.ts';

export type RegistrationDeps = {
  store: RegistrationsStore;
  events: EventsStore;
  siteUrl: string;
  now: () => Date;
  /** Days after the event's end that personal data is kept. */
  retentionDays: number;
};

const MAX_ATTEMPTS = 8;
const DAY = 86_400;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const requestHash = (input: RegistrationInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

export function view(reg: StoredRegistration, position?: number): Registration {
  const {
    tokenHash: _t,
    expiresAt: _e,
    waitSeq: _w,
    idempotencyKey: _k,
    search: _s,
    ...rest
  } = reg as StoredRegistration & { waitSeq?: number; search?: string };
  return { ...rest, ...(position ? { waitlistPosition: position } : {}) };
}

function mail(
  deps: RegistrationDeps,
  reg: Pick<Registration, 'id' | 'email' | 'firstName' | 'preferredLanguage'>,
  kind: MailKind,
  eventName: string,
  extra: { manageUrl?: string; position?: number; checkInCode?: string } = {},
) {
  const { subject, text } = attendeeMail(reg.preferredLanguage, kind, {
    eventName,
    firstName: reg.firstName,
    ...extra,
  });
  const now = deps.now();
  // Indexed by registration, so an erasure finds and removes mail not yet sent.
  return {
    ...outboxItem(
      { id: randomUUID(), to: reg.email, subject, text, language: reg.preferredLanguage },
      Math.floor(now.getTime() / 1000) + 7 * DAY,
    ),
    ...outboxIndex(reg.id, now.toISOString()),
  };
}

/** Lower-case text the organisers' search looks in. */
export const searchText = (r: { firstName: string; lastName: string; email: string; organisation: string }) =>
  `${r.firstName} ${r.lastName} ${r.email} ${r.organisation}`.toLowerCase();

export type RegisterResult = { status: number; body: Registration; replayed: boolean };

export async function register(
  deps: RegistrationDeps,
  eventId: string,
  idempotencyKey: string,
  input: RegistrationInput,
): Promise<RegisterResult> {
  const fingerprint = requestHash(input);
  const replay = await deps.store.getIdempotent(eventId, idempotencyKey);
  if (replay) return replayOf(replay, fingerprint);

  const record = await deps.events.getEventRecord(eventId);
  if (!record || record.event.status !== 'published') throw new NotFoundError(`No published event ${eventId}.`);
  const category = record.categories.find((c) => c.id === input.categoryId);
  if (!category)
    throw new UnprocessableError("Choose one of the event's categories.", [
      { path: 'categoryId', message: 'Unknown category' },
    ]);
  const now = deps.now();
  if (!isCategoryOpen(category, now)) throw new ConflictError('Registration in this category is not open now.');

  const eventName = record.event.name[input.preferredLanguage] ?? record.event.name.en;
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const iso = now.toISOString();
  const expiresAt = Math.floor(Date.parse(`${record.event.endDate}T23:59:59Z`) / 1000) + deps.retentionDays * DAY;
  const { dietaryNeeds, accessibilityNeeds, consent: _consent, ...fields } = input;
  const sensitive =
    dietaryNeeds || accessibilityNeeds
      ? {
          dietaryNeeds,
          accessibilityNeeds,
          expiresAt: Math.floor(Date.parse(`${record.event.endDate}T23:59:59Z`) / 1000) + DAY,
        }
      : undefined;
  const manageUrl = `${deps.siteUrl}/${input.preferredLanguage === 'fr' ? 'fr/' : ''}registration/?token=${id}.${token}`;
  const idemExpiry = Math.floor(now.getTime() / 1000) + DAY;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const seated: RegistrationStatus = category.requiresApproval ? 'pending' : 'confirmed';
    const reg: StoredRegistration = {
      id,
      eventId,
      ...fields,
      email: fields.email.toLowerCase(),
      status: seated,
      tokenHash: hashToken(token),
      idempotencyKey,
      search: searchText(fields),
      createdAt: iso,
      updatedAt: iso,
      expiresAt,
    };
    const response: IdempotentResponse = { requestHash: fingerprint, status: 201, body: view(reg) };
    let outcome = await deps.store.writeWithSeat(
      reg,
      sensitive,
      { key: idempotencyKey, response, expiresAt: idemExpiry },
      mail(deps, reg, seated, eventName, { manageUrl, ...(seated === 'confirmed' ? { checkInCode: id } : {}) }),
    );
    if (outcome === 'full') {
      if (!category.waitlist) throw new ConflictError('This category is full and has no waiting list.');
      const seq = await deps.store.nextWaitSeq(eventId, category.id);
      const position = (await deps.store.waitingAhead(eventId, category.id, seq)) + 1;
      const waiting: StoredRegistration = { ...reg, status: 'waitlisted' };
      const waitingResponse: IdempotentResponse = {
        requestHash: fingerprint,
        status: 201,
        body: view(waiting, position),
      };
      outcome = await deps.store.writeWaiting(
        waiting,
        seq,
        sensitive,
        { key: idempotencyKey, response: waitingResponse, expiresAt: idemExpiry },
        mail(deps, waiting, 'waitlisted', eventName, { manageUrl, position }),
      );
      if (outcome === 'written') return { status: 201, body: view(waiting, position), replayed: false };
    }
    if (outcome === 'written') return { status: 201, body: view(reg), replayed: false };
    if (outcome === 'duplicate-email')
      throw new ConflictError('This email address is already registered for this event.');
    if (outcome === 'duplicate-key') {
      const first = await deps.store.getIdempotent(eventId, idempotencyKey);
      if (first) return replayOf(first, fingerprint);
    }
    // 'seat-free': a seat was released between our two attempts; try for it again.
  }
  throw new UnavailableError('Registration is very busy right now; please retry.', 1);
}

function replayOf(first: IdempotentResponse, fingerprint: string): RegisterResult {
  if (first.requestHash !== fingerprint) {
    throw new UnprocessableError('This Idempotency-Key was already used for a different registration.', [
      { path: 'Idempotency-Key', message: 'Reused with another body' },
    ]);
  }
  return { status: first.status, body: first.body as Registration, replayed: true };
}

/** The registration a manage token opens, or 404 (also for a wrong token: nothing to learn). */
export async function openWithToken(store: RegistrationsStore, id: string, token: string): Promise<StoredRegistration> {
  const reg = await store.get(id);
  const expected = reg ? Buffer.from(reg.tokenHash, 'hex') : Buffer.alloc(32);
  const given = Buffer.from(hashToken(token), 'hex');
  if (!reg || !timingSafeEqual(expected, given)) throw new NotFoundError('No registration for this link.');
  return reg;
}

export async function viewRegistration(store: RegistrationsStore, reg: StoredRegistration): Promise<Registration> {
  if (reg.status !== 'waitlisted') return view(reg);
  const seq = (reg as StoredRegistration & { waitSeq?: number }).waitSeq ?? 0;
  return view(reg, (await store.waitingAhead(reg.eventId, reg.categoryId, seq)) + 1);
}

/** Cancels or rejects; a held seat goes to the first person waiting, who is told by mail. */
export async function endRegistration(
  deps: RegistrationDeps,
  id: string,
  to: 'cancelled' | 'rejected',
  allowedFrom: RegistrationStatus[],
): Promise<Registration> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS * 2; attempt += 1) {
    const reg = await deps.store.get(id);
    if (!reg) throw new NotFoundError(`No registration ${id}.`);
    if (reg.status === to) return view(reg);
    if (!allowedFrom.includes(reg.status)) throw new ConflictError(`A ${reg.status} registration cannot become ${to}.`);
    const record = await deps.events.getEventRecord(reg.eventId);
    const category = record?.categories.find((c) => c.id === reg.categoryId);
    const eventName = record ? (record.event.name[reg.preferredLanguage] ?? record.event.name.en) : reg.eventId;
    const waiter = holdsSeat(reg.status) ? await deps.store.firstWaiting(reg.eventId, reg.categoryId) : undefined;
    const promote = waiter
      ? { reg: waiter, status: category?.requiresApproval ? ('pending' as const) : ('confirmed' as const) }
      : undefined;
    const mails = [mail(deps, reg, to, eventName)];
    if (waiter) {
      const waiterEvent = record ? (record.event.name[waiter.preferredLanguage] ?? record.event.name.en) : reg.eventId;
      mails.push(
        mail(deps, waiter, 'promoted', waiterEvent, promote?.status === 'confirmed' ? { checkInCode: waiter.id } : {}),
      );
    }
    const now = deps.now().toISOString();
    if (await deps.store.release(reg, to, now, promote, mails)) return view({ ...reg, status: to, updatedAt: now });
    // The waiting list or the status moved (or the index lags behind a new waiter): read again.
    await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
  }
  throw new UnavailableError('The registration is changing right now; please retry.', 1);
}

export async function approve(deps: RegistrationDeps, id: string): Promise<Registration> {
  const reg = await deps.store.get(id);
  if (!reg) throw new NotFoundError(`No registration ${id}.`);
  if (reg.status === 'approved') return view(reg);
  if (reg.status !== 'pending')
    throw new ConflictError(`Only a pending registration can be approved; this one is ${reg.status}.`);
  const record = await deps.events.getEventRecord(reg.eventId);
  const eventName = record ? (record.event.name[reg.preferredLanguage] ?? record.event.name.en) : reg.eventId;
  const now = deps.now().toISOString();
  if (
    !(await deps.store.update(
      id,
      'pending',
      { status: 'approved', updatedAt: now },
      mail(deps, reg, 'approved', eventName, { checkInCode: reg.id }),
    ))
  ) {
    throw new ConflictError('The registration changed meanwhile; reload it.');
  }
  return view({ ...reg, status: 'approved', updatedAt: now });
}

/** Everything held about the attendee, for the export right. */
export async function exportData(store: RegistrationsStore, reg: StoredRegistration) {
  return {
    registration: await viewRegistration(store, reg),
    sensitive: await store.getSensitive(reg.id),
    exportedAt: new Date().toISOString(),
  };
}

/** Changes what an attendee may change; ended registrations are read-only. */
export async function changeRegistration(
  deps: RegistrationDeps,
  reg: StoredRegistration,
  patch: RegistrationPatch,
): Promise<Registration> {
  if (reg.status === 'cancelled' || reg.status === 'rejected')
    throw new ConflictError(`A ${reg.status} registration cannot be changed.`);
  const { dietaryNeeds, accessibilityNeeds, ...fields } = patch;
  const now = deps.now().toISOString();
  if (!(await deps.store.update(reg.id, reg.status, { ...fields, updatedAt: now })))
    throw new ConflictError('The registration changed meanwhile; reload it.');
  if (dietaryNeeds !== undefined || accessibilityNeeds !== undefined) {
    const current = await deps.store.getSensitive(reg.id);
    const record = await deps.events.getEventRecord(reg.eventId);
    const end = record ? Math.floor(Date.parse(`${record.event.endDate}T23:59:59Z`) / 1000) : reg.expiresAt;
    await deps.store.putSensitive(reg.id, {
      ...current,
      ...(dietaryNeeds !== undefined ? { dietaryNeeds } : {}),
      ...(accessibilityNeeds !== undefined ? { accessibilityNeeds } : {}),
      expiresAt: end + DAY,
    });
  }
  return viewRegistration(deps.store, { ...reg, ...fields, updatedAt: now });
}

/** The right to erasure: the seat is given up first, then every copy is removed. */
export async function erase(deps: RegistrationDeps, reg: StoredRegistration): Promise<void> {
  if (reg.status !== 'cancelled' && reg.status !== 'rejected')
    await endRegistration(deps, reg.id, 'cancelled', [reg.status]);
  await deps.store.erase(reg);
}

/** Marks arrival at the venue (organisers and staff); idempotent for the same person. */
export async function checkIn(deps: RegistrationDeps, id: string): Promise<Registration> {
  const reg = await deps.store.get(id);
  if (!reg) throw new NotFoundError(`No registration ${id}.`);
  if (reg.checkedInAt) return view(reg);
  if (reg.status !== 'confirmed' && reg.status !== 'approved')
    throw new ConflictError(`A ${reg.status} registration cannot be checked in.`);
  const now = deps.now().toISOString();
  if (!(await deps.store.update(id, reg.status, { checkedInAt: now, updatedAt: now })))
    throw new ConflictError('The registration changed meanwhile; try again.');
  return view({ ...reg, checkedInAt: now, updatedAt: now });
}

/** After a category grows: the first people waiting take the new seats, in order. */
export async function fillFreeSeats(deps: RegistrationDeps, eventId: string, categoryId: string): Promise<number> {
  let promoted = 0;
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const record = await deps.events.getEventRecord(eventId);
    const category = record?.categories.find((c) => c.id === categoryId);
    if (!record || !category || category.taken >= category.capacity || !category.waiting) return promoted;
    const waiter = await deps.store.firstWaiting(eventId, categoryId);
    if (!waiter) {
      // The index has not caught up with a new waiter yet.
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const eventName = record.event.name[waiter.preferredLanguage] ?? record.event.name.en;
    const outcome = await deps.store.promoteIntoFreeSeat(
      waiter,
      category.requiresApproval ? 'pending' : 'confirmed',
      deps.now().toISOString(),
      mail(deps, waiter, 'promoted', eventName),
    );
    if (outcome === 'no-seat') return promoted;
    if (outcome === 'promoted') promoted += 1;
  }
  return promoted;
}

export type RegistrationStats = {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byCountry: Record<string, number>;
  byDay: { day: string; count: number }[];
};

/** Counts for the organisers' dashboard, read page by page from the event's registrations. */
export async function registrationStats(store: RegistrationsStore, eventId: string): Promise<RegistrationStats> {
  const stats: RegistrationStats = { total: 0, byStatus: {}, byCategory: {}, byCountry: {}, byDay: [] };
  const days = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await store.list(eventId, {}, { limit: 500, cursor });
    for (const r of page.items) {
      stats.total += 1;
      stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
      const category = stats.byCategory[r.categoryId] ?? {};
      stats.byCategory[r.categoryId] = category;
      category[r.status] = (category[r.status] ?? 0) + 1;
      if (r.status !== 'cancelled' && r.status !== 'rejected')
        stats.byCountry[r.country] = (stats.byCountry[r.country] ?? 0) + 1;
      const day = r.createdAt.slice(0, 10);
      days.set(day, (days.get(day) ?? 0) + 1);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  stats.byDay = [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
  return stats;
}
